package io.ispflow.network.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.NetworkProvisioner;
import io.ispflow.platform.TenantContext;

/**
 * Provisioning without touching equipment: logs each request and records it as a network event, so
 * that the client's history shows it. Stands in until the SNMP provisioner is configured.
 */
@Component
class LoggingNetworkProvisioner implements NetworkProvisioner {

    private static final Logger log = LoggerFactory.getLogger(LoggingNetworkProvisioner.class);

    private final JdbcTemplate jdbc;

    LoggingNetworkProvisioner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void activate(UUID clientId, String accountNumber) {
        record("service_activated", clientId, accountNumber);
    }

    @Override
    @Transactional
    public void suspend(UUID clientId, String accountNumber) {
        record("service_suspended", clientId, accountNumber);
    }

    @Override
    @Transactional
    public void reactivate(UUID clientId, String accountNumber) {
        record("service_reactivated", clientId, accountNumber);
    }

    private void record(String event, UUID clientId, String accountNumber) {
        log.info("Network: {} for client {} (account {}) — logged only, no equipment configured", event, clientId,
                accountNumber);
        jdbc.update("""
                insert into network_events (client_id, event_type, event_data, triggered_by, isp_company_id)
                values (?, ?, jsonb_build_object('accountNumber', ?::text, 'provisioner', 'logging'), 'process', ?)""",
                clientId, event, accountNumber, TenantContext.requireCompanyId());
    }
}
