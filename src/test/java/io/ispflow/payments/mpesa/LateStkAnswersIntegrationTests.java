package io.ispflow.payments.mpesa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestCompanies;

/**
 * Pushes whose callback is late are asked about with Daraja's STK query, and whatever arrives in
 * whatever order (query answer, late callback, paybill confirmation of the same money) is credited once.
 */
@IntegrationTest
class LateStkAnswersIntegrationTests extends ProviderPeers {

    static final String QUERY = "/mpesa/stkpushquery/v1/query";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    io.ispflow.billing.WalletLedger ledger;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    LateStkAnswers lateAnswers;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    Api api;
    TestCompany acme;
    ClientDetails client;
    String callbackPath;
    String checkout;

    @BeforeEach
    void acmePromptedAPhoneAMinuteAgoAndHeardNothing() {
        String pushed = "ws_CO_" + System.nanoTime();
        DARAJA.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).willReturn(aResponse().withStatus(200)
                .withBody(darajaSample("stk_push_sync_response.json").replaceAll("ws_CO_[0-9]+", pushed))));
        api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Late Answer");
        callbackPath = configureMpesa(api, acme, "174379");
        var push = api.post("/api/payments/mpesa-stk", acme.user(StaffRole.BILLING_FINANCE),
                Map.of("clientId", client.id(), "amount", 1500));
        assertThat(push.status()).as(push.body().toString()).isEqualTo(202);
        checkout = push.text("checkoutRequestId");
        sql("update mpesa_stk_requests set created_at = now() - interval '2 minutes' where checkout_request_id = ?",
                checkout);
    }

    @Test
    void aPushWithoutCallbackIsQueriedCreditedOnceAndLearnsItsReceiptFromTheLateCallback() {
        darajaQueryAnswers(200, darajaSample("stk_query_response_success.json"));

        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        DARAJA.verify(postRequestedFor(urlEqualTo(QUERY))
                .withRequestBody(matchingJsonPath("$.CheckoutRequestID", equalTo(checkout)))
                .withRequestBody(matchingJsonPath("$.BusinessShortCode", equalTo("174379")))
                .withRequestBody(matchingJsonPath("$.Password")));
        dueJobs.ofTenant(acme.id().toString());
        assertThat(balance()).isEqualByComparingTo("1500.00");
        assertThat(pushStatus()).isEqualTo("completed");
        assertThat(payments()).singleElement().satisfies(p -> {
            assertThat(p.get("reference_number")).isEqualTo(checkout);
            assertThat(p.get("mpesa_receipt_number")).isNull();
        });

        // Daraja's callback comes after all, then the paybill confirmation of the same money
        assertThat(deliver(callbackPath, stkSuccess()).getStatusCode().value()).isEqualTo(200);
        assertThat(deliver(paybillPath("confirmation"), confirmation("NLJ7RT61SV", "1500.00")).getStatusCode().value())
                .isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());

        assertThat(payments()).singleElement()
                .satisfies(p -> assertThat(p.get("mpesa_receipt_number")).isEqualTo("NLJ7RT61SV"));
        assertThat(balance()).isEqualByComparingTo("1500.00");
        assertThat(lateAnswers.queryDuePushes()).isZero();
    }

    @Test
    void aPaybillPaymentOfTheSameAmountBeforeTheQueryGoesToFinanceWhoFindItTheSameMoney() {
        paybillPaymentThenQueriedPush();

        completeReview("same");

        assertThat(balance()).isEqualByComparingTo("1500.00");
        assertThat(payments()).singleElement().satisfies(p -> {
            assertThat(p.get("mpesa_receipt_number")).isEqualTo("RKL51ZDR4F");
            assertThat(p.get("reference_number")).isEqualTo(checkout);
        });
        assertThat(pushStatus()).isEqualTo("completed");
    }

    @Test
    void aPaybillPaymentOfTheSameAmountBeforeTheQueryGoesToFinanceWhoFindItASecondPayment() {
        paybillPaymentThenQueriedPush();

        completeReview("separate");
        dueJobs.ofTenant(acme.id().toString());

        assertThat(balance()).isEqualByComparingTo("3000.00");
        assertThat(payments()).hasSize(2);
    }

    void paybillPaymentThenQueriedPush() {
        assertThat(deliver(paybillPath("confirmation"), confirmation("RKL51ZDR4F", "1500.00")).getStatusCode().value())
                .isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(balance()).isEqualByComparingTo("1500.00");

        darajaQueryAnswers(200, darajaSample("stk_query_response_success.json"));
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        dueJobs.ofTenant(acme.id().toString());

        assertThat(balance()).as("nothing credited until finance decides").isEqualByComparingTo("1500.00");
    }

    void completeReview(String decision) {
        var task = taskService.createTaskQuery().tenantIdIn(acme.id().toString())
                .taskDefinitionKey("Task_ReviewPossibleDouble").singleResult();
        assertThat(task).isNotNull();
        taskService.complete(task.getId(), Map.of("sameMoney", decision));
    }

    @Test
    void aPromptStillOnTheHandsetIsAskedAboutAgainWithBackOffAndExpiresAfterTheLastAttempt() {
        darajaQueryAnswers(200, darajaSample("stk_query_pending_4999.json"));
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        assertThat(lateAnswers.queryDuePushes()).as("not due again yet").isZero();
        assertThat(inboxRows()).isZero();
        assertThat(pushStatus()).isEqualTo("pending");

        // Daraja's other way of saying "still being processed": an error body with a 500
        darajaQueryAnswers(500, darajaSample("stk_query_pending_error_500.001.1001.json"));
        sql("update mpesa_stk_requests set next_query_at = now() - interval '1 second' where checkout_request_id = ?",
                checkout);
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        assertThat(pushStatus()).isEqualTo("pending");

        sql("update mpesa_stk_requests set query_attempts = 5, next_query_at = now() - interval '1 second'"
                + " where checkout_request_id = ?", checkout);
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        assertThat(pushStatus()).isEqualTo("expired");
        assertThat(inboxRows()).isZero();
        assertThat(balance()).isEqualByComparingTo("0");

        // and if the money went through after all, Daraja's callback still counts
        assertThat(deliver(callbackPath, stkSuccess()).getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(balance()).isEqualByComparingTo("1500.00");
        assertThat(pushStatus()).isEqualTo("completed");
    }

    @Test
    void aQueriedCancellationIsExplainedAndALateSuccessCallbackOverturnsIt() {
        darajaQueryAnswers(200, darajaSample("stk_query_response_cancelled_1032.json"));
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(pushStatus()).isEqualTo("failed");
        assertThat(texts("payment_failed")).singleElement().asString().contains("you cancelled the request");

        assertThat(deliver(callbackPath, stkSuccess()).getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());

        assertThat(balance()).isEqualByComparingTo("1500.00");
        assertThat(pushStatus()).isEqualTo("completed");
        assertThat(payments()).singleElement()
                .satisfies(p -> assertThat(p.get("mpesa_receipt_number")).isEqualTo("NLJ7RT61SV"));
    }

    @Test
    void aPhoneThatCouldNotBeReachedIsAskedAboutAgainNotFailedAtOnce() {
        darajaQueryAnswers(200, darajaSample("stk_query_response_timeout_1037.json"));
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        assertThat(inboxRows()).isZero();
        assertThat(pushStatus()).isEqualTo("pending");

        sql("update mpesa_stk_requests set query_attempts = 5, next_query_at = now() - interval '1 second'"
                + " where checkout_request_id = ?", checkout);
        assertThat(lateAnswers.queryDuePushes()).isEqualTo(1);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(pushStatus()).isEqualTo("failed");
        assertThat(texts("payment_failed")).singleElement().asString().contains("could not be reached");
    }

    @Test
    void aCallbackInTimeMeansNoQuery() {
        assertThat(deliver(callbackPath, stkSuccess()).getStatusCode().value()).isEqualTo(200);
        assertThat(lateAnswers.queryDuePushes()).isZero();
        DARAJA.verify(0, postRequestedFor(urlEqualTo(QUERY)));
    }

    void darajaQueryAnswers(int status, String body) {
        DARAJA.stubFor(post(urlEqualTo(QUERY)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.replaceAll("ws_CO_[0-9]+", checkout))));
    }

    String stkSuccess() {
        return darajaSample("stk_callback_success.json").replaceAll("ws_CO_[0-9]+", checkout)
                .replace("\"Value\": 1.00", "\"Value\": 1500.00");
    }

    String confirmation(String receipt, String amount) {
        return darajaSample("c2b_confirmation_request.json").replace("RKL51ZDR4F", receipt)
                .replace("\"5.00\"", "\"" + amount + "\"").replace("\"600966\"", "\"174379\"")
                .replace("Sample Transaction", client.accountNumber());
    }

    String paybillPath(String kind) {
        return "/api/payments/paybill/" + callbackPath.substring(callbackPath.lastIndexOf('/') + 1) + "/" + kind;
    }

    org.springframework.http.ResponseEntity<String> deliver(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    BigDecimal balance() {
        return tenantScope.callAs(acme.id(), () -> ledger.balance(client.id()));
    }

    List<Map<String, Object>> payments() {
        return inAcme(() -> jdbc.queryForList("select * from payments where client_id = ?", client.id()));
    }

    String pushStatus() {
        return inAcme(() -> jdbc.queryForObject("select status from mpesa_stk_requests where checkout_request_id = ?",
                String.class, checkout));
    }

    long inboxRows() {
        return inAcme(() -> jdbc.queryForObject("select count(*) from mpesa_callbacks where checkout_request_id = ?",
                Long.class, checkout));
    }

    List<String> texts(String template) {
        return inAcme(() -> jdbc.queryForList("select body from outbound_messages where purpose = ? and client_id = ?",
                String.class, template, client.id()));
    }

    void sql(String statement, Object... args) {
        inAcme(() -> jdbc.update(statement, args));
    }

    <T> T inAcme(java.util.function.Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
