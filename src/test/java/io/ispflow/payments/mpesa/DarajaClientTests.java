package io.ispflow.payments.mpesa;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** The Daraja client against an in-process HTTP peer answering with Daraja's documented payloads. */
class DarajaClientTests {

    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    static final MpesaCredentials SANDBOX = new MpesaCredentials("174379", "CdmNbdt0iBN1oqDfKasm4dabdpKmtaNn",
            "DLKG7PBun720GZim", PASSKEY, "sandbox");
    /** 09:24:08 in Nairobi on 28 June 2021, the moment of Daraja's sample request. */
    static final Clock SAMPLE_MOMENT = Clock.fixed(Instant.parse("2021-06-28T06:24:08Z"), ZoneOffset.UTC);

    WireMockServer daraja;
    DefaultCamelContext camel;
    DarajaClient client;

    @BeforeEach
    void darajaPeer() throws Exception {
        daraja = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        daraja.start();
        var properties = new DarajaProperties(URI.create("http://127.0.0.1:" + daraja.port()),
                URI.create("http://127.0.0.1:1"), URI.create("https://isp.example.co.ke"), Duration.ofSeconds(5));
        camel = new DefaultCamelContext();
        camel.addRoutes(new DarajaRoutes(properties));
        camel.start();
        client = new DarajaClient(camel.createProducerTemplate(), properties, SAMPLE_MOMENT);
    }

    @AfterEach
    void stop() {
        camel.stop();
        daraja.stop();
    }

    static String payload(String file) throws IOException {
        try (var in = DarajaClientTests.class.getResourceAsStream("/daraja/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void tokenAnswers(String file) throws IOException {
        daraja.stubFor(get(urlPathEqualTo("/oauth/v1/generate"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(payload(file))));
    }

    void stkPushAnswers(int status, String file) throws IOException {
        daraja.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(payload(file))));
    }

    StkPush push() {
        return new StkPush("254722111111", new BigDecimal("1"), "100042", "Internet bill", "tok3n");
    }

    @Test
    void anStkPushCarriesTheDocumentedFieldsAndTheNairobiTimestamp() throws IOException {
        tokenAnswers("daraja_oauth_response.json");
        stkPushAnswers(200, "stk_push_sync_response.json");

        var accepted = client.stkPush(SANDBOX, push());

        assertThat(accepted.checkoutRequestId()).isEqualTo("ws_CO_1007202409152617172396192");
        assertThat(accepted.merchantRequestId()).isEqualTo("2654-4b64-97ff-b827b542881d3130");
        daraja.verify(getRequestedFor(urlEqualTo("/oauth/v1/generate?grant_type=client_credentials"))
                .withHeader("Authorization", equalTo("Basic Q2RtTmJkdDBpQk4xb3FEZkthc200ZGFiZHBLbXRhTm46RExLRzdQQnVuNzIwR1ppbQ==")));
        daraja.verify(postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest"))
                .withHeader("Authorization", equalTo("Bearer c9SQxWWhmdVRlyh0zh8gZDTkubVF"))
                .withRequestBody(equalToJson("""
                        {"BusinessShortCode": "174379",
                         "Password": "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjEwNjI4MDkyNDA4",
                         "Timestamp": "20210628092408", "TransactionType": "CustomerPayBillOnline", "Amount": "1",
                         "PartyA": "254722111111", "PartyB": "174379", "PhoneNumber": "254722111111",
                         "CallBackURL": "https://isp.example.co.ke/api/payments/mpesa/callback/tok3n",
                         "AccountReference": "100042", "TransactionDesc": "Internet bill"}""")));
    }

    @Test
    void theTokenIsReusedUntilItExpires() throws IOException {
        tokenAnswers("daraja_oauth_response_legacy_string_expiry.json");
        stkPushAnswers(200, "stk_push_sync_response.json");

        client.stkPush(SANDBOX, push());
        client.stkPush(SANDBOX, push());

        daraja.verify(1, getRequestedFor(urlPathEqualTo("/oauth/v1/generate")));
        daraja.verify(2, postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest")));
    }

    @Test
    void aTokenDarajaCallsInvalidIsReplacedOnceAndTheCallRepeated() throws IOException {
        tokenAnswers("daraja_oauth_response.json");
        daraja.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).inScenario("expired token")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fresh token")
                .willReturn(aResponse().withStatus(401).withBody(payload("daraja_error_invalid_access_token.json"))));
        daraja.stubFor(post(urlEqualTo("/mpesa/stkpush/v1/processrequest")).inScenario("expired token")
                .whenScenarioStateIs("fresh token")
                .willReturn(aResponse().withStatus(200).withBody(payload("stk_push_sync_response.json"))));

        var accepted = client.stkPush(SANDBOX, push());

        assertThat(accepted.checkoutRequestId()).isEqualTo("ws_CO_1007202409152617172396192");
        daraja.verify(2, getRequestedFor(urlPathEqualTo("/oauth/v1/generate")));
    }

    @Test
    void aRefusalCarriesDarajasErrorCode() throws IOException {
        tokenAnswers("daraja_oauth_response.json");
        stkPushAnswers(400, "daraja_error_response.json");

        assertThatThrownBy(() -> client.stkPush(SANDBOX, push()))
                .isInstanceOf(DarajaRejected.class)
                .hasMessageContaining("Invalid BusinessShortCode")
                .satisfies(e -> assertThat(((DarajaRejected) e).errorCode()).isEqualTo("400.002.02"));
    }

    @Test
    void theAccountReferenceAndDescriptionAreCutToDarajasLimits() throws IOException {
        tokenAnswers("daraja_oauth_response.json");
        stkPushAnswers(200, "stk_push_sync_response.json");

        client.stkPush(SANDBOX, new StkPush("254722111111", new BigDecimal("2999.00"), "ACCOUNT-1234567",
                "Monthly internet subscription", "tok3n"));

        daraja.verify(postRequestedFor(urlEqualTo("/mpesa/stkpush/v1/processrequest"))
                .withRequestBody(equalToJson("{\"AccountReference\": \"ACCOUNT-1234\", \"TransactionDesc\": \"Monthly inter\","
                        + " \"Amount\": \"2999\"}", true, true)));
    }
}
