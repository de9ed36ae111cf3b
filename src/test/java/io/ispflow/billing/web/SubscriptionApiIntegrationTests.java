package io.ispflow.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** {@code /api/subscriptions}: who may read and change them, in his own company only, and what bad input gets. */
@IntegrationTest
class SubscriptionApiIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    io.ispflow.billing.ServiceCatalogue catalogue;

    Api api;
    TestCompany acme;
    TestCompany rival;
    ClientDetails client;
    String id;

    @BeforeEach
    void aSubscriberInEachCompany() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
        client = onboarding.register(acme, "API Subscriber");
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> subscriptions.start(client.id(),
                client.accountNumber(), null, new BigDecimal("2999.00"))));
        id = tenantScope.callAs(acme.id(), () -> subscriptions.liveOf(client.id())).orElseThrow().id().toString();
    }

    @Test
    void adminsFinanceAndSupportReadSubscriptions() {
        for (StaffRole role : new StaffRole[] {StaffRole.ISP_ADMIN, StaffRole.BILLING_FINANCE, StaffRole.CUSTOMER_SUPPORT}) {
            var one = api.get("/api/subscriptions/" + id, acme.user(role));
            assertThat(one.status()).as(role.id()).isEqualTo(200);
            assertThat(one.text("accountNumber")).isEqualTo(client.accountNumber());
            assertThat(one.text("state")).isEqualToIgnoringCase("active");
            var byClient = api.get("/api/subscriptions?clientId=" + client.id(), acme.user(role));
            assertThat(byClient.body()).hasSize(1);
            assertThat(api.get("/api/subscriptions?state=grace", acme.user(role)).body()).isEmpty();
        }
    }

    @Test
    void otherRolesReadNothing() {
        for (StaffRole role : new StaffRole[] {StaffRole.NETWORK_OPERATIONS, StaffRole.SALES_ACCOUNT_MANAGER,
                StaffRole.INFRASTRUCTURE_ASSET, StaffRole.HOTSPOT_ADMIN}) {
            assertThat(api.get("/api/subscriptions/" + id, acme.user(role)).status()).as(role.id()).isEqualTo(403);
            assertThat(api.get("/api/subscriptions", acme.user(role)).status()).as(role.id()).isEqualTo(403);
        }
    }

    @Test
    void financeTurnsAutoRenewalOffSupportMayNot() {
        var refused = api.put("/api/subscriptions/" + id + "/auto-renew", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("autoRenew", false));
        assertThat(refused.status()).isEqualTo(403);

        var changed = api.put("/api/subscriptions/" + id + "/auto-renew", acme.user(StaffRole.BILLING_FINANCE),
                Map.of("autoRenew", false));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("autoRenew").asBoolean()).isFalse();
    }

    @Test
    void anotherCompanysSubscriptionIsNotFound() {
        var read = api.get("/api/subscriptions/" + id, rival.user(StaffRole.ISP_ADMIN));
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text("type")).endsWith("subscription-not-found");
        assertThat(api.get("/api/subscriptions", rival.user(StaffRole.ISP_ADMIN)).body()).isEmpty();
        assertThat(api.get("/api/subscriptions?clientId=" + client.id(), rival.user(StaffRole.ISP_ADMIN)).body()).isEmpty();
        var write = api.put("/api/subscriptions/" + id + "/auto-renew", rival.user(StaffRole.ISP_ADMIN),
                Map.of("autoRenew", false));
        assertThat(write.status()).isEqualTo(404);
        assertThat(api.get("/api/subscriptions/" + id, acme.user(StaffRole.ISP_ADMIN)).body().path("autoRenew")
                .asBoolean()).isTrue();
    }

    @Test
    void badInputIsABadRequest() {
        String admin = acme.user(StaffRole.ISP_ADMIN);
        assertThat(api.get("/api/subscriptions/not-a-uuid", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/subscriptions?state=sleeping", admin).status()).isEqualTo(400);
        assertThat(api.put("/api/subscriptions/" + id + "/auto-renew", admin, Map.of()).status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.PUT, "/api/subscriptions/" + id + "/auto-renew", admin, "{\"autoRenew\": ")
                .status()).isEqualTo(400);
        assertThat(api.put("/api/subscriptions/" + id + "/auto-renew", admin, Map.of("autoRenew", "perhaps"))
                .status()).isEqualTo(400);
    }

    @Test
    void financeChangesThePackageSupportMayNotAndAnotherCompanyFindsNothing() {
        String cheaper = tenantScope.callAs(acme.id(), () -> catalogue.add(new io.ispflow.billing.NewServicePackage(
                "Home 10", null, null, 10, 5, new BigDecimal("1999.00")))).id().toString();
        String rivals = tenantScope.callAs(rival.id(), () -> catalogue.add(new io.ispflow.billing.NewServicePackage(
                "Rival 10", null, null, 10, 5, new BigDecimal("1999.00")))).id().toString();
        String path = "/api/subscriptions/" + id + "/package";

        for (StaffRole role : new StaffRole[] {StaffRole.CUSTOMER_SUPPORT, StaffRole.NETWORK_OPERATIONS,
                StaffRole.SALES_ACCOUNT_MANAGER}) {
            assertThat(api.put(path, acme.user(role), Map.of("servicePackageId", cheaper)).status()).as(role.id())
                    .isEqualTo(403);
        }
        assertThat(api.put(path, rival.user(StaffRole.ISP_ADMIN), Map.of("servicePackageId", rivals)).status())
                .isEqualTo(404);
        var foreignPackage = api.put(path, acme.user(StaffRole.BILLING_FINANCE), Map.of("servicePackageId", rivals));
        assertThat(foreignPackage.status()).isEqualTo(404);
        assertThat(foreignPackage.text("type")).endsWith("service-package-not-found");

        var changed = api.put(path, acme.user(StaffRole.BILLING_FINANCE), Map.of("servicePackageId", cheaper));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("when")).isEqualTo("next_period");
        assertThat(changed.body().path("subscription").path("nextMonthlyRate").decimalValue())
                .isEqualByComparingTo("1999.00");
        var again = api.put(path, acme.user(StaffRole.ISP_ADMIN), Map.of("servicePackageId", cheaper));
        assertThat(again.status()).as("the same downgrade twice is harmless").isEqualTo(200);
    }

    @Test
    void anUpgradeTheWalletCannotCoverIsAConflictAndBadChoicesAreBadRequests() {
        String dearer = tenantScope.callAs(acme.id(), () -> catalogue.add(new io.ispflow.billing.NewServicePackage(
                "Home 50", null, null, 50, 25, new BigDecimal("4999.00")))).id().toString();
        String path = "/api/subscriptions/" + id + "/package";
        String admin = acme.user(StaffRole.ISP_ADMIN);

        var refused = api.put(path, admin, Map.of("servicePackageId", dearer));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("subscription-change-refused"); // the first invoice is open

        assertThat(api.put(path, admin, Map.of()).status()).isEqualTo(400);
        assertThat(api.put(path, admin, Map.of("servicePackageId", "Home 50")).status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.PUT, path, admin, "{\"servicePackageId\": ").status()).isEqualTo(400);
    }
}
