package io.ispflow.billing;

import java.time.LocalDate;
import java.util.UUID;

/** A vacation hold: the client's service paused from {@code startsOn} to {@code endsOn}, those days not billed. */
public record Hold(UUID id, UUID subscriptionId, LocalDate startsOn, LocalDate endsOn, int days, String reason,
        String requestedBy) {
}
