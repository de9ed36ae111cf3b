package io.ispflow.network.traps;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a stored trap means as a network event: linkDown and linkUp ({@code link_down}/{@code link_up},
 * with the port's ifIndex and ifName and, for a client's access port, the client), coldStart and
 * warmStart ({@code device_restarted}). Other notifications stay stored in {@code snmp_traps} only.
 * Runs as the device's company.
 */
@Component
class TrapEvents {

    static final String COLD_START = "1.3.6.1.6.3.1.1.5.1";
    static final String WARM_START = "1.3.6.1.6.3.1.1.5.2";
    static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";
    /** IF-MIB ifIndex and ifName columns: a link trap's variables are these, suffixed with the port's index. */
    static final String IF_INDEX = "1.3.6.1.2.1.2.2.1.1.";
    static final String IF_NAME = "1.3.6.1.2.1.31.1.1.1.1.";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TrapEvents(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(TrapInbox.StoredTrap trap) {
        switch (trap.trapOid()) {
            case LINK_DOWN -> link(trap, "link_down", "linkDown");
            case LINK_UP -> link(trap, "link_up", "linkUp");
            case COLD_START -> insert(trap, "device_restarted", null, data(trap, "coldStart"));
            case WARM_START -> insert(trap, "device_restarted", null, data(trap, "warmStart"));
            default -> {
                // stored as received; no event for notifications the network module does not act on
            }
        }
    }

    private void link(TrapInbox.StoredTrap trap, String eventType, String name) {
        Map<String, Object> data = data(trap, name);
        Integer ifIndex = ifIndex(trap.variables());
        UUID clientId = null;
        if (ifIndex != null) {
            data.put("ifIndex", ifIndex);
            List<Map<String, Object>> port = jdbc.queryForList("""
                    select client_id, network_config ->> 'ifName' as if_name from client_equipment
                    where equipment_id = ? and returned_at is null and network_config ->> 'ifIndex' = ?""",
                    trap.equipmentId(), ifIndex.toString());
            String ifName = trap.variables().get(IF_NAME + ifIndex);
            if (!port.isEmpty()) {
                clientId = (UUID) port.get(0).get("client_id");
                ifName = ifName != null ? ifName : (String) port.get(0).get("if_name");
            }
            if (ifName != null) {
                data.put("ifName", ifName);
            }
        }
        insert(trap, eventType, clientId, data);
    }

    private static Integer ifIndex(Map<String, String> variables) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            if (variable.getKey().startsWith(IF_INDEX)) {
                try {
                    return Integer.valueOf(variable.getValue());
                } catch (NumberFormatException notANumber) {
                    return Integer.valueOf(variable.getKey().substring(IF_INDEX.length()));
                }
            }
        }
        return null;
    }

    private static Map<String, Object> data(TrapInbox.StoredTrap trap, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trap", name);
        data.put("trapId", trap.id().toString());
        data.put("snmpVersion", trap.version());
        return data;
    }

    private void insert(TrapInbox.StoredTrap trap, String eventType, UUID clientId, Map<String, Object> data) {
        try {
            jdbc.update("""
                    insert into network_events (client_id, equipment_id, event_type, event_data, triggered_by,
                                                isp_company_id, created_at)
                    values (?, ?, ?, ?::jsonb, 'snmp', current_company_id(), ?)""",
                    clientId, trap.equipmentId(), eventType, json.writeValueAsString(data),
                    Timestamp.from(trap.receivedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
