package io.ispflow.payments;

/**
 * An M-PESA payment told with one key only (receipt or STK push) that may be the payment credited
 * shortly before under the other key, for the same client and amount: a person decides.
 */
public class PossiblySamePayment extends RuntimeException {

    private final Payment credited;

    public PossiblySamePayment(Payment credited) {
        super("Possibly the same money as payment " + credited.receiptNumber());
        this.credited = credited;
    }

    /** The payment credited before. */
    public Payment credited() {
        return credited;
    }
}
