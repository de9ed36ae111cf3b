package io.ispflow.messaging.staff;

import java.util.UUID;

/** No message or thread the caller sent or received has the id. */
public class MessageNotFound extends RuntimeException {

    public MessageNotFound(UUID id) {
        super("You have no message or thread " + id + ".");
    }
}
