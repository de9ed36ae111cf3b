package io.ispflow.billing;

import java.util.UUID;

/**
 * What billing needs to know about clients, provided by the clients module (which depends on billing,
 * not the other way round).
 */
public interface ClientAccounts {

    /** Whether the client exists in the company in context. */
    boolean exists(UUID clientId);
}
