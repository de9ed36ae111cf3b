package io.ispflow.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** {@code POST /api/payments/mpesa-stk} through the Camel route to a Daraja peer on loopback. */
@IntegrationTest
class StkPushApiIntegrationTests extends ProviderPeers {

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

    Api api;
    TestCompany acme;
    ClientDetails client;
    String callbackPath;

    @BeforeEach
    void acmeWithMpesa() {
        DARAJA.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).willReturn(aResponse().withStatus(200)
                .withBody("""
                        {"MerchantRequestID": "2654-4b64-97ff-b827b542881d3130",
                         "CheckoutRequestID": "ws_CO_%s", "ResponseCode": "0",
                         "ResponseDescription": "Success. Request accepted for processing",
                         "CustomerMessage": "Success. Request accepted for processing"}""".formatted(System.nanoTime()))));
        api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Mobile Payer");
        callbackPath = configureMpesa(api, acme, "174379");
    }

    @Test
    void supportPromptsTheClientsPhoneAndThePushIsRemembered() {
        var reply = api.post("/api/payments/mpesa-stk", acme.user(StaffRole.CUSTOMER_SUPPORT),
                Map.of("clientId", client.id(), "amount", 2999));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
        assertThat(reply.text("checkoutRequestId")).startsWith("ws_CO_");
        assertThat(reply.text("phone")).isEqualTo("+254712345678");
        DARAJA.verify(postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest"))
                .withRequestBody(matchingJsonPath("$.AccountReference", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo(client.accountNumber())))
                .withRequestBody(matchingJsonPath("$.CallBackURL", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("https://isp.example.co.ke" + callbackPath))));
        var stored = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForMap(
                "select status, amount, client_id from mpesa_stk_requests where checkout_request_id = ?",
                reply.text("checkoutRequestId"))));
        assertThat(stored.get("status")).isEqualTo("pending");
        assertThat(stored.get("client_id")).isEqualTo(client.id());
    }

    @Test
    void darajasRefusalIsPassedOnWithItsCode() {
        DARAJA.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).willReturn(aResponse().withStatus(400)
                .withBody("{\"requestId\": \"1c5b\", \"errorCode\": \"400.002.02\","
                        + " \"errorMessage\": \"Bad Request - Invalid BusinessShortCode\"}")));

        var reply = api.post("/api/payments/mpesa-stk", acme.user(StaffRole.BILLING_FINANCE),
                Map.of("clientId", client.id(), "amount", 100));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.text("darajaErrorCode")).isEqualTo("400.002.02");
    }

    @Test
    void aCompanyWithoutMpesaIsToldSo() {
        TestCompany unconfigured = testCompanies.create();
        ClientDetails theirs = onboarding.register(unconfigured, "Cash Only");

        var reply = api.post("/api/payments/mpesa-stk", unconfigured.user(StaffRole.BILLING_FINANCE),
                Map.of("clientId", theirs.id(), "amount", 100));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("type")).endsWith("/mpesa-not-configured");
    }

    @Test
    void badAmountsAndPhonesAreRefused() {
        var reply = api.post("/api/payments/mpesa-stk", acme.user(StaffRole.BILLING_FINANCE),
                Map.of("clientId", client.id(), "amount", "10.50", "phone", "12"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().findValuesAsText("field")).contains("amount", "phone");
    }

    @Test
    void anotherCompanysClientCannotBePromptedAndSalesMayNotPrompt() {
        TestCompany rival = testCompanies.create();
        assertThat(api.post("/api/payments/mpesa-stk", rival.user(StaffRole.BILLING_FINANCE),
                Map.of("clientId", client.id(), "amount", 100)).status()).isEqualTo(404);
        assertThat(api.post("/api/payments/mpesa-stk", acme.user(StaffRole.SALES_ACCOUNT_MANAGER),
                Map.of("clientId", client.id(), "amount", 100)).status()).isEqualTo(403);
        DARAJA.verify(0, postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest")));
    }
}
