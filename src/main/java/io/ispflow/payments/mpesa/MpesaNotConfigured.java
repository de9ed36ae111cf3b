package io.ispflow.payments.mpesa;

/** The company has no active M-PESA settings (paybill, Daraja credentials). */
public class MpesaNotConfigured extends RuntimeException {

    public MpesaNotConfigured() {
        super("M-PESA is not configured for your company: an ISP administrator sets the paybill and Daraja"
                + " credentials first.");
    }
}
