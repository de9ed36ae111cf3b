package io.ispflow.clients;

import java.util.UUID;

/** A client was registered and waits for onboarding. */
public record ClientRegistered(UUID clientId, UUID companyId, String accountNumber) {
}
