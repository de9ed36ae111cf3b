package io.ispflow.messaging.staff;

/** The recipient is no active staff member of the caller's company. */
public class RecipientNotFound extends RuntimeException {

    public RecipientNotFound(String userId) {
        super("No active staff member of your company is called " + userId + ".");
    }
}
