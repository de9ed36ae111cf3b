package io.ispflow.network.traps;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.inbox.InboxDispatcher;

/**
 * Stores a known device's trap in {@code snmp_traps} as its company and commits, before an inform is
 * answered; once per notification (a repeat has the same natural key). Wakes the inbox dispatcher.
 */
@Component
class TrapIntake {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final InboxDispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    TrapIntake(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions, InboxDispatcher dispatcher,
            ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the trap as the device's company and commits; false if it was stored before (a repeat). */
    boolean store(TrapSources.Source source, ReceivedTrap trap) {
        String variables = write(trap.variables());
        Boolean stored = tenantScope.callAs(source.companyId(), () -> transactions.execute(status -> {
            int rows = jdbc.update("""
                    insert into snmp_traps (equipment_id, source_address, snmp_version, pdu_type, trap_oid, uptime_ticks,
                                            natural_key, variables, received_at, isp_company_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                    on conflict (equipment_id, natural_key) do nothing""",
                    source.equipmentId(), trap.sourceAddress(), trap.version(), trap.pduType(), trap.trapOid(),
                    trap.uptimeTicks(), trap.naturalKey(), variables, Timestamp.from(clock.instant()),
                    source.companyId());
            if (rows == 1) {
                dispatcher.wakeUpAfterCommit();
            }
            return rows == 1;
        }));
        return Boolean.TRUE.equals(stored);
    }

    private String write(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
