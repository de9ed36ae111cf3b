package io.ispflow.payments;

/** The same M-PESA receipt or bank reference was already credited. */
public class DuplicatePayment extends RuntimeException {

    public DuplicatePayment(String reference) {
        super("Payment " + reference + " has already been credited.");
    }
}
