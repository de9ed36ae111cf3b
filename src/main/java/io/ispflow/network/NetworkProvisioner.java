package io.ispflow.network;

import java.util.UUID;

/**
 * Tells the network to serve, stop serving, or serve again a client. The SNMP implementation talks to
 * the client's equipment; until it exists, {@code LoggingNetworkProvisioner} records the requests.
 */
public interface NetworkProvisioner {

    void activate(UUID clientId, String accountNumber);

    void suspend(UUID clientId, String accountNumber);

    void reactivate(UUID clientId, String accountNumber);
}
