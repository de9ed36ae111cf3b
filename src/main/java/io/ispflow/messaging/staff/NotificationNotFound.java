package io.ispflow.messaging.staff;

import java.util.UUID;

/** No notification of the caller has the id (another's is not his to see). */
public class NotificationNotFound extends RuntimeException {

    public NotificationNotFound(UUID id) {
        super("You have no notification " + id + ".");
    }
}
