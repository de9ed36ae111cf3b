package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.ispflow.billing.WalletLedger;
import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.support.Api;
import io.ispflow.support.DueJobs;
import io.ispflow.support.IntegrationTest;
import io.ispflow.support.OnboardingFixture;
import io.ispflow.support.TestCompanies;
import io.ispflow.support.TestCompanies.TestCompany;

/**
 * Staff start by hand only the processes meant to be started by hand: a client registration, by those
 * who register clients. The processes the application starts from stored data (a payment's
 * reconciliation) cannot be started through the engine REST API with made-up variables.
 */
@IntegrationTest
class ProcessStartPermissionsIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    WalletLedger ledger;
    @Autowired
    TenantScope tenantScope;

    Api api;
    TestCompany acme;
    ClientDetails client;

    @BeforeEach
    void acmeHasAClient() {
        api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Wallet Owner");
    }

    @Test
    void noStaffMemberCanStartAPaymentReconciliationForAPaymentNobodyMade() {
        var madeUpPayment = Map.of("variables", Map.of(
                "resultCode", Map.of("value", "0"),
                "amount", Map.of("value", "50000"),
                "accountReference", Map.of("value", client.accountNumber()),
                "mpesaReceiptNumber", Map.of("value", "FAKE000001"),
                "callbackId", Map.of("value", "00000000-0000-4000-8000-000000000000")));

        for (StaffRole role : new StaffRole[] {StaffRole.HOTSPOT_ADMIN, StaffRole.BILLING_FINANCE, StaffRole.ISP_ADMIN}) {
            var started = api.post("/engine-rest/process-definition/key/paymentReconciliation/start", acme.user(role),
                    madeUpPayment);
            assertThat(started.status()).as(role + ": " + started.body()).isEqualTo(403);
        }
        dueJobs.ofTenant(acme.id().toString());

        assertThat(tenantScope.callAs(acme.id(), () -> ledger.balance(client.id()))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void noStaffMemberStartsAnInstallationOutsideItsOnboarding() {
        var started = api.post("/engine-rest/process-definition/key/installation/start",
                acme.user(StaffRole.NETWORK_OPERATIONS), Map.of());

        assertThat(started.status()).as(started.body().toString()).isEqualTo(403);
    }

    @Test
    void onlyThoseWhoRegisterClientsStartARegistration() {
        String start = "/engine-rest/process-definition/key/clientOnboarding/start";

        assertThat(api.post(start, acme.user(StaffRole.HOTSPOT_ADMIN), Map.of()).status()).isEqualTo(403);
        assertThat(api.post(start, acme.user(StaffRole.SALES_ACCOUNT_MANAGER), Map.of()).status())
                .as("allowed, and refused for its empty form").isEqualTo(400);
        assertThat(api.post(start, acme.user(StaffRole.ISP_ADMIN), Map.of()).status()).isEqualTo(400);
    }
}
