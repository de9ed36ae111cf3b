package io.ispflow.network.provisioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.NetworkProvisioner;

/**
 * Provisioning without touching equipment: logs each request and records it as a network event
 * ({@code provisioner: logging}), so that the client's history shows it. The provisioner of
 * {@code isp.network.provisioning.mode=logging}, and what the SNMP one does for a client without a
 * recorded access port.
 */
class LoggingNetworkProvisioner implements NetworkProvisioner {

    private static final Logger log = LoggerFactory.getLogger(LoggingNetworkProvisioner.class);

    private final NetworkEvents events;

    LoggingNetworkProvisioner(NetworkEvents events) {
        this.events = events;
    }

    @Override
    @Transactional
    public void activate(ServedClient client, String reason) {
        record("service_activated", client);
    }

    @Override
    @Transactional
    public void suspend(ServedClient client, String reason) {
        record("service_suspended", client);
    }

    @Override
    @Transactional
    public void reactivate(ServedClient client, String reason) {
        record("service_reactivated", client);
    }

    private void record(String event, ServedClient client) {
        log.info("Network: {} for client {} (account {}) — logged only, no equipment switched", event, client.id(),
                client.accountNumber());
        events.serviceChanged(event, client, "logging", null);
    }
}
