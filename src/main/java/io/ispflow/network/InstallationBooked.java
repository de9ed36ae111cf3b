package io.ispflow.network;

import java.time.Instant;
import java.util.UUID;

/** A technician's visit to install a client is booked (again, from the second attempt). */
public record InstallationBooked(UUID companyId, UUID clientId, UUID installationId, int attempt, Instant visitAt) {
}
