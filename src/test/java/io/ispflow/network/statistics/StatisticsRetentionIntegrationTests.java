package io.ispflow.network.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestDevices;

/**
 * Raw interface and bandwidth samples rolled up into exact hourly and daily rows, complete periods only,
 * the same rows when run again, within each company; raw rows past their days deleted once rolled up.
 */
@IntegrationTest
class StatisticsRetentionIntegrationTests {

    /** 12:00 in Nairobi on 10 March 2026; that day runs from 09 March 21:00 to 10 March 21:00 UTC. */
    static final Instant H0 = Instant.parse("2026-03-10T09:00:00Z");

    @Autowired
    StatisticsRetention retention;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    TestCompany acme;
    UUID sw;

    @BeforeEach
    void aCompanyWithASwitch() {
        acme = testCompanies.create();
        sw = devices.add(acme.id(), "sw-" + UUID.randomUUID(), 161, new SnmpCredentials.V2c("public", null), false, 60);
    }

    @Test
    void completeHoursAndDaysAreRolledUpExactly() {
        givenScriptedSamples();

        retention.runAt(H0.plus(Duration.ofMinutes(130)));

        assertThat(hourly(acme.id(), "interface_statistics_hourly where interface_index = 1")).containsExactly(
                hour("2026-03-10T09:00:00Z", 3, 3, 300, 600, 20, 30, 6000, 600, 60, 6, 3),
                hour("2026-03-10T10:00:00Z", 2, 1, 500, 500, 50, 50, 4000, 400, 40, 4, 0));
        assertThat(hourly(acme.id(), "interface_statistics_hourly where interface_index = 2")).containsExactly(
                hour("2026-03-10T09:00:00Z", 1, 1, 1000, 1000, 0, 0, 500, 50, 5, 0, 0));
        assertThat(rows(acme.id(), "select period_start, samples, avg_in_bps, max_in_bps, avg_out_bps, in_octets"
                + " from bandwidth_statistics_hourly order by period_start")).containsExactly(Map.of(
                        "period_start", Timestamp.from(H0), "samples", 2, "avg_in_bps", 1500L, "max_in_bps", 2000L,
                        "avg_out_bps", 150L, "in_octets", 22500L));
        assertThat(count(acme.id(), "interface_statistics_daily")).as("the day is not over").isZero();

        retention.runAt(Instant.parse("2026-03-10T21:10:00Z"));

        assertThat(hourly(acme.id(), "interface_statistics_daily where interface_index = 1")).containsExactly(
                hour("2026-03-09T21:00:00Z", 6, 5, 460, 900, 40, 90, 19000, 1900, 190, 19, 3));
    }

    @Test
    void rollingUpAgainGivesTheSameRows() {
        givenScriptedSamples();
        Instant now = Instant.parse("2026-03-10T21:10:00Z");
        retention.runAt(now);
        List<Map<String, Object>> hours = hourly(acme.id(), "interface_statistics_hourly");
        List<Map<String, Object>> days = hourly(acme.id(), "interface_statistics_daily");

        assertThat(retention.runAt(now).hourlyRows()).as("nothing new").isZero();
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(status -> jdbc.update(
                "update statistics_rollup_progress set rolled_up_to = ?", Timestamp.from(H0.minus(Duration.ofDays(1))))));
        assertThat(retention.runAt(now).hourlyRows()).as("the same hours again").isPositive();

        assertThat(hourly(acme.id(), "interface_statistics_hourly")).isEqualTo(hours);
        assertThat(hourly(acme.id(), "interface_statistics_daily")).isEqualTo(days);
    }

    @Test
    void expiredRowsAreDeletedOnceRolledUpAndYoungerOnesKept() {
        Instant now = Instant.parse("2026-06-20T12:00:00Z");
        Instant eightDaysAgo = now.minus(Duration.ofDays(8));
        Instant sixDaysAgo = now.minus(Duration.ofDays(6));
        Instant hundredDaysAgo = now.minus(Duration.ofDays(100));
        sample(acme.id(), sw, 1, hundredDaysAgo, 100L, 10L, 1000L, 0);
        sample(acme.id(), sw, 1, eightDaysAgo, 200L, 20L, 2000L, 0);
        sample(acme.id(), sw, 1, sixDaysAgo, 300L, 30L, 3000L, 0);

        retention.runAt(now);

        assertThat(rows(acme.id(), "select sampled_at from interface_statistics")).extracting(row -> row.get("sampled_at"))
                .containsExactly(Timestamp.from(sixDaysAgo));
        assertThat(rows(acme.id(), "select avg_in_bps from interface_statistics_hourly order by period_start"))
                .extracting(row -> row.get("avg_in_bps")).as("the hour 100 days ago is gone, kept as a day")
                .containsExactly(200L, 300L);
        assertThat(rows(acme.id(), "select avg_in_bps from interface_statistics_daily order by period_start"))
                .extracting(row -> row.get("avg_in_bps")).containsExactly(100L, 200L, 300L);
    }

    @Test
    void eachCompanysRowsAreRolledUpWithinItsCompany() {
        TestCompany savanna = testCompanies.create();
        UUID savannaSwitch = devices.add(savanna.id(), "sw-" + UUID.randomUUID(), 161,
                new SnmpCredentials.V2c("public", null), false, 60);
        sample(acme.id(), sw, 1, H0.plusSeconds(60), 100L, 10L, 1000L, 1);
        sample(savanna.id(), savannaSwitch, 1, H0.plusSeconds(60), 700L, 70L, 7000L, 7);

        retention.runAt(H0.plus(Duration.ofHours(2)));

        assertThat(rows(acme.id(), "select equipment_id, avg_in_bps, errors from interface_statistics_hourly"))
                .containsExactly(Map.of("equipment_id", sw, "avg_in_bps", 100L, "errors", 1L));
        assertThat(rows(savanna.id(), "select equipment_id, avg_in_bps, errors from interface_statistics_hourly"))
                .containsExactly(Map.of("equipment_id", savannaSwitch, "avg_in_bps", 700L, "errors", 7L));
    }

    /** Interface 1: three samples at 09:00, two at 10:00 (the first without a rate), one at 11:05; interface 2 one. */
    private void givenScriptedSamples() {
        sample(acme.id(), sw, 1, H0, 100L, 10L, 1000L, 0);
        sample(acme.id(), sw, 1, H0.plus(Duration.ofMinutes(20)), 200L, 20L, 2000L, 1);
        sample(acme.id(), sw, 1, H0.plus(Duration.ofMinutes(40)), 600L, 30L, 3000L, 2);
        sample(acme.id(), sw, 1, H0.plus(Duration.ofMinutes(60)), null, null, null, 0);
        sample(acme.id(), sw, 1, H0.plus(Duration.ofMinutes(90)), 500L, 50L, 4000L, 0);
        sample(acme.id(), sw, 1, H0.plus(Duration.ofMinutes(125)), 900L, 90L, 9000L, 0);
        sample(acme.id(), sw, 2, H0.plus(Duration.ofMinutes(10)), 1000L, 0L, 500L, 0);
        bandwidth(acme.id(), sw, H0, 7500, 750);
        bandwidth(acme.id(), sw, H0.plus(Duration.ofMinutes(30)), 15000, 1500);
    }

    /** A raw sample: out octets a tenth of in octets, packets a hundredth of in octets and a thousandth of out. */
    private void sample(UUID company, UUID equipment, int ifIndex, Instant at, Long inBps, Long outBps, Long inOctets,
            int errors) {
        tenantScope.runAs(company, () -> transactions.executeWithoutResult(status -> jdbc.update("""
                insert into interface_statistics (equipment_id, interface_index, interface_name, status, errors,
                    in_bps, out_bps, in_octets, out_octets, in_packets, out_packets, interval_seconds, sampled_at,
                    isp_company_id)
                values (?, ?, ?, 'up', ?, ?, ?, ?, ?, ?, ?, 60, ?, ?)""", equipment, ifIndex, "ge-0/0/" + ifIndex,
                errors, inBps, outBps, inOctets, inOctets == null ? null : inOctets / 10,
                inOctets == null ? null : inOctets / 100, inOctets == null ? null : inOctets / 1000,
                Timestamp.from(at), company)));
    }

    private void bandwidth(UUID company, UUID equipment, Instant at, long inOctets, long outOctets) {
        tenantScope.runAs(company, () -> transactions.executeWithoutResult(status -> jdbc.update("""
                insert into bandwidth_statistics (equipment_id, in_octets, out_octets, in_packets, out_packets,
                    interval_seconds, sampled_at, isp_company_id)
                values (?, ?, ?, 0, 0, 60, ?, ?)""", equipment, inOctets, outOctets, Timestamp.from(at), company)));
    }

    private static Map<String, Object> hour(String start, int samples, int rateSamples, long avgIn, long maxIn,
            long avgOut, long maxOut, long inOctets, long outOctets, long inPackets, long outPackets, long errors) {
        return Map.ofEntries(Map.entry("period_start", Timestamp.from(Instant.parse(start))),
                Map.entry("samples", samples), Map.entry("rate_samples", rateSamples), Map.entry("avg_in_bps", avgIn),
                Map.entry("max_in_bps", maxIn), Map.entry("avg_out_bps", avgOut), Map.entry("max_out_bps", maxOut),
                Map.entry("in_octets", inOctets), Map.entry("out_octets", outOctets),
                Map.entry("in_packets", inPackets), Map.entry("out_packets", outPackets), Map.entry("errors", errors));
    }

    private List<Map<String, Object>> hourly(UUID company, String tableAndCondition) {
        return rows(company, "select period_start, samples, rate_samples, avg_in_bps, max_in_bps, avg_out_bps,"
                + " max_out_bps, in_octets, out_octets, in_packets, out_packets, errors from " + tableAndCondition
                + " order by interface_index, period_start");
    }

    private int count(UUID company, String table) {
        return rows(company, "select 1 from " + table).size();
    }

    private List<Map<String, Object>> rows(UUID company, String sql) {
        return tenantScope.callAs(company, () -> transactions.execute(status -> jdbc.queryForList(sql)));
    }
}
