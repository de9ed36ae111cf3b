package io.ispflow.network.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.MutableClock;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestDevices;

/**
 * Devices polled at their interval against in-process IF-MIB agents (SNMPv2c and SNMPv3 authPriv):
 * rates from scripted counters, a 64-bit counter's wrap, a restart, a device down after missed polls
 * and up again, an interface's status, each company's devices polled as that company, one poll per
 * interval across nodes. Time moves with the clock and the agent's sysUpTime, never by waiting.
 */
@PollingContext
class DevicePollingIntegrationTests {

    static final int INTERVAL = 60;
    static final long TICKS_PER_INTERVAL = INTERVAL * 100L;

    @Autowired
    DevicePolling polling;
    @Autowired
    PollClaims claims;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenants;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MutableClock clock;

    final List<IfMibAgent> agents = new ArrayList<>();

    @AfterEach
    void stopAgents() {
        agents.forEach(IfMibAgent::close);
    }

    @Test
    void ratesComeFromTheCountersOfTwoPollsOverV2cAndV3() {
        UUID company = testCompanies.create().id();
        IfMibAgent v2cAgent = agent(4);
        IfMibAgent v3Agent = agent(4);
        UUID overV2c = devices.add(company, "edge v2c", v2cAgent.port(), v2c(v2cAgent), false, INTERVAL);
        UUID overV3 = devices.add(company, "edge v3", v3Agent.port(), v3(v3Agent), false, INTERVAL);
        pollRound();

        for (IfMibAgent agent : List.of(v2cAgent, v3Agent)) {
            agent.advance(1, 7_500_000, 750_000, 1_000, 500);
            agent.addErrors(1, 2, 1);
        }
        nextInterval(v2cAgent, v3Agent);
        pollRound();

        for (UUID device : List.of(overV2c, overV3)) {
            Map<String, Object> port1 = latest(company, device, 1);
            assertThat(port1.get("interface_name")).isEqualTo(IfMibAgent.interfaceName(1));
            assertThat(port1.get("in_bps")).isEqualTo(1_000_000L);
            assertThat(port1.get("out_bps")).isEqualTo(100_000L);
            assertThat(port1.get("in_packets")).isEqualTo(1_000L);
            assertThat(port1.get("out_packets")).isEqualTo(500L);
            assertThat(port1.get("errors")).isEqualTo(3);
            assertThat(port1.get("speed")).isEqualTo(1000);
            assertThat((BigDecimal) port1.get("utilization")).isEqualByComparingTo("0.10");
            assertThat((BigDecimal) port1.get("interval_seconds")).isEqualByComparingTo("60");
            assertThat(latest(company, device, 2).get("in_bps")).isEqualTo(0L);
            Map<String, Object> bandwidth = as(company, () -> jdbc.queryForMap(
                    "select * from bandwidth_statistics where equipment_id = ?", device));
            assertThat(bandwidth.get("in_octets")).isEqualTo(7_500_000L);
            assertThat(bandwidth.get("out_octets")).isEqualTo(750_000L);
            Map<String, Object> state = state(company, device);
            assertThat(state.get("state")).isEqualTo("up");
            assertThat(state.get("sys_name")).isEqualTo("access-sw-1");
            assertThat(state.get("sys_uptime_ticks")).isEqualTo(2 * TICKS_PER_INTERVAL);
        }
    }

    @Test
    void aCounter64WrapCountsOnlyTheTrafficAcrossTheTop() {
        UUID company = testCompanies.create().id();
        IfMibAgent agent = agent(2);
        UUID device = devices.add(company, "wrapping", agent.port(), v2c(agent), false, INTERVAL);
        agent.setCounters(2, -1_000L, 0);
        pollRound();

        agent.advance(2, 1_500, 0, 0, 0);
        nextInterval(agent);
        pollRound();

        assertThat(agent.inOctets(2)).isEqualTo(500L);
        assertThat(latest(company, device, 2).get("in_octets")).isEqualTo(1_500L);
        assertThat(latest(company, device, 2).get("in_bps")).isEqualTo(200L);
    }

    @Test
    void aRestartGivesNoRatesForItsIntervalAndOneEvent() {
        UUID company = testCompanies.create().id();
        IfMibAgent agent = agent(2);
        UUID device = devices.add(company, "rebooting", agent.port(), v2c(agent), false, INTERVAL);
        agent.advance(1, 50_000_000, 50_000_000, 0, 0);
        pollRound();

        agent.restart();
        agent.advance(1, 600, 600, 0, 0);
        clock.advance(Duration.ofSeconds(INTERVAL));
        agent.uptimeTicks(3_000);
        pollRound();

        assertThat(latest(company, device, 1).get("in_bps")).as("no rate across the restart").isNull();
        assertThat(events(company, device, "device_restarted")).isEqualTo(1);

        agent.advance(1, 600, 0, 0, 0);
        nextInterval(agent);
        pollRound();

        assertThat(latest(company, device, 1).get("in_bps")).isEqualTo(80L);
        assertThat(events(company, device, "device_restarted")).isEqualTo(1);
    }

    @Test
    void aDeviceMissingThreePollsIsDownOnceAndUpAgainWithItsFirstAnswer() {
        UUID company = testCompanies.create().id();
        IfMibAgent agent = agent(2);
        UUID device = devices.add(company, "flaky", agent.port(), v2c(agent), false, INTERVAL);
        pollRound();

        agent.setUnreachable(true);
        for (int missed = 1; missed <= 2; missed++) {
            nextInterval(agent);
            pollRound();
        }
        assertThat(state(company, device).get("state")).isEqualTo("up");
        assertThat(state(company, device).get("consecutive_failures")).isEqualTo(2);
        assertThat(events(company, device, "device_down")).isZero();

        for (int missed = 3; missed <= 4; missed++) {
            nextInterval(agent);
            pollRound();
        }
        Map<String, Object> down = state(company, device);
        assertThat(down.get("state")).isEqualTo("down");
        assertThat((String) down.get("last_error")).contains("no answer").doesNotContain(agent.readCommunity());
        assertThat(events(company, device, "device_down")).isEqualTo(1);

        agent.setUnreachable(false);
        nextInterval(agent);
        pollRound();

        Map<String, Object> up = state(company, device);
        assertThat(up.get("state")).isEqualTo("up");
        assertThat(up.get("consecutive_failures")).isEqualTo(0);
        assertThat(up.get("last_error")).isNull();
        assertThat(events(company, device, "device_up")).isEqualTo(1);
        assertThat(events(company, device, "device_down")).isEqualTo(1);
    }

    @Test
    void anInterfacesOperStatusChangeShowsInTheNextPoll() {
        UUID company = testCompanies.create().id();
        IfMibAgent agent = agent(3);
        UUID device = devices.add(company, "status", agent.port(), v3(agent), false, INTERVAL);
        pollRound();
        assertThat(latest(company, device, 3).get("status")).isEqualTo("up");

        agent.setOperStatus(3, IfMibAgent.DOWN);
        nextInterval(agent);
        pollRound();

        assertThat(latest(company, device, 3).get("status")).isEqualTo("down");
        assertThat(latest(company, device, 3).get("admin_status")).isEqualTo("up");
        assertThat(latest(company, device, 2).get("status")).isEqualTo("up");
    }

    @Test
    void eachCompanysDevicesArePolledAsThatCompany() {
        UUID first = testCompanies.create().id();
        UUID second = testCompanies.create().id();
        IfMibAgent firstAgent = agent(2);
        IfMibAgent secondAgent = agent(3);
        UUID firstDevice = devices.add(first, "first's", firstAgent.port(), v2c(firstAgent), false, INTERVAL);
        UUID secondDevice = devices.add(second, "second's", secondAgent.port(), v3(secondAgent), false, INTERVAL);

        pollRound();

        assertThat(as(first, () -> jdbc.queryForList(
                "select distinct equipment_id from interface_statistics", UUID.class))).containsExactly(firstDevice);
        assertThat(as(second, () -> jdbc.queryForList(
                "select distinct equipment_id from interface_statistics", UUID.class))).containsExactly(secondDevice);
        assertThat(as(second, () -> jdbc.queryForObject(
                "select count(*) from interface_statistics where isp_company_id = ?", Integer.class, second)))
                .isEqualTo(3);
        assertThat(as(first, () -> jdbc.queryForList("select equipment_id from equipment_poll_state", UUID.class)))
                .containsExactly(firstDevice);
    }

    @Test
    void aDeviceClaimedByOneNodeIsNotClaimedByAnotherWithinItsLease() {
        UUID company = testCompanies.create().id();
        IfMibAgent agent = agent(1);
        UUID device = devices.add(company, "claimed", agent.port(), v2c(agent), false, INTERVAL);

        var byOneNode = claims.claim(clock.instant(), 10_000, Duration.ofMinutes(2));
        var byAnother = claims.claim(clock.instant().plusSeconds(30), 10_000, Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(3));
        var afterTheLease = claims.claim(clock.instant(), 10_000, Duration.ofMinutes(2));

        assertThat(byOneNode).extracting(PollClaims.Claim::equipmentId).contains(device);
        assertThat(byAnother).extracting(PollClaims.Claim::equipmentId).doesNotContain(device);
        assertThat(afterTheLease).extracting(PollClaims.Claim::equipmentId).contains(device);
    }

    private IfMibAgent agent(int interfaces) {
        IfMibAgent agent = IfMibAgent.start(interfaces);
        agent.uptimeTicks(TICKS_PER_INTERVAL);
        agents.add(agent);
        return agent;
    }

    /** The interval passes: on the application's clock and on the agents' sysUpTime. */
    private void nextInterval(IfMibAgent... moved) {
        clock.advance(Duration.ofSeconds(INTERVAL));
        for (IfMibAgent agent : moved) {
            agent.uptimeTicks(agent.uptime() + TICKS_PER_INTERVAL);
        }
    }

    private void pollRound() {
        polling.pollDue();
    }

    private static SnmpCredentials v2c(IfMibAgent agent) {
        return new SnmpCredentials.V2c(agent.readCommunity(), agent.writeCommunity());
    }

    private static SnmpCredentials v3(IfMibAgent agent) {
        return new SnmpCredentials.V3(agent.user(), SnmpCredentials.AuthProtocol.SHA, agent.authPassphrase(),
                SnmpCredentials.PrivProtocol.AES128, agent.privPassphrase());
    }

    private Map<String, Object> latest(UUID company, UUID device, int ifIndex) {
        return as(company, () -> jdbc.queryForMap("""
                select * from interface_statistics where equipment_id = ? and interface_index = ?
                order by sampled_at desc limit 1""", device, ifIndex));
    }

    private Map<String, Object> state(UUID company, UUID device) {
        return as(company, () -> jdbc.queryForMap("select * from equipment_poll_state where equipment_id = ?", device));
    }

    private int events(UUID company, UUID device, String type) {
        return as(company, () -> jdbc.queryForObject(
                "select count(*) from network_events where equipment_id = ? and event_type = ?", Integer.class,
                device, type));
    }

    private <T> T as(UUID company, Supplier<T> read) {
        return tenants.callAs(company, () -> transactions.execute(status -> read.get()));
    }
}
