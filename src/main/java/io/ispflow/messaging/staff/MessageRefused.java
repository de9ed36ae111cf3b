package io.ispflow.messaging.staff;

/** A message or a change to one that cannot be made (writing to oneself, marking another's as read …). */
public class MessageRefused extends RuntimeException {

    public MessageRefused(String reason) {
        super(reason);
    }
}
