package io.ispflow.payments.reconciliation;

/** M-PESA's ResultCodes of a failed push, in words a payer understands. */
final class MpesaResultTexts {

    private MpesaResultTexts() {
    }

    static String plainWords(String resultCode) {
        return switch (resultCode == null ? "" : resultCode) {
            case "1032", "1031" -> "you cancelled the request on your phone.";
            case "1037" -> "your phone could not be reached in time.";
            case "2001" -> "the M-PESA PIN was wrong.";
            case "1" -> "your M-PESA balance was not enough.";
            case "1019" -> "the request expired before it was completed.";
            default -> "M-PESA could not complete it.";
        };
    }
}
