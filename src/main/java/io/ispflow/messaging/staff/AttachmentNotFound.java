package io.ispflow.messaging.staff;

import java.util.UUID;

/** No attachment of a message the caller sent or received has the id. */
public class AttachmentNotFound extends RuntimeException {

    public AttachmentNotFound(UUID id) {
        super("You have no attachment " + id + ".");
    }
}
