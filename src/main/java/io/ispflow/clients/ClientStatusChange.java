package io.ispflow.clients;

import java.time.Instant;

/** One step of a client's lifecycle: who moved him from where to where, when and why. */
public record ClientStatusChange(ClientStatus from, ClientStatus to, String changedBy, String reason,
        Instant changedAt) {
}
