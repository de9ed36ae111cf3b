package io.ispflow.clients;

/** Where a client stands in his lifecycle; only the onboarding and billing processes move it. */
public enum ClientStatus {
    PENDING, APPROVED, ACTIVE, SUSPENDED, DISCONNECTED, REJECTED
}
