package io.ispflow.network.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.platform.TenantScope;

/**
 * Which devices this node polls now: due rows of {@code equipment_poll_state} claimed for a lease with
 * {@code for update skip locked} (so that of several nodes exactly one takes a device), and their SNMP
 * access, read as their company.
 */
@Component
class PollClaims {

    /** A device claimed for a poll, with what its previous polls left. */
    record Claim(UUID equipmentId, UUID companyId, String state, int failures, Long uptimeTicks,
            Instant lastSuccessAt, byte[] counters, Instant describedAt) {
    }

    /** A claimed device's access and interval, or null access when it is not to be polled (any more). */
    record Device(Claim claim, SnmpEndpoint endpoint, int intervalSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TenantScope tenants;
    private final DeviceAccess access;

    PollClaims(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenants, DeviceAccess access) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
        this.access = access;
    }

    /** Claims up to {@code limit} devices due at {@code now}, committed before it returns. */
    List<Claim> claim(Instant now, int limit, java.time.Duration lease) {
        return transactions.execute(status -> tenants.callPlatformWide(() -> jdbc.query("""
                with due as (
                    select equipment_id from equipment_poll_state
                    where polled and (next_poll_at is null or next_poll_at <= ?)
                    order by next_poll_at nulls first limit ? for update skip locked)
                update equipment_poll_state s set next_poll_at = ?
                from due where s.equipment_id = due.equipment_id
                returning s.equipment_id, s.isp_company_id, s.state, s.consecutive_failures, s.sys_uptime_ticks,
                          s.last_success_at, s.counters, s.described_at""",
                (rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), (Long) rs.getObject(5), instant(rs.getTimestamp(6)), rs.getBytes(7),
                        instant(rs.getTimestamp(8))),
                Timestamp.from(now), limit, Timestamp.from(now.plus(lease)))));
    }

    /** The claimed devices of one company with their access, read as the company. */
    Map<UUID, Device> devices(UUID companyId, List<Claim> claims) {
        Map<UUID, Claim> byId = new HashMap<>();
        claims.forEach(claim -> byId.put(claim.equipmentId(), claim));
        Map<UUID, Device> devices = new HashMap<>();
        tenants.runAs(companyId, () -> transactions.executeWithoutResult(status -> jdbc.query(
                "select id, polling_enabled, poll_interval_seconds, " + DeviceAccess.COLUMNS
                        + " from equipment where id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", byId.keySet().toArray())),
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    SnmpEndpoint endpoint = rs.getBoolean("polling_enabled") ? access.endpoint(rs) : null;
                    devices.put(id, new Device(byId.get(id), endpoint, rs.getInt("poll_interval_seconds")));
                })));
        return devices;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
