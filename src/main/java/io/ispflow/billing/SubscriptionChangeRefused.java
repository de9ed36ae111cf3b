package io.ispflow.billing;

/** A change the subscription's state does not allow, e.g. an upgrade while invoices are open. */
public class SubscriptionChangeRefused extends RuntimeException {

    public SubscriptionChangeRefused(String message) {
        super(message);
    }
}
