package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A subscription is on another package from {@code from}: at once for an upgrade, at the renewal for a
 * downgrade. The client's record follows it.
 */
public record ServicePackageChanged(UUID companyId, UUID subscriptionId, UUID clientId, UUID servicePackageId,
        BigDecimal monthlyRate, LocalDate from) {
}
