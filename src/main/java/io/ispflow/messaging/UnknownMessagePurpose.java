package io.ispflow.messaging;

/** No client message has this purpose. */
public class UnknownMessagePurpose extends RuntimeException {

    public UnknownMessagePurpose(String key) {
        super("There is no client message purpose of that name.");
    }
}
