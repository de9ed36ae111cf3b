package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.ispflow.billing.LedgerEntry;
import io.ispflow.billing.WalletLedger;
import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The engine REST API is a front door: staff start by hand only the processes their role starts (as
 * the BPMN's candidate starters say), no one starts a system process, and staff read only their own
 * company's colleagues.
 */
@IntegrationTest
class EngineRestAccessIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    WalletLedger ledger;

    Api api;
    TestCompany acme;
    TestCompany savanna;
    ClientDetails client;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        savanna = testCompanies.create();
        client = onboarding.register(acme, "Wallet Owner");
    }

    /** What someone would post to mint money: a bank payment of his own invention for a real client. */
    Map<String, Object> inventedBankPayment() {
        return Map.of("variables", Map.of(
                "callbackId", Map.of("value", java.util.UUID.randomUUID().toString()),
                "channel", Map.of("value", "bank"),
                "outcome", Map.of("value", "paid"),
                "amount", Map.of("value", "1000000.00"),
                "bankReference", Map.of("value", "FT-INVENTED"),
                "accountReference", Map.of("value", client.accountNumber())));
    }

    @Test
    void noRoleCanStartPaymentReconciliationThroughTheEngineApi() {
        for (StaffRole role : acme.users().keySet()) {
            var answer = api.post("/engine-rest/process-definition/key/paymentReconciliation/start", acme.user(role),
                    inventedBankPayment());

            assertThat(answer.status()).as(role.id()).isEqualTo(403);
        }
        List<LedgerEntry> credited = tenantScope.callAs(acme.id(), () -> ledger.entries(client.id()));
        assertThat(credited).isEmpty();
    }

    @Test
    void noRoleStartsAnInstallationOutsideItsOnboarding() {
        for (StaffRole role : acme.users().keySet()) {
            var answer = api.post("/engine-rest/process-definition/key/installation/start", acme.user(role), Map.of());

            assertThat(answer.status()).as(role.id()).isEqualTo(403);
        }
    }

    @Test
    void onlySalesAndAdministratorsStartOnboardingByHand() {
        for (StaffRole role : acme.users().keySet()) {
            var answer = api.post("/engine-rest/process-definition/key/clientOnboarding/start", acme.user(role),
                    Map.of("variables", Map.of()));

            boolean starter = role == StaffRole.SALES_ACCOUNT_MANAGER || role == StaffRole.ISP_ADMIN;
            if (starter) {
                // may start it, and an empty registration is his mistake, refused by the process
                assertThat(answer.status()).as(role.id()).isEqualTo(400);
                assertThat(answer.text("message")).contains("registration has invalid fields");
            } else {
                assertThat(answer.status()).as(role.id()).isEqualTo(403);
            }
        }
    }

    @Test
    void tasklistOffersEachUserOnlyTheProcessesHeMayStart() {
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true";

        assertThat(api.get(startable, acme.user(StaffRole.SALES_ACCOUNT_MANAGER)).body().findValuesAsText("key"))
                .containsExactly("clientOnboarding");
        assertThat(api.get(startable, acme.user(StaffRole.BILLING_FINANCE)).body().findValuesAsText("key")).isEmpty();
    }

    @Test
    void theRolesWorkingAProcesssTasksReadItsVariablesInTheirOwnCompanyOnly() {
        String accountNumbers = "/engine-rest/variable-instance?variableName=accountNumber&maxResults=1000";

        assertThat(api.get(accountNumbers, acme.user(StaffRole.NETWORK_OPERATIONS)).body().findValuesAsText("value"))
                .as("NOC approves this registration").contains(client.accountNumber());
        assertThat(api.get(accountNumbers, acme.user(StaffRole.CUSTOMER_SUPPORT)).body().findValuesAsText("value"))
                .as("no task of onboarding is support's").isEmpty();
        assertThat(api.get(accountNumbers, savanna.user(StaffRole.NETWORK_OPERATIONS)).body()
                .findValuesAsText("value")).as("another company's NOC").doesNotContain(client.accountNumber());
    }

    @Test
    void staffListOnlyTheirOwnCompanysUsers() {
        String acmeNoc = acme.user(StaffRole.NETWORK_OPERATIONS);

        var listed = api.get("/engine-rest/user?maxResults=1000", acmeNoc).body().findValuesAsText("id");
        assertThat(listed).containsAll(acme.users().values()).doesNotContainAnyElementsOf(savanna.users().values());

        assertThat(api.get("/engine-rest/user/" + acme.user(StaffRole.ISP_ADMIN) + "/profile", acmeNoc).status())
                .isEqualTo(200);
        var otherCompany = api.get("/engine-rest/user/" + savanna.user(StaffRole.ISP_ADMIN) + "/profile", acmeNoc);
        assertThat(otherCompany.status()).isEqualTo(404);
        assertThat(otherCompany.body().toString()).doesNotContain("@test.example");
    }

    @Test
    void staffSeeTheRoleGroupsButNotOtherCompaniesGroups() {
        var groups = api.get("/engine-rest/group?maxResults=1000", acme.user(StaffRole.CUSTOMER_SUPPORT)).body()
                .findValuesAsText("id");

        assertThat(groups).contains("customer_support", "billing_finance", "company_" + acme.id())
                .doesNotContain("company_" + savanna.id());
    }
}
