package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

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
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestCompanies;

/**
 * Whatever reaches a provider intake (any body, type, length or encoding) is answered with a 4xx in the
 * provider's own format, never a 500, and a refused call stores nothing but its security event.
 */
@IntegrationTest
class IntakeRobustnessIntegrationTests extends ProviderPeers {

    static final String DARAJA_REJECTED = "{\"ResultCode\":1,\"ResultDesc\":\"Rejected\"}";
    static final String SECRET = "robustness-signing-secret-of-enough-length";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    TestCompany acme;
    ClientDetails client;
    String stkPath;
    String paybillPath;
    String bankPath;

    @BeforeEach
    void acmeTakesMpesaAndBankPayments() {
        var api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Careful Payer");
        stkPath = configureMpesa(api, acme, "174379");
        paybillPath = stkPath.replace("/mpesa/callback/", "/paybill/");
        var bank = api.put("/api/bank/settings", acme.user(StaffRole.ISP_ADMIN), Map.of("bankName", "Family Bank",
                "collectionAccount", "035000000001", "signingSecret", SECRET, "active", true));
        bankPath = bank.text("notificationPath");
    }

    ResponseEntity<String> post(String path, String contentType, byte[] body) {
        var headers = new HttpHeaders();
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> postJson(String path, String json) {
        return post(path, MediaType.APPLICATION_JSON_VALUE, json.getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<String> signedToBank(String json) {
        long now = Instant.now().getEpochSecond();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Bank-Timestamp", Long.toString(now));
        headers.set("X-Bank-Signature", HexFormat.of().formatHex(BankSignature.sign(SECRET, Long.toString(now), body)));
        return http.postForEntity(bankPath, new HttpEntity<>(body, headers), String.class);
    }

    long stored() {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForObject(
                "select (select count(*) from mpesa_callbacks) + (select count(*) from bank_notifications)"
                        + " + (select count(*) from wallet_transactions)", Long.class)));
    }

    static void refusedInDarajaFormat(ResponseEntity<String> reply, String what) {
        assertThat(reply.getStatusCode().is4xxClientError()).as(what + " → " + reply.getStatusCode()).isTrue();
        assertThat(reply.getBody()).as(what).isEqualTo(DARAJA_REJECTED);
    }

    static String stkCallback(String checkout, String resultCode, String amountJson, String receipt, String phone) {
        return """
                {"Body": {"stkCallback": {"MerchantRequestID": "29115-1", "CheckoutRequestID": "%s", "ResultCode": %s,
                 "ResultDesc": "ok", "CallbackMetadata": {"Item": [{"Name": "Amount", "Value": %s},
                 {"Name": "MpesaReceiptNumber", "Value": "%s"}, {"Name": "PhoneNumber", "Value": %s}]}}}}"""
                .formatted(checkout, resultCode, amountJson, receipt, phone);
    }

    static String paybill(String transId, String amount, String account) {
        return darajaSample("c2b_confirmation_request.json")
                .replaceAll("\"TransID\": \"[^\"]*\"", "\"TransID\": \"" + transId + "\"")
                .replaceAll("\"BillRefNumber\": \"[^\"]*\"", "\"BillRefNumber\": \"" + account + "\"")
                .replaceAll("\"BusinessShortCode\": \"[^\"]*\"", "\"BusinessShortCode\": \"174379\"")
                .replaceAll("\"TransAmount\": \"[^\"]*\"", "\"TransAmount\": " + amount);
    }

    @Test
    void stkCallbacksWithValuesThatCannotBeStoredAreRefusedNotFailed() {
        String checkout = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        var bad = Map.of(
                "amount not a number", stkCallback(checkout, "0", "\"abc\"", "TKA1", "254712345678"),
                "amount empty", stkCallback(checkout, "0", "\"\"", "TKA1", "254712345678"),
                "amount an object", stkCallback(checkout, "0", "{\"a\": 1}", "TKA1", "254712345678"),
                "amount out of range", stkCallback(checkout, "0", "1e400", "TKA1", "254712345678"),
                "result code longer than its column", stkCallback(checkout, "\"" + "9".repeat(40) + "\"", "10", "TKA1",
                        "254712345678"),
                "receipt longer than its column", stkCallback(checkout, "0", "10", "R".repeat(60), "254712345678"),
                "phone longer than its column", stkCallback(checkout, "0", "10", "TKA1", "2547".repeat(10)),
                "checkout id longer than its column", stkCallback("C".repeat(300), "0", "10", "TKA1", "254712345678"),
                "NUL in a value", stkCallback(checkout, "0", "10", "TK\\u0000A1", "254712345678"),
                "not an object", "[1, 2, 3]");
        bad.forEach((what, body) -> refusedInDarajaFormat(postJson(stkPath, body), what));

        refusedInDarajaFormat(post(stkPath, MediaType.APPLICATION_JSON_VALUE, new byte[0]), "empty body");
        refusedInDarajaFormat(post(stkPath + "?%20%09%0D%0A=x", MediaType.APPLICATION_JSON_VALUE,
                stkCallback(checkout, "1037", "10", "TKA1", "254712345678").getBytes(StandardCharsets.UTF_8)),
                "a query string with control characters in its names");
        refusedInDarajaFormat(post(stkPath, null, "garbage".getBytes(StandardCharsets.UTF_8)), "no content type");
        refusedInDarajaFormat(post(stkPath, MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "Body=x&ResultCode=0".getBytes(StandardCharsets.UTF_8)), "form-encoded body");
        refusedInDarajaFormat(post(stkPath, "multipart/form-data; boundary=x",
                "--x\r\n\r\n--x--".getBytes(StandardCharsets.UTF_8)), "multipart body");
        refusedInDarajaFormat(post(stkPath, MediaType.APPLICATION_JSON_VALUE, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}),
                "invalid UTF-8");
        var oversized = post(stkPath, MediaType.APPLICATION_JSON_VALUE, new byte[200_000]);
        assertThat(oversized.getStatusCode().value()).isEqualTo(413);
        assertThat(stored()).isZero();
    }

    @Test
    void aPaybillConfirmationThatCannotBeCreditedIsRefusedNotAcknowledged() {
        var bad = Map.of(
                "fraction of a cent", paybill("TKC0000001", "\"0.004\"", client.accountNumber()),
                "above M-PESA's limit", paybill("TKC0000002", "\"250000.01\"", client.accountNumber()),
                "overflowing the column", paybill("TKC0000003", "\"1e20\"", client.accountNumber()),
                "not a number", paybill("TKC0000004", "\"abc\"", client.accountNumber()),
                "an object", paybill("TKC0000005", "{}", client.accountNumber()),
                "receipt longer than its column", paybill("T".repeat(31), "\"100\"", client.accountNumber()));
        bad.forEach((what, body) -> refusedInDarajaFormat(postJson(paybillPath + "/confirmation", body), what));
        refusedInDarajaFormat(post(paybillPath + "/confirmation", MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "TransID=X&TransAmount=1".getBytes(StandardCharsets.UTF_8)), "form-encoded body");
        assertThat(stored()).isZero();

        var accepted = postJson(paybillPath + "/confirmation", paybill("TKC0000009", "\"100.00\"", client.accountNumber()));
        assertThat(accepted.getStatusCode().value()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void paybillValidationTurnsAwayAmountsThatCannotBeCredited() {
        for (String amount : new String[] {"\"0.004\"", "\"250000.01\"", "\"1e20\""}) {
            var reply = postJson(paybillPath + "/validation", paybill("TKV0000001", amount, client.accountNumber()));
            assertThat(reply.getStatusCode().value()).as(amount).isEqualTo(200);
            assertThat(reply.getBody()).as(amount).contains("C2B00013");
        }
    }

    @Test
    void aSignedBankNotificationThatCannotBeStoredIsRefusedInTheBanksFormat() {
        String notification = darajaSample("bank_familybank_collections_payment_notification.json")
                .replace("\"2245156\"", "\"" + client.accountNumber() + "\"");
        for (String amount : new String[] {"1e20", "0.001", "\"abc\"", "{}"}) {
            var reply = signedToBank(notification.replace("5000.0", amount));
            assertThat(reply.getStatusCode().value()).as(amount).isEqualTo(400);
            assertThat(reply.getBody()).as(amount).contains("\"status_code\":\"REJECTED\"");
        }
        var nul = signedToBank(notification.replace("John Doe", "John\\u0000Doe"));
        assertThat(nul.getStatusCode().value()).isEqualTo(400);
        var form = post(bankPath, MediaType.APPLICATION_FORM_URLENCODED_VALUE, "a=b".getBytes(StandardCharsets.UTF_8));
        assertThat(form.getStatusCode().value()).isEqualTo(415);
        assertThat(form.getBody()).contains("\"status_code\":\"REJECTED\"");
        assertThat(stored()).isZero();
    }

    @Test
    void refusalsAreRecordedWithTheAddressTheServerSawNotOneTheCallerClaims() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", "203.0.113.77");
        http.postForEntity(stkPath, new HttpEntity<>("{\"Body\": 1}", headers), String.class);

        var sources = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select source_address from security_events where isp_company_id = ?", String.class, acme.id())));
        assertThat(sources).isNotEmpty().doesNotContain("203.0.113.77");
    }
}
