package io.ispflow.billing;

import java.time.LocalDate;
import java.util.UUID;

/** A client's subscription began: its first period is invoiced and runs to {@code periodEnd}. */
public record SubscriptionStarted(UUID companyId, UUID subscriptionId, UUID clientId, String accountNumber,
        LocalDate periodEnd) {
}
