package io.ispflow.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.SubscriptionState;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientType;
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.platform.TenantScope;
import io.ispflow.renewals.process.LifecyclePeriods;
import io.ispflow.testing.DarajaPayloads;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * A suspended client pays by M-PESA: Daraja's STK callback arrives at the intake, the payment is
 * reconciled and credited, and the client's lifecycle restores him.
 */
@IntegrationTest
class PaidAndRestoredThroughTheIntakeIntegrationTests {

    @Autowired
    SubscriptionFixture fixture;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    MpesaSettings settings;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    TestRestTemplate http;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anStkPaymentOfTheArrearsRestoresTheSuspendedClient() {
        TestCompany acme = testCompanies.create();
        ClientDetails client = fixture.activeClient(acme, "Pays By Phone", ClientType.INDIVIDUAL);
        var process = fixture.inGrace(acme, client);
        LocalDate giveUp = LifecyclePeriods.today().plusDays(20);
        while (state(acme, client) != SubscriptionState.SUSPENDED) {
            assertThat(LifecyclePeriods.today()).as("suspended within the grace the policy gives").isBefore(giveUp);
            fixture.nextMorning(process);
        }
        String path = tenantScope.callAs(acme.id(), () -> settings.save(new UpdateMpesaSettings("174379", null, "key",
                "secret", "passkey", "sandbox", true))).callbackPath();
        String checkout = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                requested_by, isp_company_id)
                values (?, ?, '+254712345678', 2999.00, ?, 'acmesupport', ?)""",
                checkout, client.id(), client.accountNumber(), acme.id())));

        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var reply = http.postForEntity(path, new HttpEntity<>(
                DarajaPayloads.stkSuccess(checkout, "SLC7RT61SV", new BigDecimal("2999.00")), headers), String.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);

        // the reconciliation, the PaymentCredited listener and the restoration, as the job executor would run them
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            dueJobs.ofTenant(acme.id().toString());
            assertThat(state(acme, client)).isEqualTo(SubscriptionState.ACTIVE);
        });
        String status = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select status::text from clients where id = ?", String.class, client.id())));
        assertThat(status).isEqualTo("active");
        LocalDate restoredOn = LifecyclePeriods.today();
        assertThat(tenantScope.callAs(acme.id(), () -> subscriptions.liveOf(client.id())).orElseThrow().periodStart())
                .isEqualTo(restoredOn);
    }

    private SubscriptionState state(TestCompany company, ClientDetails client) {
        return tenantScope.callAs(company.id(), () -> subscriptions.liveOf(client.id())).orElseThrow().state();
    }
}
