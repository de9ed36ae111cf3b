package io.ispflow.network.traps;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.inbox.Inbox;

/**
 * The stored traps of known devices ({@code snmp_traps}) as an inbox: the dispatcher turns each into a
 * network event once.
 */
@Component
class TrapInbox implements Inbox<TrapInbox.StoredTrap> {

    /** A stored trap as the dispatcher hands it on. */
    record StoredTrap(UUID id, UUID equipmentId, String trapOid, Map<String, String> variables, String version,
            Instant receivedAt) {
    }

    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TrapEvents events;
    private final ObjectMapper json;

    TrapInbox(JdbcTemplate jdbc, TrapEvents events, ObjectMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    @Override
    public String name() {
        return "snmp_traps";
    }

    @Override
    public List<Message<StoredTrap>> claim(int limit, int maxAttempts) {
        return jdbc.query("""
                select id, isp_company_id, equipment_id, trap_oid, variables::text as variables, snmp_version, received_at
                from snmp_traps where dispatched_at is null and dispatch_attempts < ?
                order by received_at limit ? for update skip locked""",
                (rs, n) -> new Message<>(rs.getObject("id", UUID.class), rs.getObject("isp_company_id", UUID.class),
                        new StoredTrap(rs.getObject("id", UUID.class), rs.getObject("equipment_id", UUID.class),
                                rs.getString("trap_oid"), read(rs.getString("variables")), rs.getString("snmp_version"),
                                rs.getTimestamp("received_at").toInstant())),
                maxAttempts, limit);
    }

    @Override
    public void dispatch(StoredTrap trap) {
        events.record(trap);
    }

    @Override
    public void markDispatched(UUID id) {
        jdbc.update("update snmp_traps set dispatched_at = now(), dispatch_error = null where id = ?", id);
    }

    @Override
    public void recordFailedAttempt(UUID id, String error) {
        jdbc.update("update snmp_traps set dispatch_attempts = dispatch_attempts + 1, dispatch_error = ? where id = ?",
                error, id);
    }

    private Map<String, String> read(String variables) {
        try {
            return json.readValue(variables, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable variables of a stored trap", e);
        }
    }
}
