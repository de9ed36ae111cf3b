package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.payments.bank.BankSignature;
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
 * The bank's signed calls (Family Bank collections shape): account validation and payment
 * notifications, credited once per bank reference; unsigned, stale, replayed or foreign calls refused.
 */
@IntegrationTest
class BankNotificationIntegrationTests extends ProviderPeers {

    static final String SECRET = "acme-and-family-bank-shared-secret-0001";
    static final ObjectMapper JSON = new ObjectMapper();

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
    DueJobs dueJobs;
    @Autowired
    TaskService taskService;

    Api api;
    TestCompany acme;
    ClientDetails client;
    String path;

    @BeforeEach
    void acmeCollectsThroughItsBank() {
        api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Bank Payer");
        path = configureBank(acme, SECRET);
    }

    String configureBank(TestCompany company, String secret) {
        var reply = api.put("/api/bank/settings", company.user(StaffRole.ISP_ADMIN), Map.of("bankName", "Family Bank",
                "collectionAccount", "035000000001", "signingSecret", secret, "active", true));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.text("notificationPath");
    }

    @Test
    void settingsKeepTheSecretToThemselvesAndAreForAdminsOfTheirOwnCompany() {
        var shown = api.get("/api/bank/settings", acme.user(StaffRole.ISP_ADMIN));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body().toString()).doesNotContain(SECRET);
        assertThat(shown.body().path("signingSecretSet").asBoolean()).isTrue();
        assertThat(inAcme(() -> jdbc.queryForObject("select signing_secret from bank_settings", String.class)))
                .startsWith("v1:").doesNotContain(SECRET);

        assertThat(api.get("/api/bank/settings", acme.user(StaffRole.BILLING_FINANCE)).status()).isEqualTo(403);
        assertThat(api.get("/api/bank/settings", testCompanies.create().user(StaffRole.ISP_ADMIN)).status())
                .isEqualTo(404);
        assertThat(api.put("/api/bank/settings", acme.user(StaffRole.ISP_ADMIN), Map.of("bankName", "Family Bank",
                "collectionAccount", "035000000001", "signingSecret", "short", "active", true)).status())
                .isEqualTo(400);
    }

    @Test
    void theBankValidatesAnAccountBeforeTakingTheMoney() throws Exception {
        var found = send(path, SECRET, validation(client.accountNumber()));
        assertThat(found.getStatusCode().value()).isEqualTo(200);
        JsonNode answer = JSON.readTree(found.getBody());
        assertThat(answer.path("status_code").asText()).isEqualTo("ACCOUNT_FOUND");
        assertThat(answer.path("payload").path("customer_name").asText()).isEqualTo("BANK PAYER");

        assertThat(JSON.readTree(send(path, SECRET, validation("NOPE-1")).getBody()).path("status_code").asText())
                .isEqualTo("ACCOUNT_NOT_FOUND");
    }

    @Test
    void aPaymentIsAcknowledgedCreditedOnceAndRetriesGetTheSameAcknowledgement() throws Exception {
        // a payer name beyond ASCII: the signature covers the UTF-8 bytes as sent
        String notification = notification("015BAAT202620003", client.accountNumber(), "5000.0")
                .replace("John Doe", "Wanjirũ Njoroge");

        var first = send(path, SECRET, notification);
        var retry = send(path, SECRET, notification, Instant.now().getEpochSecond() + 1);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(retry.getStatusCode().value()).isEqualTo(200);
        JsonNode ack = JSON.readTree(first.getBody());
        assertThat(ack.path("status_code").asText()).isEqualTo("PAYMENT_ACK");
        assertThat(JSON.readTree(retry.getBody()).path("payment_ref").asText()).isEqualTo(ack.path("payment_ref").asText());

        dueJobs.ofTenant(acme.id().toString());

        assertThat(balance()).isEqualByComparingTo("5000.00");
        assertThat(inAcme(() -> jdbc.queryForList("select payment_method || ' ' || reference_number from payments",
                String.class))).containsExactly("bank 015BAAT202620003");
        assertThat(inAcme(() -> jdbc.queryForObject("select payer_name from bank_notifications", String.class)))
                .isEqualTo("Wanjirũ Njoroge");
        assertThat(inAcme(() -> jdbc.queryForObject("select body from outbound_messages where purpose = 'payment_receipt'",
                String.class))).contains("bank ref 015BAAT202620003");
    }

    @Test
    void aBadSignatureIsRefusedAndRecorded() {
        var reply = send(path, "not-the-shared-secret-at-all-not-at-all", notification("REF-BAD", client.accountNumber(),
                "100"));
        assertThat(reply.getStatusCode().value()).isEqualTo(401);
        assertNothingStoredAndRecorded("bank_ipn_bad_signature");

        var unsigned = post(path, notification("REF-BAD", client.accountNumber(), "100"), Map.of());
        assertThat(unsigned.getStatusCode().value()).isEqualTo(401);
        assertNothingStoredAndRecorded("bank_ipn_unsigned");
    }

    @Test
    void aStaleTimestampIsRefusedAndRecorded() {
        var reply = send(path, SECRET, notification("REF-OLD", client.accountNumber(), "100"),
                Instant.now().minusSeconds(600).getEpochSecond());
        assertThat(reply.getStatusCode().value()).isEqualTo(401);
        assertNothingStoredAndRecorded("bank_ipn_stale");
    }

    @Test
    void aReplayedRequestIsRefusedAndCreditsNothingMore() {
        String body = notification("REF-REPLAY", client.accountNumber(), "250");
        long at = Instant.now().getEpochSecond();
        assertThat(send(path, SECRET, body, at).getStatusCode().value()).isEqualTo(200);

        var replay = send(path, SECRET, body, at);

        assertThat(replay.getStatusCode().value()).isEqualTo(409);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(balance()).isEqualByComparingTo("250.00");
        assertThat(securityEvents()).contains("bank_ipn_replayed");
    }

    @Test
    void otherAccountsPathsAndShapesAreRefused() throws Exception {
        var wrongAccount = send(path, SECRET, notification("REF-1", client.accountNumber(), "100")
                .replace("035000000001", "035000000999"));
        assertThat(wrongAccount.getStatusCode().value()).isEqualTo(400);
        var answer = JSON.readTree(wrongAccount.getBody());
        assertThat(answer.path("status_code").asText()).isEqualTo("REJECTED");
        assertThat(answer.path("status_description").asText()).isEqualTo("bank_ipn_wrong_account");
        assertThat(send("/api/payments/bank/no-such-token", SECRET, notification("REF-2", client.accountNumber(), "100"))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(send(path, SECRET, notification("REF-3", client.accountNumber(), "-5")).getStatusCode().value())
                .isEqualTo(400);
        assertThat(send(path, SECRET, "{\"action\": ").getStatusCode().value()).isEqualTo(400);
        assertThat(send(path, SECRET, "{\"pad\": \"" + "x".repeat(20_000) + "\"}").getStatusCode().value())
                .isEqualTo(413);
        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from bank_notifications", Long.class))).isZero();
        assertThat(securityEvents()).contains("bank_ipn_wrong_account", "bank_ipn_malformed");
        // refused while being read, before its path is looked at
        List<String> whileRead = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where detail like ?", String.class, "%" + path)));
        assertThat(whileRead).containsExactly("intake_oversized");
    }

    @Test
    void anotherCompanysBankCannotCreditThisCompanysClient() {
        TestCompany rival = testCompanies.create();
        String rivalPath = configureBank(rival, "rival-and-its-bank-shared-secret-0002");
        String body = notification("REF-RIVAL", client.accountNumber(), "800");

        assertThat(send(rivalPath, SECRET, body).getStatusCode().value()).as("signed with acme's secret").isEqualTo(401);
        assertThat(send(rivalPath, "rival-and-its-bank-shared-secret-0002", body).getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(rival.id().toString());

        assertThat(balance()).isEqualByComparingTo("0");
        assertThat(taskService.createTaskQuery().tenantIdIn(rival.id().toString())
                .taskDefinitionKey("Task_AssignUnmatched").count()).isEqualTo(1);
    }

    void assertNothingStoredAndRecorded(String kind) {
        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from bank_notifications", Long.class))).isZero();
        assertThat(securityEvents()).contains(kind);
    }

    static String validation(String account) {
        return darajaSample("bank_familybank_collections_validation_request.json").replace("\"2245156\"",
                "\"" + account + "\"").replace("ID_NUMBER", "ACCOUNT_NUMBER");
    }

    static String notification(String reference, String account, String amount) {
        return darajaSample("bank_familybank_collections_payment_notification.json")
                .replace("015BAAT202620003", reference).replace("\"2245156\"", "\"" + account + "\"")
                .replace("5000.0", amount);
    }

    ResponseEntity<String> send(String to, String secret, String body) {
        return send(to, secret, body, Instant.now().getEpochSecond());
    }

    ResponseEntity<String> send(String to, String secret, String body, long timestamp) {
        String signature = HexFormat.of().formatHex(BankSignature.sign(secret, Long.toString(timestamp),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return post(to, body, Map.of("X-Bank-Timestamp", Long.toString(timestamp), "X-Bank-Signature", signature));
    }

    ResponseEntity<String> post(String to, String body, Map<String, String> extraHeaders) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        extraHeaders.forEach(headers::set);
        return http.postForEntity(to, new HttpEntity<>(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers),
                String.class);
    }

    List<String> securityEvents() {
        return tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where isp_company_id = ?", String.class, acme.id())));
    }

    BigDecimal balance() {
        return tenantScope.callAs(acme.id(), () -> ledger.balance(client.id()));
    }

    <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
