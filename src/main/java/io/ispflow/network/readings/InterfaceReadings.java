package io.ispflow.network.readings;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.ClientAccounts;
import io.ispflow.network.devices.DeviceNotFound;
import io.ispflow.network.devices.Devices;

/** What polling recorded of a device's interfaces: the latest sample of each, and traffic over time. */
@Service
public class InterfaceReadings {

    /** At most this many points in a series, whatever the hours asked for. */
    static final int MAX_POINTS = 300;

    /**
     * The latest sample of each interface: the interface indexes are found by skipping through the
     * series index (one probe per interface, not a scan of the device's history), then each one's
     * newest row is read.
     */
    private static final String LATEST = """
            with recursive interfaces(if_index) as (
                (select interface_index from interface_statistics where equipment_id = ?
                 order by interface_index limit 1)
                union all
                select (select s.interface_index from interface_statistics s
                        where s.equipment_id = ? and s.interface_index > i.if_index
                        order by s.interface_index limit 1)
                from interfaces i where i.if_index is not null)
            select s.interface_index, s.interface_name, s.status, s.admin_status, s.speed, s.in_bps, s.out_bps,
                   s.utilization, s.errors, s.sampled_at, ce.client_id
            from interfaces i
                 cross join lateral (select * from interface_statistics s
                                     where s.equipment_id = ? and s.interface_index = i.if_index
                                     order by s.sampled_at desc limit 1) s
                 left join client_equipment ce on ce.equipment_id = s.equipment_id and ce.returned_at is null
                                               and ce.network_config ->> 'ifIndex' = s.interface_index::text
            where i.if_index is not null
            order by s.interface_index""";

    private final JdbcTemplate jdbc;
    private final Devices devices;
    private final ClientAccounts clients;
    private final Clock clock;

    InterfaceReadings(JdbcTemplate jdbc, Devices devices, ClientAccounts clients, Clock clock) {
        this.jdbc = jdbc;
        this.devices = devices;
        this.clients = clients;
        this.clock = clock;
    }

    /** Each interface of the company's device as last polled, by ifIndex. */
    @Transactional(readOnly = true)
    public List<InterfaceReading> interfaces(UUID deviceId) {
        requireDevice(deviceId);
        return jdbc.query(LATEST, (rs, n) -> {
            UUID clientId = rs.getObject("client_id", UUID.class);
            var client = clientId == null ? null : clients.find(clientId)
                    .map(c -> new InterfaceReading.PortClient(c.id(), c.accountNumber(), c.name())).orElse(null);
            BigDecimal utilization = rs.getBigDecimal("utilization");
            return new InterfaceReading(rs.getInt("interface_index"), rs.getString("interface_name"),
                    rs.getString("status"), rs.getString("admin_status"), rs.getInt("speed"),
                    rs.getObject("in_bps", Long.class), rs.getObject("out_bps", Long.class), utilization,
                    rs.getInt("errors"), rs.getTimestamp("sampled_at").toInstant(), client);
        }, deviceId, deviceId, deviceId);
    }

    /**
     * The interface's traffic over the last {@code hours}, in buckets of whole minutes wide enough for
     * at most {@value #MAX_POINTS} points (24 hours: 5 minutes).
     */
    @Transactional(readOnly = true)
    public TrafficSeries traffic(UUID deviceId, int ifIndex, int hours) {
        requireDevice(deviceId);
        int bucket = bucketSeconds(hours);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(hours));
        var points = jdbc.query("""
                select date_bin(make_interval(secs => ?), sampled_at, timestamptz '2000-01-01 00:00:00+00') as at,
                       round(avg(in_bps))::bigint as in_bps, round(avg(out_bps))::bigint as out_bps
                from interface_statistics
                where equipment_id = ? and interface_index = ? and sampled_at > ? and sampled_at <= ?
                group by 1 order by 1""",
                (rs, n) -> new TrafficSeries.Point(rs.getTimestamp("at").toInstant(), rs.getObject("in_bps", Long.class),
                        rs.getObject("out_bps", Long.class)),
                bucket, deviceId, ifIndex, Timestamp.from(from), Timestamp.from(to));
        return new TrafficSeries(deviceId, ifIndex, hours, bucket, from, to, points);
    }

    /** Whole minutes, so that buckets start at round times. */
    static int bucketSeconds(int hours) {
        // one bucket fewer than the maximum: the first and last buckets may be cut by the window
        int seconds = (hours * 3600 + MAX_POINTS - 2) / (MAX_POINTS - 1);
        return Math.max(60, (seconds + 59) / 60 * 60);
    }

    private void requireDevice(UUID deviceId) {
        if (devices.find(deviceId).isEmpty()) {
            throw new DeviceNotFound(deviceId);
        }
    }
}
