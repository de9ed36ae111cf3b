package io.ispflow.billing;

import java.util.Locale;

/** Where a subscription stands; the client's service status follows it. */
public enum SubscriptionState {
    /** Paid up, or within the payment term of his latest invoice. */
    ACTIVE,
    /** His renewal is unpaid: reminded, served, and suspended when the policy says so. */
    GRACE,
    /** Cut off until he pays. */
    SUSPENDED,
    /** Cut off for good after too long suspended; the equipment is recovered. */
    DISCONNECTED,
    /** Over: disconnected and recovered, or not renewed. */
    ENDED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionState of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }
}
