package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import io.ispflow.payments.mpesa.MpesaSettings;
import io.ispflow.payments.mpesa.UpdateMpesaSettings;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestCompanies;

/** Daraja's STK callbacks: stored once and acknowledged; anything forged or odd is refused and logged. */
@IntegrationTest
class StkCallbackIntakeIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    MpesaSettings settings;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    TestCompany acme;
    ClientDetails client;
    String path;
    String checkoutId;

    @BeforeEach
    void acmeSentAnStkPush() {
        acme = testCompanies.create();
        client = onboarding.register(acme, "Phone Payer");
        path = tenantScope.callAs(acme.id(), () -> settings.save(new UpdateMpesaSettings("174379", null, "key",
                "secret", "passkey", "sandbox", true))).callbackPath();
        checkoutId = "ws_CO_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        pushSent(acme, client, checkoutId, "1500.00");
    }

    void pushSent(TestCompany company, ClientDetails to, String checkout, String amount) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update("""
                insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                requested_by, isp_company_id)
                values (?, ?, '+254708374149', ?, ?, 'test', ?)""",
                checkout, to.id(), new BigDecimal(amount), to.accountNumber(), company.id())));
    }

    static String sample(String file, String checkout, String amount) throws IOException {
        try (var in = StkCallbackIntakeIntegrationTests.class.getResourceAsStream("/daraja/" + file)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            json = json.replaceAll("ws_CO_[0-9]+", checkout);
            return amount == null ? json : json.replace("\"Value\": 1.00", "\"Value\": " + amount);
        }
    }

    ResponseEntity<String> deliver(String callbackPath, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(callbackPath, new HttpEntity<>(body, headers), String.class);
    }

    Map<String, Object> stored(String checkout) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForList(
                "select * from mpesa_callbacks where checkout_request_id = ?", checkout)
                .stream().findFirst().orElse(null)));
    }

    long securityEvents(String kind) {
        return tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from security_events where kind = ? and detail like ?", Long.class, kind,
                "%" + checkoutId + "%")));
    }

    @Test
    void aSuccessfulPaymentIsStoredThenAcknowledgedInDarajasShape() throws IOException {
        var reply = deliver(path, sample("stk_callback_success.json", checkoutId, "1500.00"));

        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        assertThat(reply.getBody()).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Accepted\"}");
        var row = stored(checkoutId);
        assertThat(row.get("mpesa_receipt_number")).isEqualTo("NLJ7RT61SV");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("1500.00");
        assertThat(row.get("phone")).isEqualTo("+254708374149");
        assertThat(row.get("result_code")).isEqualTo("0");
    }

    @Test
    void repeatedDeliveriesAreAcknowledgedAndStoredOnce() throws IOException {
        String body = sample("stk_callback_success.json", checkoutId, "1500.00");
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(path, body).getStatusCode().value()).isEqualTo(200);
        }
        assertThat(stored(checkoutId).get("deliveries")).isEqualTo(3);
    }

    @Test
    void failuresWithoutMetadataAndTextualResultCodesAreStoredToo() throws IOException {
        assertThat(deliver(path, sample("stk_callback_cancelled_1032.json", checkoutId, null)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(stored(checkoutId).get("result_code")).isEqualTo("1032");

        String other = checkoutId + "X";
        pushSent(acme, client, other, "10.00");
        assertThat(deliver(path, sample("stk_callback_operator_not_exist_SFC_IC0003.json", other, null))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(stored(other).get("result_code")).isEqualTo("SFC_IC0003");
    }

    @Test
    void anUnknownCallbackPathIsRefused() throws IOException {
        var reply = deliver("/api/payments/mpesa/callback/not-a-token", sample("stk_callback_success.json", checkoutId, "1500.00"));
        assertThat(reply.getStatusCode().value()).isEqualTo(404);
        assertThat(stored(checkoutId)).isNull();
    }

    @Test
    void aCallbackForARequestWeNeverSentIsRefusedAndLogged() throws IOException {
        String forged = "ws_CO_FORGED" + UUID.randomUUID().toString().substring(0, 8);
        checkoutId = forged;
        var reply = deliver(path, sample("stk_callback_success.json", forged, "1500.00"));

        assertThat(reply.getStatusCode().value()).isEqualTo(400);
        assertThat(stored(forged)).isNull();
        assertThat(securityEvents("stk_callback_unknown_request")).isEqualTo(1);
    }

    @Test
    void aCallbackWithAnotherAmountIsRefusedAndLogged() throws IOException {
        var reply = deliver(path, sample("stk_callback_success.json", checkoutId, "15000.00"));

        assertThat(reply.getStatusCode().value()).isEqualTo(400);
        assertThat(stored(checkoutId)).isNull();
        assertThat(securityEvents("stk_callback_amount_mismatch")).isEqualTo(1);
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedAndLogged() {
        assertThat(deliver(path, "{\"Body\": ").getStatusCode().value()).isEqualTo(400);
        assertThat(deliver(path, "{\"hello\": \"world\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(deliver(path, "{\"padding\": \"" + "x".repeat(20_000) + "\"}").getStatusCode().value())
                .isEqualTo(413);
        List<String> refusals = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where isp_company_id = ? order by created_at", String.class,
                acme.id())));
        assertThat(refusals).containsExactly("stk_callback_malformed", "stk_callback_malformed");
        // refused while being read, before its path is looked at
        List<String> whileRead = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where detail like ?", String.class, "%" + path)));
        assertThat(whileRead).containsExactly("intake_oversized");
    }

    @Test
    void aPathIsRefusedAsSoonAsItsCompanyTurnsMpesaOff() throws IOException {
        assertThat(deliver(path, sample("stk_callback_cancelled_1032.json", checkoutId, null)).getStatusCode().value())
                .isEqualTo(200);
        tenantScope.runAs(acme.id(), () -> settings.save(new UpdateMpesaSettings("174379", null, "key", null, null,
                "sandbox", false)));
        String later = checkoutId + "L";
        pushSent(acme, client, later, "10.00");

        assertThat(deliver(path, sample("stk_callback_cancelled_1032.json", later, null)).getStatusCode().value())
                .isEqualTo(404);
        assertThat(stored(later)).isNull();
    }

    @Test
    void anotherCompanysPathCannotDeliverThisCompanysPayment() throws IOException {
        TestCompany rival = testCompanies.create();
        String rivalPath = tenantScope.callAs(rival.id(), () -> settings.save(new UpdateMpesaSettings("600100", null,
                "k", "s", "p", "sandbox", true))).callbackPath();

        var reply = deliver(rivalPath, sample("stk_callback_success.json", checkoutId, "1500.00"));

        assertThat(reply.getStatusCode().value()).isEqualTo(400);
        assertThat(stored(checkoutId)).isNull();
    }
}
