package io.ispflow.payments.mpesa;

/** What Daraja's STK query says of a push: still on the handset, paid, or ended without payment. */
public record StkQueryAnswer(State state, String resultCode, String resultDesc) {

    public enum State {
        PENDING, PAID, FAILED
    }

    static StkQueryAnswer pending(String description) {
        return new StkQueryAnswer(State.PENDING, "4999", description);
    }

    static StkQueryAnswer of(String resultCode, String resultDesc) {
        return switch (resultCode) {
            case "4999" -> new StkQueryAnswer(State.PENDING, resultCode, resultDesc);
            case "0" -> new StkQueryAnswer(State.PAID, resultCode, resultDesc);
            default -> new StkQueryAnswer(State.FAILED, resultCode, resultDesc);
        };
    }
}
