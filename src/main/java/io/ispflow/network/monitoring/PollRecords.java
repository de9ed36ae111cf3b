package io.ispflow.network.monitoring;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Writes what a poll came to, as the device's company, in one transaction: the device's poll state
 * (with its counters for the next interval), one {@code interface_statistics} row per interface (one
 * statement for all), one {@code bandwidth_statistics} row when the interval has rates, and the network
 * events of a device going down, coming up or having restarted.
 */
@Component
class PollRecords {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TenantScope tenants;

    PollRecords(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenants) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenants = tenants;
    }

    /** A device that was not polled (no longer enabled, or without access): only its next turn. */
    void skipped(PollClaims.Device device, Instant started) {
        inTransaction(device, () -> jdbc.update("update equipment_poll_state set next_poll_at = ? where equipment_id = ?",
                Timestamp.from(next(device, started)), device.claim().equipmentId()));
    }

    /** A poll that got no (usable) answer; the device is down after {@code downAfter} of them in a row. */
    void failed(PollClaims.Device device, Instant started, String error, int downAfter) {
        PollClaims.Claim claim = device.claim();
        int failures = claim.failures() + 1;
        boolean goesDown = !"down".equals(claim.state()) && failures >= downAfter;
        inTransaction(device, () -> {
            jdbc.update("""
                    update equipment_poll_state set last_poll_at = ?, consecutive_failures = ?, last_error = ?,
                           state = case when ? then 'down' else state end,
                           state_changed_at = case when ? then ? else state_changed_at end, next_poll_at = ?
                    where equipment_id = ?""", Timestamp.from(started), failures, error, goesDown, goesDown,
                    Timestamp.from(started), Timestamp.from(next(device, started)), claim.equipmentId());
            if (goesDown) {
                event(claim, started, "device_down", "{\"missedPolls\": " + failures + "}", false, error);
            }
        });
    }

    /** A poll that read the device: rates against the previous counters unless the device restarted. */
    void succeeded(PollClaims.Device device, Instant started, DeviceReading reading) {
        PollClaims.Claim claim = device.claim();
        boolean restarted = claim.uptimeTicks() != null && reading.uptimeTicks() < claim.uptimeTicks();
        Double seconds = restarted || claim.lastSuccessAt() == null || claim.counters() == null ? null
                : Duration.between(claim.lastSuccessAt(), started).toMillis() / 1000.0;
        List<InterfaceSample> samples = InterfaceSample.of(reading.interfaces(), Counters.decode(claim.counters()),
                seconds != null && seconds > 0 ? seconds : null);
        inTransaction(device, () -> {
            jdbc.update("""
                    update equipment_poll_state set state = 'up', last_poll_at = ?, last_success_at = ?,
                           consecutive_failures = 0, last_error = null, sys_name = coalesce(?, sys_name),
                           sys_descr = coalesce(?, sys_descr), sys_uptime_ticks = ?, counters = ?,
                           described_at = case when ? then ? else described_at end,
                           state_changed_at = case when state <> 'up' then ? else state_changed_at end,
                           next_poll_at = ?
                    where equipment_id = ?""", Timestamp.from(started), Timestamp.from(started),
                    truncate(reading.sysName(), 255), reading.sysDescr(), reading.uptimeTicks(),
                    Counters.encode(reading.interfaces()), reading.sysName() != null, Timestamp.from(started),
                    Timestamp.from(started), Timestamp.from(next(device, started)), claim.equipmentId());
            insertInterfaces(claim, started, samples, seconds);
            if (seconds != null && seconds > 0) {
                insertBandwidth(claim, started, samples, seconds);
            }
            if (restarted) {
                event(claim, started, "device_restarted", "{\"previousUptimeTicks\": " + claim.uptimeTicks()
                        + ", \"uptimeTicks\": " + reading.uptimeTicks() + "}", true, null);
            }
            if ("down".equals(claim.state())) {
                event(claim, started, "device_up", "{\"missedPolls\": " + claim.failures() + "}", true, null);
            }
        });
    }

    private void insertInterfaces(PollClaims.Claim claim, Instant started, List<InterfaceSample> samples,
            Double seconds) {
        if (samples.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into interface_statistics (equipment_id, interface_index, interface_name, status, admin_status,
                    utilization, errors, speed, in_bps, out_bps, in_octets, out_octets, in_packets, out_packets,
                    interval_seconds, sampled_at, isp_company_id)
                select ?, i, n, s, a, u, e, sp, ib, ob, io, oo, ip, op, ?, ?, ?
                from unnest(?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::numeric[], ?::int[], ?::int[],
                            ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                     as t(i, n, s, a, u, e, sp, ib, ob, io, oo, ip, op)""", ps -> {
            Connection c = ps.getConnection();
            ps.setObject(1, claim.equipmentId());
            ps.setBigDecimal(2, seconds == null ? null : BigDecimal.valueOf(seconds));
            ps.setTimestamp(3, Timestamp.from(started));
            ps.setObject(4, claim.companyId());
            ps.setArray(5, array(c, "int4", samples, s -> s.reading().ifIndex()));
            ps.setArray(6, array(c, "varchar", samples, s -> truncate(s.reading().name(), 100)));
            ps.setArray(7, array(c, "varchar", samples, s -> s.reading().operStatus()));
            ps.setArray(8, array(c, "varchar", samples, s -> s.reading().adminStatus()));
            ps.setArray(9, array(c, "numeric", samples, InterfaceSample::utilization));
            ps.setArray(10, array(c, "int4", samples, InterfaceSample::errors));
            ps.setArray(11, array(c, "int4", samples, s -> (int) Math.min(s.reading().speedMbps(), Integer.MAX_VALUE)));
            ps.setArray(12, array(c, "int8", samples, InterfaceSample::inBps));
            ps.setArray(13, array(c, "int8", samples, InterfaceSample::outBps));
            ps.setArray(14, array(c, "int8", samples, InterfaceSample::inOctets));
            ps.setArray(15, array(c, "int8", samples, InterfaceSample::outOctets));
            ps.setArray(16, array(c, "int8", samples, InterfaceSample::inPackets));
            ps.setArray(17, array(c, "int8", samples, InterfaceSample::outPackets));
        });
    }

    private void insertBandwidth(PollClaims.Claim claim, Instant started, List<InterfaceSample> samples,
            double seconds) {
        long[] sums = new long[4];
        for (InterfaceSample sample : samples) {
            sums[0] += sample.inOctets() == null ? 0 : sample.inOctets();
            sums[1] += sample.outOctets() == null ? 0 : sample.outOctets();
            sums[2] += sample.inPackets() == null ? 0 : sample.inPackets();
            sums[3] += sample.outPackets() == null ? 0 : sample.outPackets();
        }
        jdbc.update("""
                insert into bandwidth_statistics (equipment_id, in_octets, out_octets, in_packets, out_packets,
                                                  interval_seconds, sampled_at, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", claim.equipmentId(), sums[0], sums[1], sums[2], sums[3],
                BigDecimal.valueOf(seconds), Timestamp.from(started), claim.companyId());
    }

    private void event(PollClaims.Claim claim, Instant at, String type, String data, boolean success, String error) {
        jdbc.update("""
                insert into network_events (equipment_id, event_type, event_data, triggered_by, success, error_message,
                                            isp_company_id, created_at)
                values (?, ?, ?::jsonb, 'system', ?, ?, ?, ?)""", claim.equipmentId(), type, data, success, error,
                claim.companyId(), Timestamp.from(at));
    }

    /**
     * As the device's company, in a transaction whose commit does not wait for the disk: samples are
     * written every minute per device, and a crash of PostgreSQL itself loses at most the last moment's
     * (the next poll then measures over the longer interval).
     */
    private void inTransaction(PollClaims.Device device, Runnable work) {
        tenants.runAs(device.claim().companyId(), () -> transactions.executeWithoutResult(status -> {
            jdbc.execute("set local synchronous_commit = off");
            work.run();
        }));
    }

    private static Instant next(PollClaims.Device device, Instant started) {
        return started.plusSeconds(device.intervalSeconds());
    }

    private static Array array(Connection connection, String type, List<InterfaceSample> samples,
            Function<InterfaceSample, Object> column) throws SQLException {
        return connection.createArrayOf(type, samples.stream().map(column).toArray());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
