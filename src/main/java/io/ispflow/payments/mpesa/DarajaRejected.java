package io.ispflow.payments.mpesa;

/** Daraja refused a request (bad credentials, invalid shortcode, …), with its error code. */
public class DarajaRejected extends RuntimeException {

    private final String errorCode;

    public DarajaRejected(String errorCode, String message) {
        super("M-PESA refused the request: " + message + (errorCode == null ? "" : " (" + errorCode + ")"));
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
