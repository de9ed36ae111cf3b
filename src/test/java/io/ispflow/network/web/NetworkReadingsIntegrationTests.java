package io.ispflow.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Clients' access ports and what polling recorded, as staff read it: interfaces with their latest
 * sample and client, traffic series, a client's port state, and network events. Samples and events
 * are written straight into their tables, as the poller and the trap receiver write them.
 */
@IntegrationTest
class NetworkReadingsIntegrationTests {

    static final String DEVICES = "/api/network/devices";
    static final String EVENTS = "/api/network/events";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    Api api;
    TestCompany acme;
    TestCompany rival;
    ClientDetails wanjiku;
    ClientDetails otieno;
    String sw;

    @BeforeEach
    void aCompanyWithASwitchAndTwoClients() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
        wanjiku = onboarding.register(acme, "Wanjiku Kamau");
        otieno = onboarding.register(acme, "Otieno Ochieng");
        sw = device(acme, "kilimani-sw");
    }

    String device(TestCompany company, String name) {
        var reply = api.post(DEVICES, noc(company), Map.of("name", name, "deviceType", "switch", "ipAddress",
                "10.9.0." + (1 + (name.hashCode() & 0x7f)), "snmp", Map.of("version", "v2c", "community", "c0mmunity")));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("id");
    }

    String noc(TestCompany company) {
        return company.user(StaffRole.NETWORK_OPERATIONS);
    }

    String portOf(ClientDetails client) {
        return "/api/network/clients/" + client.id() + "/port";
    }

    Api.Reply putPort(TestCompany company, ClientDetails client, String deviceId, int ifIndex) {
        return api.put(portOf(client), noc(company), Map.of("deviceId", deviceId, "ifIndex", ifIndex, "ifName",
                "ether" + ifIndex));
    }

    void sample(TestCompany company, String deviceId, int ifIndex, String status, String admin, long inBps,
            long outBps, Instant at) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into interface_statistics (equipment_id, interface_index, interface_name, status, admin_status,
                                                  utilization, errors, speed, in_bps, out_bps, sampled_at,
                                                  isp_company_id)
                values (?::uuid, ?, ?, ?, ?, ?, 2, 1000, ?, ?, ?, ?)""", deviceId, ifIndex, "ether" + ifIndex, status,
                admin, (inBps + outBps) / 2e7, inBps, outBps, Timestamp.from(at), company.id())));
    }

    void event(TestCompany company, String type, String deviceId, UUID clientId, Instant at) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into network_events (client_id, equipment_id, event_type, event_data, triggered_by,
                                            isp_company_id, created_at)
                values (?, ?::uuid, ?, '{"ifIndex": 3}'::jsonb, 'snmp', ?, ?)""", clientId, deviceId, type,
                company.id(), Timestamp.from(at))));
    }

    long assignmentsOf(ClientDetails client) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from client_equipment where client_id = ?", Long.class, client.id())));
    }

    @Test
    void aClientIsPutOnAPortAndItsStateIsReadFromTheLatestSample() {
        Instant now = clock.instant();
        sample(acme, sw, 3, "up", "up", 1_000_000, 250_000, now.minus(Duration.ofMinutes(2)));
        sample(acme, sw, 3, "down", "down", 0, 0, now.minus(Duration.ofMinutes(1)));

        var put = putPort(acme, wanjiku, sw, 3);
        assertThat(put.status()).as(put.body().toString()).isEqualTo(200);

        var port = api.get(portOf(wanjiku), acme.user(StaffRole.CUSTOMER_SUPPORT));
        assertThat(port.status()).isEqualTo(200);
        assertThat(port.text("deviceId")).isEqualTo(sw);
        assertThat(port.text("deviceName")).isEqualTo("kilimani-sw");
        assertThat(port.body().path("ifIndex").asInt()).isEqualTo(3);
        assertThat(port.text("ifName")).isEqualTo("ether3");
        assertThat(port.text("clientName")).isEqualTo("Wanjiku Kamau");
        assertThat(port.text("accountNumber")).isEqualTo(wanjiku.accountNumber());
        assertThat(port.text("deviceState")).isEqualTo("unknown");
        assertThat(port.body().path("port").path("operStatus").asText()).isEqualTo("down");
        assertThat(port.body().path("port").path("adminStatus").asText()).isEqualTo("down");
        assertThat(port.body().path("port").path("inBps").asLong()).isZero();
    }

    @Test
    void onePortServesOneClientAndMovingAClientEndsHisPreviousPort() {
        assertThat(putPort(acme, wanjiku, sw, 3).status()).isEqualTo(200);

        var taken = putPort(acme, otieno, sw, 3);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("/port-taken");
        assertThat(putPort(acme, wanjiku, sw, 3).status()).as("the same port again").isEqualTo(200);
        assertThat(assignmentsOf(wanjiku)).isEqualTo(1);

        assertThat(putPort(acme, wanjiku, sw, 4).body().path("ifIndex").asInt()).isEqualTo(4);
        assertThat(assignmentsOf(wanjiku)).as("the first port is on record as ended").isEqualTo(2);
        assertThat(putPort(acme, otieno, sw, 3).status()).as("port 3 is free again").isEqualTo(200);

        assertThat(api.delete(portOf(wanjiku), noc(acme)).status()).isEqualTo(204);
        assertThat(api.get(portOf(wanjiku), noc(acme)).status()).isEqualTo(404);
        assertThat(api.delete(portOf(wanjiku), noc(acme)).status()).isEqualTo(404);
        assertThat(assignmentsOf(wanjiku)).isEqualTo(2);
    }

    @Test
    void concurrentAssignmentsLeaveOnePortPerClientAndOneClientPerPort() throws Exception {
        String other = device(acme, "other-sw");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 3; round++) {
                int port = round;
                var samePort = List.of(pool.submit(() -> putPort(acme, wanjiku, sw, 10 + port).status()),
                        pool.submit(() -> putPort(acme, otieno, sw, 10 + port).status()));
                var statuses = new ArrayList<Integer>();
                for (var reply : samePort) {
                    statuses.add(reply.get());
                }
                assertThat(statuses).as("round %d, one port", round).containsExactlyInAnyOrder(200, 409);

                var twoDevices = List.of(pool.submit(() -> putPort(acme, wanjiku, sw, 20 + port).status()),
                        pool.submit(() -> putPort(acme, wanjiku, other, 20 + port).status()));
                for (var reply : twoDevices) {
                    assertThat(reply.get()).as("round %d, one client", round).isIn(200, 409);
                }
                assertThat(activePorts(wanjiku)).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    long activePorts(ClientDetails client) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from client_equipment where client_id = ? and returned_at is null", Long.class,
                client.id())));
    }

    @Test
    void aDeviceWithClientsOnItsPortsIsNotRetiredAndARetiredOneTakesNoClients() {
        String old = device(acme, "old-sw");
        assertThat(putPort(acme, wanjiku, old, 1).status()).isEqualTo(200);

        var refused = api.post(DEVICES + "/" + old + "/retire", noc(acme), null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("1 client port");

        assertThat(api.delete(portOf(wanjiku), noc(acme)).status()).isEqualTo(204);
        assertThat(api.post(DEVICES + "/" + old + "/retire", noc(acme), null).status()).isEqualTo(200);
        assertThat(putPort(acme, wanjiku, old, 1).status()).isEqualTo(409);
    }

    @Test
    void portsRefuseBadInputAndForeignClientsOrDevices() {
        String rivalSwitch = device(rival, "rival-sw");
        ClientDetails rivalClient = onboarding.register(rival, "Rival Client");
        String superAdmin = testCompanies.superAdmin();

        for (Object body : List.of(Map.of("ifIndex", 1), Map.of("deviceId", sw), Map.of("deviceId", sw, "ifIndex", 0),
                Map.of("deviceId", sw, "ifIndex", -4), Map.of("deviceId", sw, "ifIndex", 2_147_483_648L),
                Map.of("deviceId", sw, "ifIndex", "three"), Map.of("deviceId", "not-a-uuid", "ifIndex", 1),
                Map.of("deviceId", sw, "ifIndex", 1, "ifName", "e".repeat(101)), "{\"deviceId\":", "[1]")) {
            var reply = api.put(portOf(wanjiku), noc(acme), body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
        }
        assertThat(putPort(acme, wanjiku, UUID.randomUUID().toString(), 1).status()).isEqualTo(404);
        assertThat(putPort(acme, wanjiku, rivalSwitch, 1).status()).as("another company's device").isEqualTo(404);
        assertThat(putPort(acme, rivalClient, sw, 1).text("type")).as("another company's client")
                .endsWith("/client-not-found");
        assertThat(api.get(portOf(rivalClient), noc(acme)).status()).isEqualTo(404);
        assertThat(api.delete(portOf(rivalClient), noc(acme)).status()).isEqualTo(404);
        assertThat(api.get("/api/network/clients/not-a-uuid/port", noc(acme)).status()).isEqualTo(400);

        assertThat(putPort(acme, wanjiku, sw, 1).status()).isEqualTo(200);
        var asRival = Map.of(CompanyHeader.NAME, rival.id().toString());
        assertThat(api.get(portOf(wanjiku), noc(rival)).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, portOf(wanjiku), superAdmin, null, asRival).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.DELETE, portOf(wanjiku), superAdmin, null, asRival).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.PUT, portOf(wanjiku), superAdmin, Map.of("deviceId", rivalSwitch, "ifIndex", 1),
                asRival).status()).isEqualTo(404);
        assertThat(api.delete(portOf(wanjiku), noc(rival)).status()).isEqualTo(404);
        assertThat(api.get(portOf(wanjiku), noc(acme)).status()).as("still there").isEqualTo(200);
        assertThat(assignmentsOf(wanjiku)).isEqualTo(1);
    }

    @Test
    void networkOperationsAndAdministratorsSetPortsAndSupportAndAssetStaffReadThem() {
        assertThat(api.put(portOf(wanjiku), acme.user(StaffRole.ISP_ADMIN), Map.of("deviceId", sw, "ifIndex", 5))
                .status()).isEqualTo(200);
        for (StaffRole reader : List.of(StaffRole.INFRASTRUCTURE_ASSET, StaffRole.CUSTOMER_SUPPORT)) {
            String user = acme.user(reader);
            assertThat(api.get(portOf(wanjiku), user).status()).as(reader + " reads").isEqualTo(200);
            assertThat(api.get(EVENTS, user).status()).isEqualTo(200);
            assertThat(api.put(portOf(wanjiku), user, Map.of("deviceId", sw, "ifIndex", 6)).status()).isEqualTo(403);
            assertThat(api.delete(portOf(wanjiku), user).status()).isEqualTo(403);
        }
        for (StaffRole outsider : List.of(StaffRole.BILLING_FINANCE, StaffRole.SALES_ACCOUNT_MANAGER,
                StaffRole.HOTSPOT_ADMIN)) {
            String user = acme.user(outsider);
            assertThat(api.get(portOf(wanjiku), user).status()).as(outsider + " reads").isEqualTo(403);
            assertThat(api.get(EVENTS, user).status()).isEqualTo(403);
            assertThat(api.put(portOf(wanjiku), user, Map.of("deviceId", sw, "ifIndex", 6)).status()).isEqualTo(403);
            assertThat(api.delete(portOf(wanjiku), user).status()).isEqualTo(403);
        }
        assertThat(api.call(HttpMethod.PUT, portOf(otieno), testCompanies.superAdmin(),
                Map.of("deviceId", sw, "ifIndex", 6), Map.of(CompanyHeader.NAME, acme.id().toString())).status())
                .isEqualTo(200);
        assertThat(api.get(portOf(wanjiku), noc(acme)).body().path("ifIndex").asInt()).isEqualTo(5);
    }

    @Test
    void eachInterfaceShowsItsLatestSampleAndTheClientOnIt() {
        Instant now = clock.instant();
        for (int minute = 10; minute >= 1; minute--) {
            sample(acme, sw, 1, "up", "up", 1_000L * minute, 500L * minute, now.minus(Duration.ofMinutes(minute)));
        }
        sample(acme, sw, 2, "down", "up", 0, 0, now.minus(Duration.ofMinutes(3)));
        sample(acme, sw, 24, "up", "up", 7_000_000, 2_000_000, now.minus(Duration.ofHours(30)));
        String other = device(acme, "other-sw");
        sample(acme, other, 1, "up", "up", 99, 99, now);
        assertThat(putPort(acme, wanjiku, sw, 2).status()).isEqualTo(200);

        var reply = api.get(DEVICES + "/" + sw + "/interfaces", acme.user(StaffRole.CUSTOMER_SUPPORT));

        assertThat(reply.status()).isEqualTo(200);
        List<JsonNode> interfaces = new ArrayList<>();
        reply.body().forEach(interfaces::add);
        assertThat(interfaces).extracting(i -> i.path("ifIndex").asInt()).containsExactly(1, 2, 24);
        JsonNode first = interfaces.get(0);
        assertThat(first.path("inBps").asLong()).isEqualTo(1_000);
        assertThat(first.path("outBps").asLong()).isEqualTo(500);
        assertThat(first.path("operStatus").asText()).isEqualTo("up");
        assertThat(first.path("speedMbps").asInt()).isEqualTo(1000);
        assertThat(first.path("errors").asInt()).isEqualTo(2);
        // PostgreSQL keeps microseconds, rounded
        Instant latest = now.minus(Duration.ofMinutes(1));
        assertThat(Instant.parse(first.path("sampledAt").asText()))
                .isBetween(latest.minusNanos(1_000), latest.plusNanos(1_000));
        assertThat(first.path("client").isMissingNode() || first.path("client").isNull()).isTrue();
        JsonNode second = interfaces.get(1);
        assertThat(second.path("operStatus").asText()).isEqualTo("down");
        assertThat(second.path("adminStatus").asText()).isEqualTo("up");
        assertThat(second.path("client").path("name").asText()).isEqualTo("Wanjiku Kamau");
        assertThat(second.path("client").path("id").asText()).isEqualTo(wanjiku.id().toString());
        assertThat(api.get(DEVICES + "/" + device(acme, "never-polled") + "/interfaces", noc(acme)).body()).isEmpty();
    }

    @Test
    void trafficIsASeriesOfAtMostThreeHundredPointsWhateverTheWindow() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // a day and a half of minute samples: 1 Mbit/s in, and out rising by 1 bit/s a minute
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into interface_statistics (equipment_id, interface_index, interface_name, status, in_bps,
                                                  out_bps, sampled_at, isp_company_id)
                select ?::uuid, 7, 'ether7', 'up', 1000000, 2160 - m, ?::timestamptz - make_interval(mins => m), ?
                from generate_series(0, 2159) m""", sw, Timestamp.from(now), acme.id())));

        var day = api.get(DEVICES + "/" + sw + "/interfaces/7/traffic?hours=24", noc(acme));
        assertThat(day.status()).isEqualTo(200);
        assertThat(day.body().path("bucketSeconds").asInt()).isEqualTo(300);
        JsonNode points = day.body().path("points");
        assertThat(points.size()).isBetween(288, 289);
        assertThat(points.get(0).path("inBps").asLong()).isEqualTo(1_000_000);
        JsonNode last = points.get(points.size() - 1);
        assertThat(Instant.parse(last.path("at").asText())).isBeforeOrEqualTo(now)
                .isAfter(now.minus(Duration.ofMinutes(5)));
        Instant previous = Instant.EPOCH;
        for (JsonNode point : points) {
            Instant at = Instant.parse(point.path("at").asText());
            assertThat(at).isAfter(previous).isAfterOrEqualTo(now.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(5)));
            assertThat(at.getEpochSecond() % 300).isZero();
            previous = at;
        }
        // the bucket before the last full one holds the samples 5..9 minutes old: out 2160-9 … 2160-5
        JsonNode full = points.get(points.size() - 2);
        long age = Duration.between(Instant.parse(full.path("at").asText()), now).toMinutes();
        long expectedOut = Math.round(java.util.stream.LongStream.range(age - 4, age + 1).map(m -> 2160 - m).average()
                .orElseThrow());
        assertThat(full.path("outBps").asLong()).isEqualTo(expectedOut);

        assertThat(api.get(DEVICES + "/" + sw + "/interfaces/7/traffic?hours=168", noc(acme)).body().path("points")
                .size()).isLessThanOrEqualTo(300);
        var hour = api.get(DEVICES + "/" + sw + "/interfaces/7/traffic?hours=1", noc(acme)).body();
        assertThat(hour.path("bucketSeconds").asInt()).isEqualTo(60);
        assertThat(hour.path("points").size()).isBetween(59, 60);
        assertThat(api.get(DEVICES + "/" + sw + "/interfaces/8/traffic", noc(acme)).body().path("points")).isEmpty();
        assertThat(api.get(DEVICES + "/" + sw + "/interfaces/7/traffic?hours=24", noc(rival)).status()).isEqualTo(404);

        for (String bad : List.of("hours=0", "hours=169", "hours=-1", "hours=day", "hours=1e3")) {
            assertThat(api.get(DEVICES + "/" + sw + "/interfaces/7/traffic?" + bad, noc(acme)).status()).as(bad)
                    .isEqualTo(400);
        }
        assertThat(api.get(DEVICES + "/" + sw + "/interfaces/seven/traffic", noc(acme)).status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "/" + sw + "/interfaces/0/traffic", noc(acme)).status()).isEqualTo(400);
    }

    @Test
    void networkEventsAreFilteredByTypeDeviceClientAndTimeNewestFirst() {
        Instant now = clock.instant();
        String other = device(acme, "other-sw");
        event(acme, "device_down", sw, null, now.minus(Duration.ofHours(3)));
        event(acme, "device_up", sw, null, now.minus(Duration.ofHours(2)));
        event(acme, "port_disabled", sw, wanjiku.id(), now.minus(Duration.ofHours(1)));
        event(acme, "link_down", other, otieno.id(), now.minus(Duration.ofMinutes(30)));
        String rivalSwitch = device(rival, "rival-sw");
        event(rival, "device_down", rivalSwitch, null, now.minus(Duration.ofMinutes(10)));

        String reader = acme.user(StaffRole.CUSTOMER_SUPPORT);
        assertThat(types(api.get(EVENTS, reader))).containsExactly("link_down", "port_disabled", "device_up",
                "device_down");
        assertThat(types(api.get(EVENTS + "?type=device_down", reader))).containsExactly("device_down");
        assertThat(types(api.get(EVENTS + "?deviceId=" + sw, reader))).containsExactly("port_disabled", "device_up",
                "device_down");
        assertThat(types(api.get(EVENTS + "?clientId=" + otieno.id(), reader))).containsExactly("link_down");
        assertThat(types(api.get(EVENTS + "?from=" + now.minus(Duration.ofMinutes(150)) + "&to="
                + now.minus(Duration.ofMinutes(45)), reader))).containsExactly("port_disabled", "device_up");
        var page = api.get(EVENTS + "?size=3&page=1", reader);
        assertThat(types(page)).containsExactly("device_down");
        assertThat(page.body().path("page").path("totalElements").asInt()).isEqualTo(4);
        JsonNode latest = api.get(EVENTS, reader).body().path("content").get(0);
        assertThat(latest.path("deviceName").asText()).isEqualTo("other-sw");
        assertThat(latest.path("clientId").asText()).isEqualTo(otieno.id().toString());
        assertThat(latest.path("data").path("ifIndex").asInt()).isEqualTo(3);
        assertThat(latest.path("triggeredBy").asText()).isEqualTo("snmp");

        assertThat(types(api.get(EVENTS + "?deviceId=" + rivalSwitch, reader))).isEmpty();
        assertThat(types(api.call(HttpMethod.GET, EVENTS, testCompanies.superAdmin(), null,
                Map.of(CompanyHeader.NAME, rival.id().toString())))).containsExactly("device_down");
        for (String bad : List.of("type=meltdown", "deviceId=x", "clientId=1", "from=yesterday", "to=2026-13-01T00:00:00Z")) {
            assertThat(api.get(EVENTS + "?" + bad, reader).status()).as(bad).isEqualTo(400);
        }
    }

    static List<String> types(Api.Reply list) {
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        var types = new ArrayList<String>();
        list.body().path("content").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }
}
