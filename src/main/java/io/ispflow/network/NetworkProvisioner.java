package io.ispflow.network;

import java.util.UUID;

/**
 * Tells the network to serve, stop serving, or serve again a client. Called inside the caller's
 * transaction: what it starts is started only if that transaction commits. With
 * {@code isp.network.provisioning.mode=snmp} (the default) the client's access port is switched on its
 * device over SNMP; with {@code logging} the requests are only recorded.
 */
public interface NetworkProvisioner {

    /** A client whose service changes: his id, account number and name. */
    record ServedClient(UUID id, String accountNumber, String name) {
    }

    void activate(ServedClient client, String reason);

    void suspend(ServedClient client, String reason);

    void reactivate(ServedClient client, String reason);
}
