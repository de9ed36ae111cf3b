package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client's subscription: his package and monthly rate (and the cheaper one waiting for the next
 * period), the period he is in, how far he has paid, where he stands, and his promise to pay if any.
 */
public record Subscription(UUID id, UUID clientId, String accountNumber, UUID servicePackageId, BigDecimal monthlyRate,
        UUID nextPackageId, BigDecimal nextMonthlyRate, LocalDate periodStart, LocalDate periodEnd,
        LocalDate paidThrough, SubscriptionState state, String stateReason, boolean autoRenew,
        LocalDate promisedUntil, String promisedBy) {

    /** Whether the promise to pay holds on {@code day}. */
    public boolean promiseHolds(LocalDate day) {
        return promisedUntil != null && !day.isAfter(promisedUntil);
    }
}
