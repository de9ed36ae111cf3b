package io.ispflow.network.statistics;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rollup statements, run as one company (row-level security keeps them to its rows). Each is an
 * upsert of whole periods, so rolling up a period again gives the same rows.
 */
@Component
class Rollups {

    /** Hours of raw interface samples → {@code interface_statistics_hourly}. */
    private static final String INTERFACE_HOURS = """
            insert into interface_statistics_hourly (equipment_id, interface_index, period_start, samples, rate_samples,
                avg_in_bps, max_in_bps, avg_out_bps, max_out_bps, in_octets, out_octets, in_packets, out_packets,
                errors, isp_company_id)
            select equipment_id, interface_index, date_trunc('hour', sampled_at), count(*), count(in_bps),
                   round(avg(in_bps)), max(in_bps), round(avg(out_bps)), max(out_bps),
                   coalesce(sum(in_octets), 0), coalesce(sum(out_octets), 0),
                   coalesce(sum(in_packets), 0), coalesce(sum(out_packets), 0), sum(errors), isp_company_id
            from interface_statistics where sampled_at >= ? and sampled_at < ?
            group by equipment_id, interface_index, date_trunc('hour', sampled_at), isp_company_id
            """ + upsert("equipment_id, interface_index, period_start", true);

    /** Hours of raw bandwidth samples → {@code bandwidth_statistics_hourly}; rates from octets and interval. */
    private static final String BANDWIDTH_HOURS = """
            insert into bandwidth_statistics_hourly (equipment_id, period_start, samples, rate_samples,
                avg_in_bps, max_in_bps, avg_out_bps, max_out_bps, in_octets, out_octets, in_packets, out_packets,
                isp_company_id)
            select equipment_id, date_trunc('hour', sampled_at), count(*), count(in_bps),
                   round(avg(in_bps)), max(in_bps), round(avg(out_bps)), max(out_bps),
                   sum(in_octets), sum(out_octets), sum(in_packets), sum(out_packets), isp_company_id
            from (select *, round(in_octets * 8 / nullif(interval_seconds, 0)) as in_bps,
                         round(out_octets * 8 / nullif(interval_seconds, 0)) as out_bps
                  from bandwidth_statistics where sampled_at >= ? and sampled_at < ?) raw
            group by equipment_id, date_trunc('hour', sampled_at), isp_company_id
            """ + upsert("equipment_id, period_start", false);

    private final JdbcTemplate jdbc;

    Rollups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rolls up the raw samples of [from, to) into hours; returns the hourly rows written. */
    int hours(Instant from, Instant to) {
        return jdbc.update(INTERFACE_HOURS, Timestamp.from(from), Timestamp.from(to))
                + jdbc.update(BANDWIDTH_HOURS, Timestamp.from(from), Timestamp.from(to));
    }

    /** Rolls up the hourly rows of [from, to) into days of Africa/Nairobi; returns the daily rows written. */
    int days(Instant from, Instant to) {
        return jdbc.update(days("interface_statistics", "equipment_id, interface_index", true),
                Timestamp.from(from), Timestamp.from(to))
                + jdbc.update(days("bandwidth_statistics", "equipment_id", false), Timestamp.from(from), Timestamp.from(to));
    }

    private static String days(String table, String key, boolean errors) {
        return "insert into " + table + "_daily (" + key + ", period_start, samples, rate_samples, avg_in_bps,"
                + " max_in_bps, avg_out_bps, max_out_bps, in_octets, out_octets, in_packets, out_packets"
                + (errors ? ", errors" : "") + ", isp_company_id)"
                + " select " + key + ", date_trunc('day', period_start, 'Africa/Nairobi'), sum(samples), sum(rate_samples),"
                + " round(sum(avg_in_bps * rate_samples) / nullif(sum(rate_samples), 0)), max(max_in_bps),"
                + " round(sum(avg_out_bps * rate_samples) / nullif(sum(rate_samples), 0)), max(max_out_bps),"
                + " sum(in_octets), sum(out_octets), sum(in_packets), sum(out_packets)"
                + (errors ? ", sum(errors)" : "") + ", isp_company_id"
                + " from " + table + "_hourly where period_start >= ? and period_start < ?"
                + " group by " + key + ", date_trunc('day', period_start, 'Africa/Nairobi'), isp_company_id "
                + upsert(key + ", period_start", errors);
    }

    private static String upsert(String key, boolean errors) {
        return "on conflict (" + key + ") do update set samples = excluded.samples, rate_samples = excluded.rate_samples,"
                + " avg_in_bps = excluded.avg_in_bps, max_in_bps = excluded.max_in_bps,"
                + " avg_out_bps = excluded.avg_out_bps, max_out_bps = excluded.max_out_bps,"
                + " in_octets = excluded.in_octets, out_octets = excluded.out_octets,"
                + " in_packets = excluded.in_packets, out_packets = excluded.out_packets"
                + (errors ? ", errors = excluded.errors" : "");
    }

    /** Deletes up to {@code limit} rows of the table older than {@code before}; returns how many. */
    int deleteOlder(String table, String timeColumn, Instant before, int limit) {
        return jdbc.update("delete from " + table + " where ctid = any(array(select ctid from " + table
                + " where " + timeColumn + " < ? limit ?))", Timestamp.from(before), limit);
    }
}
