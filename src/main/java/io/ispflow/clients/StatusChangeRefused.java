package io.ispflow.clients;

/** A lifecycle move that the client's current state does not allow. */
public class StatusChangeRefused extends RuntimeException {

    public StatusChangeRefused(String message) {
        super(message);
    }
}
