package io.ispflow.network;

import java.util.Optional;
import java.util.UUID;

/**
 * The clients of the company in context, as network needs them (whose port is whose). Provided by the
 * clients module, which depends on network, not the other way round.
 */
public interface ClientAccounts {

    /** A client by id: empty when he is not a client of the company in context. */
    Optional<ClientAccount> find(UUID clientId);

    /** Who a client is, in the words staff know him by. */
    record ClientAccount(UUID id, String accountNumber, String name) {
    }
}
