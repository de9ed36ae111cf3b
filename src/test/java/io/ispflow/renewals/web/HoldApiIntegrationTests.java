package io.ispflow.renewals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientType;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Nairobi;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Vacation holds through the API: who may schedule and read them, in which company, with what input. */
@IntegrationTest
class HoldApiIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    SubscriptionFixture fixture;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    TenantScope tenantScope;

    Api api;
    TestCompany acme;
    TestCompany rival;
    LocalDate today;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
        today = LocalDate.now(Nairobi.ZONE);
    }

    @Test
    void financeSchedulesAHoldSupportReadsItOthersMayNot() {
        String path = holdsOf(paidUp("Holiday Maker", ClientType.INDIVIDUAL));
        Map<String, Object> hold = Map.of("startsOn", today.plusDays(1).toString(),
                "endsOn", today.plusDays(14).toString(), "reason", "Christmas upcountry");

        for (StaffRole role : new StaffRole[] {StaffRole.CUSTOMER_SUPPORT, StaffRole.NETWORK_OPERATIONS,
                StaffRole.SALES_ACCOUNT_MANAGER, StaffRole.INFRASTRUCTURE_ASSET}) {
            assertThat(api.post(path, acme.user(role), hold).status()).as(role.id()).isEqualTo(403);
        }
        var scheduled = api.post(path, acme.user(StaffRole.BILLING_FINANCE), hold);

        assertThat(scheduled.status()).as(String.valueOf(scheduled.body())).isEqualTo(201);
        assertThat(scheduled.body().path("days").asInt()).isEqualTo(14);
        var read = api.get(path, acme.user(StaffRole.CUSTOMER_SUPPORT));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).hasSize(1);
        assertThat(api.get(path, acme.user(StaffRole.NETWORK_OPERATIONS)).status()).isEqualTo(403);
    }

    @Test
    void anotherCompanysSubscriptionIsNotFound() {
        String path = holdsOf(paidUp("Not Yours", ClientType.INDIVIDUAL));
        var write = api.post(path, rival.user(StaffRole.ISP_ADMIN), Map.of("startsOn", today.plusDays(1).toString(),
                "endsOn", today.plusDays(10).toString(), "reason", "Away"));
        assertThat(write.status()).isEqualTo(404);
        assertThat(write.text("type")).endsWith("subscription-not-found");
        assertThat(api.get(path, rival.user(StaffRole.ISP_ADMIN)).status()).isEqualTo(404);
        assertThat(api.get(path, acme.user(StaffRole.ISP_ADMIN)).body()).isEmpty();
    }

    @Test
    void thePolicyDecidesHowLongAndContractClientsArrangeHoldsWithTheirAccountManager() {
        String admin = acme.user(StaffRole.ISP_ADMIN);
        var tooLong = api.post(holdsOf(paidUp("Long Trip", ClientType.BUSINESS)), admin, Map.of(
                "startsOn", today.plusDays(1).toString(), "endsOn", today.plusDays(20).toString(), "reason", "Closed"));
        assertThat(tooLong.status()).isEqualTo(409);
        assertThat(tooLong.text("detail")).contains("14 days");
        var contract = api.post(holdsOf(paidUp("Big Corp", ClientType.CORPORATE)), admin, Map.of(
                "startsOn", today.plusDays(1).toString(), "endsOn", today.plusDays(7).toString(), "reason", "Audit"));
        assertThat(contract.status()).isEqualTo(409);
        assertThat(contract.text("type")).endsWith("subscription-change-refused");
    }

    @Test
    void badInputIsABadRequest() {
        String path = holdsOf(paidUp("Typo Prone", ClientType.INDIVIDUAL));
        String admin = acme.user(StaffRole.ISP_ADMIN);
        assertThat(api.post(path, admin, Map.of()).status()).isEqualTo(400);
        assertThat(api.post(path, admin, Map.of("startsOn", "next week", "endsOn", today.toString(), "reason", "x"))
                .status()).isEqualTo(400);
        assertThat(api.post(path, admin, Map.of("startsOn", today.plusDays(1).toString(),
                "endsOn", today.plusDays(8).toString(), "reason", "x".repeat(201))).status()).isEqualTo(400);
        assertThat(api.call(HttpMethod.POST, path, admin, "{\"startsOn\": ").status()).isEqualTo(400);
        assertThat(api.get("/api/subscriptions/not-a-uuid/holds", admin).status()).isEqualTo(400);
    }

    private String paidUp(String name, ClientType type) {
        ClientDetails client = fixture.activeClient(acme, name, type);
        fixture.subscribe(acme, client);
        fixture.credit(acme, client, SubscriptionFixture.RATE);
        return tenantScope.callAs(acme.id(), () -> subscriptions.liveOf(client.id())).orElseThrow().id().toString();
    }

    private static String holdsOf(String subscriptionId) {
        return "/api/subscriptions/" + subscriptionId + "/holds";
    }
}
