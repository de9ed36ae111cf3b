package io.ispflow.billing;

import java.util.UUID;

/** No such subscription in the caller's company. */
public class SubscriptionNotFound extends RuntimeException {

    public SubscriptionNotFound(UUID id) {
        super("No subscription " + id + " in your company.");
    }
}
