package io.ispflow.messaging.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.Notifier;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Queued SMS leave through Africa's Talking (a WireMock peer answering in the documented shapes) and
 * come back as delivery reports: sent once accepted, retried after failures that may pass, failed for
 * good after a refusal, delivered or failed by the report; every attempt and report logged.
 */
@IntegrationTest
class SmsDeliveryIntegrationTests extends ProviderPeers {

    static final String NUMBER = "+254711082282";
    static final String SEND_PATH = "/version1/messaging";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    Notifier notifier;
    @Autowired
    SmsDispatcher dispatcher;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    String reportPath;

    @BeforeEach
    void aCompanyWithAGateway() {
        api = new Api(http);
        acme = testCompanies.create();
        reportPath = configureSms(api, acme);
    }

    @Test
    void aQueuedSmsLeavesAsTheDocumentedFormAndIsDeliveredByTheReport() {
        answerWith(201, "at_send_response.json");
        UUID id = queue(acme, "Asante Wanjiru! We received KES 500.00.");

        assertThat(dispatcher.dispatchPending()).isEqualTo(1);

        AFRICAS_TALKING.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH))
                .withHeader("apiKey", equalTo("atsk-" + acme.id()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withHeader("Idempotency-Key", equalTo(id.toString()))
                .withRequestBody(containing("username=sandbox"))
                .withRequestBody(containing("to=%2B254711082282"))
                .withRequestBody(containing("message=Asante+Wanjiru%21+We+received+KES+500.00."))
                .withRequestBody(containing("from=ACME")));
        Map<String, Object> row = message(id);
        assertThat(row).containsEntry("status", "sent").containsEntry("gateway_message_id", "ATPid_SampleTxnId123")
                .containsEntry("cost", "KES 0.8000").containsEntry("attempts", 1).containsEntry("encoding", "GSM-7");
        assertThat(((Number) row.get("segments")).intValue()).isEqualTo(1);
        assertThat(row.get("sent_at")).isNotNull();

        var report = api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED,
                "id=ATPid_SampleTxnId123&status=Success&phoneNumber=%2B254711082282&networkCode=63902");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("status")).isEqualTo("received");
        assertThat(message(id)).containsEntry("status", "delivered");

        // a late or repeated report changes nothing once the message is delivered
        var late = api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED,
                "id=ATPid_SampleTxnId123&status=Failed&phoneNumber=%2B254711082282&failureReason=DeliveryFailure");
        assertThat(late.status()).isEqualTo(200);
        assertThat(message(id)).containsEntry("status", "delivered");
        assertThat(log(id)).containsExactly("sent", "delivered", "report");
        assertThat(dispatcher.dispatchPending()).as("nothing left to send").isZero();
    }

    @Test
    void failuresThatMayPassAreTriedAgainLaterAndThenSent() {
        AFRICAS_TALKING.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(503)));
        UUID id = queue(acme, "Your internet renewal is due.");

        dispatcher.dispatchPending();

        Map<String, Object> row = message(id);
        assertThat(row).containsEntry("status", "queued").containsEntry("attempts", 1);
        assertThat(row.get("failure_reason")).isEqualTo("gateway answered HTTP 503");
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select extract(epoch from next_attempt_at - now()) from outbound_messages where id = ?""",
                Double.class, id))).as("30 s back-off").isBetween(20.0, 31.0);
        assertThat(dispatcher.dispatchPending()).as("not before its time").isZero();

        // the connection dies: another failure that may pass, and the wait doubles
        AFRICAS_TALKING.resetAll();
        AFRICAS_TALKING.stubFor(post(urlPathEqualTo(SEND_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        dueNow(id);
        dispatcher.dispatchPending();
        assertThat(message(id)).containsEntry("status", "queued").containsEntry("attempts", 2);
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select extract(epoch from next_attempt_at - now()) from outbound_messages where id = ?""",
                Double.class, id))).isBetween(50.0, 61.0);

        AFRICAS_TALKING.resetAll();
        answerWith(201, "at_send_response.json");
        dueNow(id);
        dispatcher.dispatchPending();
        assertThat(message(id)).containsEntry("status", "sent").containsEntry("attempts", 3);
        assertThat(log(id)).containsExactly("retry", "retry", "sent");
    }

    @Test
    void aRefusalForGoodIsNotTriedAgain() {
        answerWith(201, "at_send_response_rejected_409.json");
        UUID refused = queue(acme, "Hello");
        dispatcher.dispatchPending();
        assertThat(message(refused)).containsEntry("status", "failed").containsEntry("failure_reason",
                "DoNotDisturbRejection");

        AFRICAS_TALKING.resetAll();
        answerWith(201, "at_send_response_invalid_sender_id.json");
        UUID noSender = queue(acme, "Hello again");
        dispatcher.dispatchPending();
        assertThat(message(noSender)).containsEntry("status", "failed").containsEntry("failure_reason",
                "InvalidSenderId");

        dueNow(refused);
        dueNow(noSender);
        assertThat(dispatcher.dispatchPending()).isZero();
        AFRICAS_TALKING.verify(1, postRequestedFor(urlPathEqualTo(SEND_PATH)));
        assertThat(log(refused)).containsExactly("rejected");
    }

    @Test
    void aMessageThatKeepsFailingIsGivenUpAfterItsLastAttempt() {
        AFRICAS_TALKING.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(401)
                .withBody("The supplied authentication is invalid")));
        UUID id = queue(acme, "Hello");
        inAcme(() -> jdbc.update("update outbound_messages set attempts = 7 where id = ?", id));

        dispatcher.dispatchPending();

        assertThat(message(id)).containsEntry("status", "failed").containsEntry("attempts", 8)
                .containsEntry("failure_reason", "gave up after 8 attempts: gateway refused the API key (HTTP 401)");
        assertThat(log(id)).containsExactly("gave_up");
    }

    @Test
    void messagesOfACompanyWithoutAGatewayStayQueuedUntouched() {
        TestCompany quiet = testCompanies.create();
        UUID id = queue(quiet, "Hello");

        dispatcher.dispatchPending();

        Map<String, Object> row = tenantScope.callAs(quiet.id(), () -> transactions.execute(tx -> jdbc.queryForMap(
                "select status, attempts from outbound_messages where id = ?", id)));
        assertThat(row).containsEntry("status", "queued").containsEntry("attempts", 0);
        AFRICAS_TALKING.verify(0, postRequestedFor(urlPathEqualTo(SEND_PATH)));
    }

    @Test
    void reportsThatAreNotOursAreRefusedAndRecorded() {
        answerWith(201, "at_send_response.json");
        UUID id = queue(acme, "Hello");
        dispatcher.dispatchPending();
        String form = "id=ATPid_SampleTxnId123&status=Success&phoneNumber=%2B254711082282";

        assertThat(api.postRaw("/api/messaging/sms/delivery/not-a-token", MediaType.APPLICATION_FORM_URLENCODED, form)
                .status()).isEqualTo(404);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED,
                "id=ATPid_Unknown&status=Success").status()).isEqualTo(404);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED,
                "id=ATPid_SampleTxnId123&status=Success&phoneNumber=%2B254700000000").status()).isEqualTo(400);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_JSON, "{\"id\":\"ATPid_SampleTxnId123\"}").status())
                .isEqualTo(415);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED, "id=%E2%28&status=Success").status())
                .isEqualTo(400);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED, "id=%4&status=Success").status())
                .isEqualTo(400);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED, "status=Success").status())
                .isEqualTo(400);
        assertThat(api.postRaw(reportPath, MediaType.APPLICATION_FORM_URLENCODED, "id=a&id=b&status=Success").status())
                .isEqualTo(400);

        // another company's path does not reach this company's messages
        TestCompany rival = testCompanies.create();
        String rivalPath = configureSms(api, rival);
        assertThat(api.postRaw(rivalPath, MediaType.APPLICATION_FORM_URLENCODED, form).status()).isEqualTo(404);

        assertThat(message(id)).containsEntry("status", "sent");
        assertThat(inAcme(() -> jdbc.queryForList("select kind from security_events where isp_company_id = ?",
                String.class, acme.id()))).contains("sms_report_unknown_message", "sms_report_mismatch",
                "sms_report_malformed");
    }

    @Test
    void theApiKeyIsStoredEncryptedNeverReturnedAndOnlyAdministratorsSeeTheSettings() {
        var settings = api.get("/api/messaging/sms-gateway", acme.user(StaffRole.ISP_ADMIN));
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body().toString()).doesNotContain("atsk-");
        assertThat(settings.body().path("apiKeySet").asBoolean()).isTrue();
        assertThat(settings.text("deliveryReportPath")).startsWith("/api/messaging/sms/delivery/").hasSizeGreaterThan(60);
        assertThat(inAcme(() -> jdbc.queryForObject("select api_key from sms_gateway_settings where isp_company_id = ?",
                String.class, acme.id()))).startsWith("v1:").doesNotContain("atsk-");

        assertThat(api.get("/api/messaging/sms-gateway", acme.user(StaffRole.BILLING_FINANCE)).status()).isEqualTo(403);
        assertThat(api.put("/api/messaging/sms-gateway", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("username", "x", "environment", "sandbox", "active", true)).status()).isEqualTo(403);
        assertThat(api.get("/api/messaging/sms-gateway", testCompanies.create().user(StaffRole.ISP_ADMIN)).status())
                .isEqualTo(404);
        var bad = api.put("/api/messaging/sms-gateway", acme.user(StaffRole.ISP_ADMIN),
                Map.of("username", "a b", "senderId", "WAY-TOO-LONG-ID", "environment", "live", "active", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().findValuesAsText("field")).contains("username", "senderId", "environment");
    }

    private void answerWith(int status, String sample) {
        AFRICAS_TALKING.stubFor(post(urlPathEqualTo(SEND_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(darajaSample(sample))));
    }

    private UUID queue(TestCompany company, String text) {
        return tenantScope.callAs(company.id(), () -> transactions.execute(tx -> {
            notifier.textClient(null, NUMBER, MessagePurpose.PAYMENT_RECEIVED, text);
            return jdbc.queryForObject("select id from outbound_messages order by created_at desc limit 1", UUID.class);
        }));
    }

    private Map<String, Object> message(UUID id) {
        return inAcme(() -> jdbc.queryForMap("""
                select status, attempts, gateway_message_id, cost, failure_reason, segments, encoding, sent_at
                from outbound_messages where id = ?""", id));
    }

    private List<String> log(UUID id) {
        return inAcme(() -> jdbc.queryForList(
                "select status from notification_logs where message_id = ? order by created_at, id", String.class, id));
    }

    private void dueNow(UUID id) {
        inAcme(() -> jdbc.update("update outbound_messages set next_attempt_at = now() where id = ?", id));
    }

    private <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
