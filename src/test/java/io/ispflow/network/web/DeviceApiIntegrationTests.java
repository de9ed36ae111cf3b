package io.ispflow.network.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Managed devices over the API: settings, write-only SNMP secrets, monitoring state, tenants and roles. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DeviceApiIntegrationTests {

    static final String DEVICES = "/api/network/devices";
    static final String AUTH_KEY = "auth-key-Zq81x";
    static final String PRIV_KEY = "priv-key-Wm42y";
    static final String COMMUNITY = "community-Ke77v";
    static final String WRITE_COMMUNITY = "write-community-Pb09t";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DeviceAccess deviceAccess;
    @Autowired
    Clock clock;

    Api api;
    TestCompany acme;
    TestCompany rival;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
    }

    static Map<String, Object> v3Device(String name, String ip) {
        var body = device(name, ip);
        body.put("snmp", new HashMap<>(Map.of("version", "v3", "user", "noc", "authProtocol", "SHA", "authKey", AUTH_KEY,
                "privProtocol", "AES128", "privKey", PRIV_KEY)));
        return body;
    }

    static Map<String, Object> v2cDevice(String name, String ip) {
        var body = device(name, ip);
        body.put("snmp", new HashMap<>(Map.of("version", "v2c", "community", COMMUNITY, "writeCommunity",
                WRITE_COMMUNITY)));
        return body;
    }

    private static Map<String, Object> device(String name, String ip) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("deviceType", "switch");
        body.put("brand", "MikroTik");
        body.put("model", "CRS326");
        body.put("ipAddress", ip);
        body.put("snmpPort", 161);
        body.put("location", "Kilimani POP");
        body.put("snmpWriteAccess", true);
        body.put("pollIntervalSeconds", 60);
        return body;
    }

    String noc(TestCompany company) {
        return company.user(StaffRole.NETWORK_OPERATIONS);
    }

    JsonNode added(TestCompany company, Map<String, Object> body) {
        var reply = api.post(DEVICES, noc(company), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertNoSecrets(reply.body());
        return reply.body();
    }

    static void assertNoSecrets(JsonNode answer) {
        assertThat(answer.toString()).doesNotContain(AUTH_KEY, PRIV_KEY, COMMUNITY, WRITE_COMMUNITY, "encrypted");
    }

    long devicesOf(TestCompany company) {
        return tenantScope.callAs(company.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from equipment where name is not null", Long.class)));
    }

    void pollState(TestCompany company, String deviceId, String state, int failures, String sysName) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into equipment_poll_state (equipment_id, state, last_poll_at, last_success_at,
                                                  consecutive_failures, sys_name, state_changed_at, isp_company_id)
                values (?::uuid, ?, now(), now() - interval '5 minutes', ?, ?, now(), ?)
                on conflict (equipment_id) do update
                    set state = excluded.state, last_poll_at = excluded.last_poll_at,
                        last_success_at = excluded.last_success_at,
                        consecutive_failures = excluded.consecutive_failures, sys_name = excluded.sys_name,
                        state_changed_at = excluded.state_changed_at""",
                deviceId, state, failures, sysName, company.id())));
    }

    @Test
    void aDeviceIsAddedWithItsSecretsEncryptedAndNeverShown() {
        JsonNode device = added(acme, v3Device("core-sw-1", "10.20.0.1"));
        String id = device.path("id").asText();

        assertThat(device.path("deviceType").asText()).isEqualTo("switch");
        assertThat(device.path("ipAddress").asText()).isEqualTo("10.20.0.1");
        assertThat(device.path("status").asText()).isEqualTo("active");
        assertThat(device.path("snmp").path("version").asText()).isEqualTo("v3");
        assertThat(device.path("snmp").path("user").asText()).isEqualTo("noc");
        assertThat(device.path("snmp").path("authProtocol").asText()).isEqualTo("SHA");
        assertThat(device.path("snmp").path("privProtocol").asText()).isEqualTo("AES128");
        assertThat(device.path("snmp").path("secretsSet").asBoolean()).isTrue();
        assertThat(device.path("monitoring").path("state").asText()).isEqualTo("unknown");
        assertNoSecrets(api.get(DEVICES + "/" + id, noc(acme)).body());
        assertNoSecrets(api.get(DEVICES, noc(acme)).body());

        var stored = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForMap(
                "select * from equipment where id = ?::uuid", id)));
        assertThat(stored.toString()).doesNotContain(AUTH_KEY, PRIV_KEY);
        var credentials = (SnmpCredentials.V3) endpointOf(acme, id).credentials();
        assertThat(credentials.authKey()).isEqualTo(AUTH_KEY);
        assertThat(credentials.privKey()).isEqualTo(PRIV_KEY);
    }

    @Test
    void theAuditLogRecordsTheChangeWithoutItsSecretsAndTheLogNeverSeesThem(CapturedOutput log) {
        String id = added(acme, v2cDevice("edge-1", "10.20.0.2")).path("id").asText();
        var update = v3Device("edge-1", "10.20.0.2");
        assertThat(api.put(DEVICES + "/" + id, noc(acme), update).status()).isEqualTo(200);
        assertThat(api.post(DEVICES, noc(acme), v3Device("edge-1", "10.20.0.3")).status()).isEqualTo(409);
        assertThat(api.post(DEVICES, noc(acme), v3Device("edge-2", "edge-2.acme.example")).status()).isEqualTo(400);
        var database = v2cDevice("edge-3", "10.20.0.4");
        database.put("serialNumber", "S".repeat(100));
        database.put("brand", "\u0000");
        assertThat(api.post(DEVICES, noc(acme), database).status()).isEqualTo(400);

        var audit = api.get("/api/audit", acme.user(StaffRole.ISP_ADMIN));
        assertThat(audit.status()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        audit.body().forEach(entries::add);
        assertThat(entries).extracting(e -> e.path("action").asText())
                .contains("POST /api/network/devices", "PUT /api/network/devices/{id}");
        assertThat(entries.stream().filter(e -> e.path("action").asText().contains("/api/network/devices")))
                .allSatisfy(e -> assertThat(e.path("detail").path("name").asText()).isEqualTo("edge-1"));
        assertNoSecrets(audit.body());
        assertThat(log.getAll()).doesNotContain(AUTH_KEY, PRIV_KEY, COMMUNITY, WRITE_COMMUNITY);
    }

    @Test
    void anUpdateThatLeavesOutTheSecretsKeepsThem() {
        String id = added(acme, v2cDevice("olt-1", "10.20.0.3")).path("id").asText();

        var renamed = v2cDevice("olt-kilimani", "10.20.0.33");
        renamed.put("snmp", Map.of("version", "v2c"));
        var reply = api.put(DEVICES + "/" + id, noc(acme), renamed);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("name").asText()).isEqualTo("olt-kilimani");
        assertThat(reply.body().path("snmp").path("writeCommunitySet").asBoolean()).isTrue();
        var v2c = (SnmpCredentials.V2c) endpointOf(acme, id).credentials();
        assertThat(v2c.community()).isEqualTo(COMMUNITY);
        assertThat(v2c.writeCommunity()).isEqualTo(WRITE_COMMUNITY);
        assertThat(endpointOf(acme, id).host()).isEqualTo("10.20.0.33");

        var withoutAccess = v2cDevice("olt-kilimani", "10.20.0.34");
        withoutAccess.remove("snmp");
        assertThat(api.put(DEVICES + "/" + id, noc(acme), withoutAccess).status()).isEqualTo(200);
        assertThat(((SnmpCredentials.V2c) endpointOf(acme, id).credentials()).community()).isEqualTo(COMMUNITY);
        assertThat(endpointOf(acme, id).host()).isEqualTo("10.20.0.34");

        var toV3WithoutKeys = v2cDevice("olt-kilimani", "10.20.0.34");
        toV3WithoutKeys.put("snmp", Map.of("version", "v3", "user", "noc", "authProtocol", "sha256",
                "privProtocol", "aes256"));
        var refused = api.put(DEVICES + "/" + id, noc(acme), toV3WithoutKeys);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("snmp.authKey");

        var noWriteCommunity = v2cDevice("olt-kilimani", "10.20.0.34");
        noWriteCommunity.put("snmp", Map.of("version", "v2c", "writeCommunity", ""));
        assertThat(api.put(DEVICES + "/" + id, noc(acme), noWriteCommunity).body().path("snmp")
                .path("writeCommunitySet").asBoolean()).isFalse();
        assertThat(((SnmpCredentials.V2c) endpointOf(acme, id).credentials()).writeCommunity()).isNull();
    }

    @Test
    void theListShowsEachDevicesMonitoringStateAndIsFilteredAndSearched() {
        String up = added(acme, v2cDevice("Kilimani switch", "10.30.0.1")).path("id").asText();
        String down = added(acme, v2cDevice("Westlands switch", "10.30.0.2")).path("id").asText();
        var olt = v2cDevice("Kilimani OLT", "2001:db8::7");
        olt.put("deviceType", "olt");
        String never = added(acme, olt).path("id").asText();
        pollState(acme, up, "up", 0, "kilimani-sw");
        pollState(acme, down, "down", 4, "westlands-sw");

        String reader = acme.user(StaffRole.CUSTOMER_SUPPORT);
        assertThat(ids(api.get(DEVICES, reader))).containsExactly(never, up, down);
        assertThat(ids(api.get(DEVICES + "?state=down", reader))).containsExactly(down);
        assertThat(ids(api.get(DEVICES + "?state=unknown", reader))).containsExactly(never);
        assertThat(ids(api.get(DEVICES + "?type=olt", reader))).containsExactly(never);
        assertThat(ids(api.get(DEVICES + "?q=kilimani", reader))).containsExactly(never, up);
        assertThat(ids(api.get(DEVICES + "?q=10.30.0.2", reader))).containsExactly(down);
        assertThat(ids(api.get(DEVICES + "?q=2001:db8", reader))).containsExactly(never);
        var page = api.get(DEVICES + "?size=2&page=1", reader);
        assertThat(page.body().path("page").path("totalElements").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(down);

        JsonNode monitoring = api.get(DEVICES + "/" + down, reader).body().path("monitoring");
        assertThat(monitoring.path("state").asText()).isEqualTo("down");
        assertThat(monitoring.path("consecutiveFailures").asInt()).isEqualTo(4);
        assertThat(monitoring.path("sysName").asText()).isEqualTo("westlands-sw");
        assertThat(monitoring.path("lastPollAt").isTextual()).isTrue();
        assertThat(monitoring.path("lastSuccessAt").isTextual()).isTrue();
    }

    @Test
    void namesAndSerialNumbersAreUniqueWithinACompany() {
        var first = v2cDevice("core-1", "10.40.0.1");
        first.put("serialNumber", "HX-1");
        String id = added(acme, first).path("id").asText();

        var sameName = api.post(DEVICES, noc(acme), v2cDevice("CORE-1", "10.40.0.2"));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.text("field")).isEqualTo("name");
        assertThat(sameName.text("existingDeviceId")).isEqualTo(id);
        var sameSerial = v2cDevice("core-2", "10.40.0.2");
        sameSerial.put("serialNumber", "HX-1");
        assertThat(api.post(DEVICES, noc(acme), sameSerial).text("field")).isEqualTo("serialNumber");
        added(rival, first);
        assertThat(devicesOf(acme)).isEqualTo(1);
    }

    @Test
    void aRetiredDeviceStaysOnRecordUnpolledAndUnchangeable() {
        String id = added(acme, v2cDevice("old-sw", "10.50.0.1")).path("id").asText();

        var retired = api.post(DEVICES + "/" + id + "/retire", noc(acme), null);
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.text("status")).isEqualTo("retired");
        assertThat(retired.body().path("pollingEnabled").asBoolean()).isFalse();
        assertThat(api.post(DEVICES + "/" + id + "/retire", noc(acme), null).status()).as("again").isEqualTo(200);
        assertThat(api.put(DEVICES + "/" + id, noc(acme), v2cDevice("old-sw", "10.50.0.1")).status()).isEqualTo(409);
        assertThat(api.post(DEVICES + "/" + id + "/test", noc(acme), null).status()).isEqualTo(409);
        assertThat(ids(api.get(DEVICES, noc(acme)))).isEmpty();
        assertThat(ids(api.get(DEVICES + "?includeRetired=true", noc(acme)))).containsExactly(id);
        assertThat(api.get(DEVICES + "/" + id, noc(acme)).status()).isEqualTo(200);
        assertThat(devicesOf(acme)).isEqualTo(1);
    }

    @Test
    void invalidDevicesAreRefusedAsProblemsAndNothingIsWritten() {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String ip : List.of("300.1.1.1", "router.acme.example", "10.0.0.0/24", "", "1.2.3", "01.2.3.4",
                "2001:db8::zz", "localhost", ":::")) {
            bodies.add(v2cDevice("bad-ip", ip));
        }
        for (Object port : List.of(0, 65536, -1)) {
            var body = v2cDevice("bad-port", "10.60.0.1");
            body.put("snmpPort", port);
            bodies.add(body);
        }
        for (Object interval : List.of(9, 3601)) {
            var body = v2cDevice("bad-interval", "10.60.0.1");
            body.put("pollIntervalSeconds", interval);
            bodies.add(body);
        }
        var noSnmp = v2cDevice("no-snmp", "10.60.0.1");
        noSnmp.remove("snmp");
        bodies.add(noSnmp);
        bodies.add(withSnmp(Map.of("version", "v3", "user", "noc", "authProtocol", "SHA", "privProtocol", "AES128")));
        bodies.add(withSnmp(Map.of("version", "v3", "user", "noc", "authProtocol", "SHA", "authKey", "short",
                "privProtocol", "AES128", "privKey", PRIV_KEY)));
        bodies.add(withSnmp(Map.of("version", "v3", "user", "noc", "authProtocol", "SHA", "authKey", AUTH_KEY,
                "privProtocol", "AES128", "privKey", "1234567")));
        bodies.add(withSnmp(Map.of("version", "v3", "authProtocol", "SHA", "authKey", AUTH_KEY,
                "privProtocol", "AES128", "privKey", PRIV_KEY)));
        bodies.add(withSnmp(Map.of("version", "v3", "user", "noc", "authProtocol", "MD5", "authKey", AUTH_KEY,
                "privProtocol", "AES128", "privKey", PRIV_KEY)));
        bodies.add(withSnmp(Map.of("version", "v3", "user", "noc", "authProtocol", "SHA", "authKey", AUTH_KEY,
                "privProtocol", "DES", "privKey", PRIV_KEY)));
        bodies.add(withSnmp(Map.of("version", "v1", "community", COMMUNITY)));
        bodies.add(withSnmp(Map.of("version", "v2c")));
        bodies.add(withSnmp(Map.of("version", "v2c", "community", COMMUNITY, "authKey", AUTH_KEY)));
        var toaster = v2cDevice("toaster", "10.60.0.1");
        toaster.put("deviceType", "toaster");
        bodies.add(toaster);
        var noType = v2cDevice("no-type", "10.60.0.1");
        noType.remove("deviceType");
        bodies.add(noType);
        var wrongTypes = v2cDevice("wrong-types", "10.60.0.1");
        wrongTypes.put("snmpPort", "one-six-one");
        bodies.add(wrongTypes);
        var nameAsObject = v2cDevice("x", "10.60.0.1");
        nameAsObject.put("name", Map.of("first", "x"));
        bodies.add(nameAsObject);
        var snmpAsText = v2cDevice("snmp-text", "10.60.0.1");
        snmpAsText.put("snmp", "v2c " + COMMUNITY);
        bodies.add(snmpAsText);
        bodies.add(v2cDevice("N".repeat(101), "10.60.0.1"));
        var hugeLocation = v2cDevice("huge", "10.60.0.1");
        hugeLocation.put("location", "L".repeat(1_000_000));
        bodies.add(hugeLocation);

        for (var body : bodies) {
            var reply = api.post(DEVICES, noc(acme), body);
            String what = body.toString().length() > 200 ? body.toString().substring(0, 200) : body.toString();
            assertThat(reply.status()).as(what).isEqualTo(400);
            assertThat(reply.text("type")).as(what).endsWith("/validation");
            assertNoSecrets(reply.body());
        }
        assertThat(api.post(DEVICES, noc(acme), "{\"name\":").status()).isEqualTo(400);
        assertThat(api.post(DEVICES, noc(acme), "[]").status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "?state=sideways", noc(acme)).status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "?type=toaster", noc(acme)).status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "?q=" + "x".repeat(101), noc(acme)).status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "/not-a-uuid", noc(acme)).status()).isEqualTo(400);
        assertThat(api.get(DEVICES + "/" + UUID.randomUUID(), noc(acme)).status()).isEqualTo(404);
        assertThat(devicesOf(acme)).isZero();
    }

    @Test
    void ipv6AndUnusualButValidSettingsAreTaken() {
        var body = v3Device("v6-router", "2001:db8:0:1::1");
        body.put("deviceType", "ROUTER");
        body.put("snmpPort", 16161);
        body.put("pollIntervalSeconds", 10);
        ((Map<String, Object>) body.get("snmp")).put("authProtocol", "sha256");
        ((Map<String, Object>) body.get("snmp")).put("privProtocol", "aes256");
        JsonNode device = added(acme, body);
        assertThat(device.path("deviceType").asText()).isEqualTo("router");
        assertThat(device.path("snmpPort").asInt()).isEqualTo(16161);
        assertThat(device.path("snmp").path("authProtocol").asText()).isEqualTo("SHA256");
        assertThat(device.path("snmp").path("privProtocol").asText()).isEqualTo("AES256");
        var mapped = v2cDevice("mapped", "::ffff:10.0.0.9");
        mapped.put("pollIntervalSeconds", 3600);
        added(acme, mapped);
    }

    @Test
    void anotherCompanySeesNoneOfTheDevicesAndCannotTouchThemById() {
        String id = added(acme, v2cDevice("acme-core", "10.70.0.1")).path("id").asText();
        String superAdmin = testCompanies.superAdmin();
        var asRival = Map.of(CompanyHeader.NAME, rival.id().toString());
        var asAcme = Map.of(CompanyHeader.NAME, acme.id().toString());

        assertThat(ids(api.get(DEVICES, noc(rival)))).isEmpty();
        assertThat(ids(api.get(DEVICES + "?q=acme-core", noc(rival)))).isEmpty();
        for (String user : List.of(noc(rival), rival.user(StaffRole.ISP_ADMIN))) {
            assertThat(api.get(DEVICES + "/" + id, user).status()).isEqualTo(404);
            assertThat(api.put(DEVICES + "/" + id, user, v2cDevice("taken", "10.70.0.9")).status()).isEqualTo(404);
            assertThat(api.post(DEVICES + "/" + id + "/retire", user, null).status()).isEqualTo(404);
            assertThat(api.post(DEVICES + "/" + id + "/test", user, null).status()).isEqualTo(404);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces", user).status()).isEqualTo(404);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces/1/traffic", user).status()).isEqualTo(404);
        }
        assertThat(api.call(HttpMethod.GET, DEVICES + "/" + id, superAdmin, null, asRival).status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.PUT, DEVICES + "/" + id, superAdmin, v2cDevice("taken", "10.70.0.9"), asRival)
                .status()).isEqualTo(404);
        assertThat(api.call(HttpMethod.POST, DEVICES + "/" + id + "/retire", superAdmin, null, asRival).status())
                .isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, DEVICES + "/" + id + "/interfaces", superAdmin, null, asRival).status())
                .isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, DEVICES + "/" + id, noc(rival), null, asAcme).status())
                .as("the header is for super admins only").isEqualTo(404);
        assertThat(api.call(HttpMethod.GET, DEVICES + "/" + id, superAdmin, null, asAcme).status()).isEqualTo(200);

        var device = api.get(DEVICES + "/" + id, noc(acme)).body();
        assertThat(device.path("name").asText()).isEqualTo("acme-core");
        assertThat(device.path("status").asText()).isEqualTo("active");
    }

    @Test
    void networkOperationsAndAdministratorsKeepDevicesAndAssetStaffAndSupportReadThem() {
        String id = added(acme, v2cDevice("roles-sw", "10.80.0.1")).path("id").asText();

        for (StaffRole reader : List.of(StaffRole.INFRASTRUCTURE_ASSET, StaffRole.CUSTOMER_SUPPORT)) {
            String user = acme.user(reader);
            assertThat(api.get(DEVICES, user).status()).as(reader + " lists").isEqualTo(200);
            assertThat(api.get(DEVICES + "/" + id, user).status()).as(reader + " reads").isEqualTo(200);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces", user).status()).isEqualTo(200);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces/1/traffic", user).status()).isEqualTo(200);
            assertThat(api.post(DEVICES, user, v2cDevice("r-" + reader.id(), "10.80.0.2")).status())
                    .as(reader + " adds").isEqualTo(403);
            assertThat(api.put(DEVICES + "/" + id, user, v2cDevice("roles-sw", "10.80.0.1")).status()).isEqualTo(403);
            assertThat(api.post(DEVICES + "/" + id + "/retire", user, null).status()).isEqualTo(403);
            assertThat(api.post(DEVICES + "/" + id + "/test", user, null).status()).isEqualTo(403);
        }
        for (StaffRole outsider : List.of(StaffRole.BILLING_FINANCE, StaffRole.SALES_ACCOUNT_MANAGER,
                StaffRole.HOTSPOT_ADMIN)) {
            String user = acme.user(outsider);
            assertThat(api.get(DEVICES, user).status()).as(outsider + " lists").isEqualTo(403);
            assertThat(api.get(DEVICES + "/" + id, user).status()).isEqualTo(403);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces", user).status()).isEqualTo(403);
            assertThat(api.get(DEVICES + "/" + id + "/interfaces/1/traffic", user).status()).isEqualTo(403);
            assertThat(api.post(DEVICES, user, v2cDevice("o-" + outsider.id(), "10.80.0.3")).status()).isEqualTo(403);
            assertThat(api.put(DEVICES + "/" + id, user, v2cDevice("roles-sw", "10.80.0.1")).status()).isEqualTo(403);
            assertThat(api.post(DEVICES + "/" + id + "/retire", user, null).status()).isEqualTo(403);
            assertThat(api.post(DEVICES + "/" + id + "/test", user, null).status()).isEqualTo(403);
        }
        assertThat(api.get(DEVICES, null).status()).isEqualTo(401);
        assertThat(api.post(DEVICES, acme.user(StaffRole.ISP_ADMIN), v2cDevice("by-admin", "10.80.0.4")).status())
                .isEqualTo(201);
        assertThat(api.call(HttpMethod.POST, DEVICES, testCompanies.superAdmin(), v2cDevice("by-super", "10.80.0.5"),
                Map.of(CompanyHeader.NAME, acme.id().toString())).status()).isEqualTo(201);
        assertThat(api.post(DEVICES, testCompanies.superAdmin(), v2cDevice("no-company", "10.80.0.6")).status())
                .as("a super admin names the company").isEqualTo(400);
        assertThat(devicesOf(acme)).as("nothing written by the refused").isEqualTo(3);
    }

    @Test
    void aDeviceThatDoesNotAnswerIsAnOutcomeOfTheTestNotAnError() throws Exception {
        int silentPort;
        try (var socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            silentPort = socket.getLocalPort();
        }
        var body = v2cDevice("silent", "127.0.0.1");
        body.put("snmpPort", silentPort);
        String id = added(acme, body).path("id").asText();

        Instant before = clock.instant();
        var outcome = api.post(DEVICES + "/" + id + "/test", noc(acme), null);

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.body().path("answered").asBoolean()).isFalse();
        assertThat(outcome.body().path("timedOut").asBoolean()).isTrue();
        assertThat(outcome.text("error")).contains("127.0.0.1:" + silentPort).contains("no answer");
        assertThat(Instant.parse(outcome.text("at"))).isBetween(before.minus(Duration.ofSeconds(1)), clock.instant());
        assertNoSecrets(outcome.body());

        var v6 = v3Device("silent-v6", "::1");
        v6.put("snmpPort", silentPort);
        var v6Outcome = api.post(DEVICES + "/" + added(acme, v6).path("id").asText() + "/test", noc(acme), null);
        assertThat(v6Outcome.status()).isEqualTo(200);
        assertThat(v6Outcome.body().path("answered").asBoolean()).isFalse();
        assertThat(v6Outcome.text("error")).isNotBlank();
        assertNoSecrets(v6Outcome.body());
    }

    @Test
    void theTestAsksTheDeviceForItsNameAndUptimeOverV2cAndV3() {
        try (IfMibAgent agent = IfMibAgent.builder().interfaces(4).sysName("kilimani-access-1").start()) {
            agent.uptimeTicks(123_456);
            var v2c = device("agent-v2c", "127.0.0.1");
            v2c.put("snmpPort", agent.port());
            v2c.put("snmp", Map.of("version", "v2c", "community", agent.readCommunity()));
            var v3 = device("agent-v3", "127.0.0.1");
            v3.put("snmpPort", agent.port());
            v3.put("snmp", Map.of("version", "v3", "user", agent.user(), "authProtocol", "SHA", "authKey",
                    agent.authPassphrase(), "privProtocol", "AES128", "privKey", agent.privPassphrase()));
            var wrongKey = device("agent-wrong-key", "127.0.0.1");
            wrongKey.put("snmpPort", agent.port());
            wrongKey.put("snmp", Map.of("version", "v3", "user", agent.user(), "authProtocol", "SHA", "authKey",
                    "not-the-auth-key", "privProtocol", "AES128", "privKey", agent.privPassphrase()));

            for (var body : List.of(v2c, v3)) {
                var outcome = api.post(DEVICES + "/" + added(acme, body).path("id").asText() + "/test", noc(acme), null);
                assertThat(outcome.status()).isEqualTo(200);
                assertThat(outcome.body().path("answered").asBoolean()).as(outcome.body().toString()).isTrue();
                assertThat(outcome.text("sysName")).isEqualTo("kilimani-access-1");
                assertThat(outcome.body().path("sysUpTimeTicks").asLong()).isGreaterThanOrEqualTo(123_456);
                assertNoSecrets(outcome.body());
            }
            var refused = api.post(DEVICES + "/" + added(acme, wrongKey).path("id").asText() + "/test", noc(acme),
                    null);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body().path("answered").asBoolean()).isFalse();
            assertThat(refused.text("error")).isNotBlank().doesNotContain("not-the-auth-key");
        }
    }

    private Map<String, Object> withSnmp(Map<String, Object> snmp) {
        var body = v2cDevice("bad-snmp", "10.60.0.1");
        body.put("snmp", snmp);
        return body;
    }

    private io.ispflow.network.snmp.SnmpEndpoint endpointOf(TestCompany company, String id) {
        return tenantScope.callAs(company.id(), () -> deviceAccess.endpoint(UUID.fromString(id)).orElseThrow());
    }

    static List<String> ids(Api.Reply list) {
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        list.body().path("content").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
