package io.ispflow.clients;

import io.ispflow.shared.Language;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A client account as other modules and the API see it. */
public record ClientDetails(UUID id, String accountNumber, String name, String email, String phone, String address,
        String county, String subCounty, ClientStatus status, ClientType clientType, ConnectionType connectionType,
        BigDecimal monthlyRate, UUID servicePackageId, Language language, Instant createdAt, Instant updatedAt) {
}
