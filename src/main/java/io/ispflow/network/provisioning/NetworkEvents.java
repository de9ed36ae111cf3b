package io.ispflow.network.provisioning;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.network.NetworkProvisioner.ServedClient;
import io.ispflow.platform.TenantContext;

/** Provisioning's rows in {@code network_events}, for the company in context. */
@Component
class NetworkEvents {

    private final JdbcTemplate jdbc;

    NetworkEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code service_suspended} and the like; {@code provisioner} says whether equipment is switched. */
    void serviceChanged(String event, ServedClient client, String provisioner, UUID equipmentId) {
        jdbc.update("""
                insert into network_events (client_id, equipment_id, event_type, event_data, triggered_by, isp_company_id)
                values (?, ?, ?, jsonb_build_object('accountNumber', ?::text, 'provisioner', ?::text), 'process', ?)""",
                client.id(), equipmentId, event, client.accountNumber(), provisioner, TenantContext.requireCompanyId());
    }

    /** The port was switched and read back in the wanted state. */
    void portSwitched(UUID clientId, AccessPort port, PortState state) {
        insert(clientId, port, state == PortState.DOWN ? "port_disabled" : "port_enabled", state, "process", true,
                null, null, null);
    }

    /** The automatic switch gave up: staff switch the port by hand. */
    void portSwitchFailed(UUID clientId, AccessPort port, PortState state, String error) {
        insert(clientId, port, "port_switch_failed", state, "process", false, error, null, null);
    }

    void portSwitchedManually(UUID clientId, AccessPort port, PortState state, String by, String note) {
        insert(clientId, port, "port_switched_manually", state, "staff", true, null, by, note);
    }

    private void insert(UUID clientId, AccessPort port, String event, PortState state, String triggeredBy,
            boolean success, String error, String by, String note) {
        jdbc.update("""
                insert into network_events (client_id, equipment_id, event_type, event_data, triggered_by, success,
                                            error_message, isp_company_id)
                values (?, ?, ?, jsonb_strip_nulls(jsonb_build_object('ifIndex', ?::int, 'portName', ?::text,
                        'device', ?::text, 'deviceAddress', ?::text, 'adminStatus', ?::text, 'by', ?::text,
                        'note', ?::text)), ?, ?, ?, ?)""",
                clientId, port.equipmentId(), event, port.ifIndex(), port.portName(), port.deviceName(),
                port.deviceAddress(), state.id(), by, note, triggeredBy, success, error,
                TenantContext.requireCompanyId());
    }
}
