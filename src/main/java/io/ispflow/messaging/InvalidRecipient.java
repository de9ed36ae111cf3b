package io.ispflow.messaging;

/** A phone number or e-mail address that messages cannot be sent to. */
public class InvalidRecipient extends RuntimeException {

    private final String field;

    public InvalidRecipient(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
