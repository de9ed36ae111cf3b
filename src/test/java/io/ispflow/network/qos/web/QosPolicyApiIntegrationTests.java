package io.ispflow.network.qos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.NewServicePackage;
import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

@IntegrationTest
class QosPolicyApiIntegrationTests {

    static final String POLICIES = "/api/network/qos-policies";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    TestCompany rival;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
    }

    static Map<String, Object> policy(String name, int down, int up) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("maxBandwidthDown", down);
        body.put("maxBandwidthUp", up);
        return body;
    }

    String noc(TestCompany company) {
        return company.user(StaffRole.NETWORK_OPERATIONS);
    }

    String created(TestCompany company, Map<String, Object> body) {
        var reply = api.post(POLICIES, noc(company), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.text("id");
    }

    UUID aPackage(TestCompany company, String name) {
        return tenantScope.callAs(company.id(), () -> catalogue.add(new NewServicePackage(name, null, "fiber", 20, 10,
                new BigDecimal("2999.00")))).id();
    }

    ClientDetails subscribed(TestCompany company, String name, UUID packageId) {
        ClientDetails client = onboarding.register(company, name);
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> subscriptions.start(client.id(),
                client.accountNumber(), packageId, new BigDecimal("2999.00"))));
        return client;
    }

    long rows(TestCompany company, String table) {
        return tenantScope.callAs(company.id(),
                () -> transactions.execute(tx -> jdbc.queryForObject("select count(*) from " + table, Long.class)));
    }

    @Test
    void aPolicyIsCreatedWithItsDefaultsReadAndReplaced() {
        var body = policy("Home 20", 20_000, 10_000);
        body.put("burstSize", 4_000);
        body.put("guaranteedBandwidth", 5_000);
        var reply = api.post(POLICIES, noc(acme), body);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().getLocation().getPath()).isEqualTo(POLICIES + "/" + reply.text("id"));
        assertThat(reply.text("priority")).isEqualTo("medium");
        assertThat(reply.text("protocol")).isEqualTo("both");
        assertThat(reply.body().path("active").asBoolean()).isTrue();
        assertThat(reply.body().path("guaranteedBandwidth").asInt()).isEqualTo(5_000);

        var changed = policy("Home 20 Plus", 25_000, 12_000);
        changed.put("priority", "HIGH");
        changed.put("protocol", "tcp");
        var replaced = api.put(POLICIES + "/" + reply.text("id"), noc(acme), changed);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.text("name")).isEqualTo("Home 20 Plus");
        assertThat(replaced.text("priority")).isEqualTo("high");
        assertThat(replaced.body().hasNonNull("guaranteedBandwidth")).isFalse();

        var listed = api.get(POLICIES, acme.user(StaffRole.CUSTOMER_SUPPORT));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("name")).containsExactly("Home 20 Plus");
    }

    @Test
    void namesAreUniqueInTheCompanyInAnyCaseButNotAcrossCompanies() {
        created(acme, policy("Business 50", 50_000, 50_000));
        var twice = api.post(POLICIES, noc(acme), policy("business 50", 10_000, 10_000));
        String other = created(acme, policy("Home 10", 10_000, 5_000));
        var renamed = api.put(POLICIES + "/" + other, noc(acme), policy(" BUSINESS 50 ", 10_000, 5_000));

        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("type")).endsWith("qos-policy-name-taken");
        assertThat(renamed.status()).isEqualTo(409);
        assertThat(api.post(POLICIES, noc(rival), policy("Business 50", 50_000, 50_000)).status()).isEqualTo(201);
        assertThat(rows(acme, "qos_policies")).isEqualTo(2);
    }

    @Test
    void invalidPoliciesAreRefusedAsProblemsAndNothingIsWritten() {
        var tooMuchGuaranteed = policy("Guaranteed", 10_000, 2_000);
        tooMuchGuaranteed.put("guaranteedBandwidth", 3_000);
        var badPriority = policy("Priority", 10_000, 2_000);
        badPriority.put("priority", "urgent");
        var badProtocol = policy("Protocol", 10_000, 2_000);
        badProtocol.put("protocol", "icmp");
        var negativeBurst = policy("Burst", 10_000, 2_000);
        negativeBurst.put("burstSize", -1);
        var tooLong = policy("x".repeat(101), 10_000, 2_000);
        var noRate = policy("No rate", 10_000, 2_000);
        noRate.remove("maxBandwidthUp");

        for (var body : List.of(tooMuchGuaranteed, badPriority, badProtocol, negativeBurst, tooLong, noRate,
                policy(" ", 1, 1), policy("Zero", 0, 1000), policy("Huge", 100_000_001, 1000))) {
            var reply = api.post(POLICIES, noc(acme), body);
            assertThat(reply.status()).as(body.toString()).isEqualTo(400);
            assertThat(reply.body().path("type").asText()).as(body.toString()).endsWith("validation");
        }
        assertThat(api.post(POLICIES, noc(acme), tooMuchGuaranteed).body().path("errors").get(0).path("field").asText())
                .isEqualTo("guaranteedBandwidth");
        assertThat(api.call(org.springframework.http.HttpMethod.POST, POLICIES, noc(acme), "{\"name\": ").status())
                .isEqualTo(400);
        assertThat(api.get(POLICIES + "/not-a-uuid", noc(acme)).status()).isEqualTo(400);
        assertThat(api.put("/api/network/clients/" + UUID.randomUUID() + "/qos-policy", noc(acme),
                Map.of("reason", "no policy named")).status()).isEqualTo(400);
        String pkg = "/api/network/service-packages/" + aPackage(acme, "Home 20") + "/qos-policy";
        assertThat(api.put(pkg, noc(acme), Map.of()).status()).isEqualTo(400);
        assertThat(api.put(pkg, noc(acme), Map.of("policyId", "not-a-uuid")).status()).isEqualTo(400);
        assertThat(api.put(pkg, noc(acme), Map.of("policyId", UUID.randomUUID())).status()).isEqualTo(400);
        assertThat(api.put("/api/network/clients/" + UUID.randomUUID() + "/qos-policy", noc(acme),
                Map.of("policyId", UUID.randomUUID(), "reason", "x".repeat(501))).status()).isEqualTo(400);
        assertThat(rows(acme, "qos_policies") + rows(acme, "service_package_qos_policies")
                + rows(acme, "client_qos_policies")).isZero();
    }

    @Test
    void theClientsOwnPolicyAppliesElseHisPackages() {
        UUID home = aPackage(acme, "Home 20");
        String homePolicy = created(acme, policy("Home 20", 20_000, 10_000));
        String vip = created(acme, policy("VIP", 100_000, 50_000));
        ClientDetails client = subscribed(acme, "Wanjiku Kamau", home);
        String applied = "/api/network/clients/" + client.id() + "/qos-policy";

        assertThat(api.get(applied, noc(acme)).status()).isEqualTo(404);
        var set = api.put("/api/network/service-packages/" + home + "/qos-policy", noc(acme), Map.of("policyId", homePolicy));
        assertThat(set.status()).isEqualTo(200);
        assertThat(api.get("/api/network/service-packages/" + home + "/qos-policy", noc(acme)).text("id"))
                .isEqualTo(homePolicy);

        var byPackage = api.get(applied, acme.user(StaffRole.CUSTOMER_SUPPORT));
        assertThat(byPackage.status()).isEqualTo(200);
        assertThat(byPackage.text("source")).isEqualTo("package");
        assertThat(byPackage.text("servicePackageId")).isEqualTo(home.toString());
        assertThat(byPackage.body().path("policy").path("id").asText()).isEqualTo(homePolicy);

        assertThat(api.put(applied, noc(acme), Map.of("policyId", vip, "reason", "Hospital on the estate")).status())
                .isEqualTo(200);
        var own = api.get(applied, noc(acme));
        assertThat(own.text("source")).isEqualTo("client");
        assertThat(own.text("reason")).isEqualTo("Hospital on the estate");
        assertThat(own.body().path("policy").path("id").asText()).isEqualTo(vip);

        // one own policy per client: a second replaces the first
        assertThat(api.put(applied, noc(acme), Map.of("policyId", homePolicy)).status()).isEqualTo(200);
        assertThat(rows(acme, "client_qos_policies")).isEqualTo(1);
        assertThat(api.get(applied, noc(acme)).body().path("policy").path("id").asText()).isEqualTo(homePolicy);

        assertThat(api.delete(applied, noc(acme)).status()).isEqualTo(204);
        assertThat(api.get(applied, noc(acme)).text("source")).isEqualTo("package");
        assertThat(api.delete("/api/network/service-packages/" + home + "/qos-policy", noc(acme)).status())
                .isEqualTo(204);
        assertThat(api.get(applied, noc(acme)).status()).isEqualTo(404);
    }

    @Test
    void aPolicyInUseIsDeactivatedRatherThanDeletedAndGivenToNoOneNew() {
        UUID home = aPackage(acme, "Home 20");
        UUID business = aPackage(acme, "Business 50");
        String used = created(acme, policy("Used", 20_000, 10_000));
        String unused = created(acme, policy("Unused", 20_000, 10_000));
        api.put("/api/network/service-packages/" + home + "/qos-policy", noc(acme), Map.of("policyId", used));

        var deactivated = api.delete(POLICIES + "/" + used, noc(acme));
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
        assertThat(api.delete(POLICIES + "/" + unused, noc(acme)).status()).isEqualTo(204);
        assertThat(api.get(POLICIES + "/" + unused, noc(acme)).status()).isEqualTo(404);

        var refused = api.put("/api/network/service-packages/" + business + "/qos-policy", noc(acme),
                Map.of("policyId", used));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("qos-policy-inactive");
        assertThat(api.get("/api/network/service-packages/" + home + "/qos-policy", noc(acme)).text("id"))
                .isEqualTo(used);
        assertThat(api.get(POLICIES + "?active=false", noc(acme)).body().findValuesAsText("id")).containsExactly(used);
        assertThat(api.get(POLICIES + "?active=true", noc(acme)).body().size()).isZero();

        var reactivated = policy("Used", 20_000, 10_000);
        reactivated.put("active", true);
        assertThat(api.put(POLICIES + "/" + used, noc(acme), reactivated).body().path("active").asBoolean()).isTrue();
        assertThat(api.put("/api/network/service-packages/" + business + "/qos-policy", noc(acme),
                Map.of("policyId", used)).status()).isEqualTo(200);
    }

    @Test
    void anotherCompanySeesNoneOfThePoliciesAndCannotUseThemOrReachItsPackagesAndClients() {
        UUID acmePackage = aPackage(acme, "Home 20");
        String acmePolicy = created(acme, policy("Home 20", 20_000, 10_000));
        ClientDetails acmeClient = subscribed(acme, "Acme Client", acmePackage);
        api.put("/api/network/service-packages/" + acmePackage + "/qos-policy", noc(acme), Map.of("policyId", acmePolicy));
        UUID rivalPackage = aPackage(rival, "Rival 20");
        String rivalPolicy = created(rival, policy("Rival 20", 20_000, 10_000));
        String rivals = noc(rival);

        assertThat(api.get(POLICIES, rivals).body().findValuesAsText("id")).containsExactly(rivalPolicy);
        assertThat(api.get(POLICIES + "/" + acmePolicy, rivals).status()).isEqualTo(404);
        assertThat(api.put(POLICIES + "/" + acmePolicy, rivals, policy("Taken", 1, 1)).status()).isEqualTo(404);
        assertThat(api.delete(POLICIES + "/" + acmePolicy, rivals).status()).isEqualTo(404);
        assertThat(api.get("/api/network/service-packages/" + acmePackage + "/qos-policy", rivals).status())
                .isEqualTo(404);
        assertThat(api.put("/api/network/service-packages/" + acmePackage + "/qos-policy", rivals,
                Map.of("policyId", rivalPolicy)).status()).isEqualTo(404);
        assertThat(api.put("/api/network/service-packages/" + rivalPackage + "/qos-policy", rivals,
                Map.of("policyId", acmePolicy)).status()).isEqualTo(400);
        assertThat(api.get("/api/network/clients/" + acmeClient.id() + "/qos-policy", rivals).status()).isEqualTo(404);
        var foreignClient = api.put("/api/network/clients/" + acmeClient.id() + "/qos-policy", rivals,
                Map.of("policyId", rivalPolicy));
        assertThat(foreignClient.status()).isEqualTo(404);
        assertThat(foreignClient.text("type")).endsWith("client-not-found");
        assertThat(api.delete("/api/network/clients/" + acmeClient.id() + "/qos-policy", rivals).status())
                .isEqualTo(204);
        assertThat(api.delete("/api/network/service-packages/" + acmePackage + "/qos-policy", rivals).status())
                .isEqualTo(204);

        assertThat(api.get(POLICIES + "/" + acmePolicy, noc(acme)).text("name")).isEqualTo("Home 20");
        assertThat(api.get("/api/network/clients/" + acmeClient.id() + "/qos-policy", noc(acme)).text("source"))
                .isEqualTo("package");
        assertThat(rows(rival, "service_package_qos_policies") + rows(rival, "client_qos_policies")).isZero();
    }

    @Test
    void networkOperationsAndAdministratorsKeepPoliciesSupportAndAssetStaffReadThem() {
        UUID home = aPackage(acme, "Home 20");
        String id = created(acme, policy("Home 20", 20_000, 10_000));
        ClientDetails client = subscribed(acme, "Role Client", home);
        String pkg = "/api/network/service-packages/" + home + "/qos-policy";
        String own = "/api/network/clients/" + client.id() + "/qos-policy";

        assertThat(api.post(POLICIES, acme.user(StaffRole.ISP_ADMIN), policy("Admin's", 1_000, 1_000)).status())
                .isEqualTo(201);
        for (StaffRole reader : List.of(StaffRole.CUSTOMER_SUPPORT, StaffRole.INFRASTRUCTURE_ASSET)) {
            String user = acme.user(reader);
            assertThat(api.get(POLICIES, user).status()).as(reader + " lists").isEqualTo(200);
            assertThat(api.get(POLICIES + "/" + id, user).status()).isEqualTo(200);
            assertThat(api.post(POLICIES, user, policy("Nope", 1_000, 1_000)).status()).as(reader + " adds").isEqualTo(403);
            assertThat(api.put(POLICIES + "/" + id, user, policy("Nope", 1_000, 1_000)).status()).isEqualTo(403);
            assertThat(api.delete(POLICIES + "/" + id, user).status()).isEqualTo(403);
            assertThat(api.put(pkg, user, Map.of("policyId", id)).status()).isEqualTo(403);
            assertThat(api.delete(pkg, user).status()).isEqualTo(403);
            assertThat(api.put(own, user, Map.of("policyId", id)).status()).isEqualTo(403);
            assertThat(api.delete(own, user).status()).isEqualTo(403);
        }
        for (StaffRole outsider : List.of(StaffRole.BILLING_FINANCE, StaffRole.SALES_ACCOUNT_MANAGER,
                StaffRole.HOTSPOT_ADMIN)) {
            String user = acme.user(outsider);
            assertThat(api.get(POLICIES, user).status()).as(outsider + " lists").isEqualTo(403);
            assertThat(api.get(POLICIES + "/" + id, user).status()).isEqualTo(403);
            assertThat(api.post(POLICIES, user, policy("Nope", 1_000, 1_000)).status()).isEqualTo(403);
            assertThat(api.get(pkg, user).status()).isEqualTo(403);
            assertThat(api.get(own, user).status()).isEqualTo(403);
            assertThat(api.put(own, user, Map.of("policyId", id)).status()).isEqualTo(403);
        }
        assertThat(rows(acme, "qos_policies")).isEqualTo(2);
        assertThat(rows(acme, "service_package_qos_policies") + rows(acme, "client_qos_policies")).isZero();
    }
}
