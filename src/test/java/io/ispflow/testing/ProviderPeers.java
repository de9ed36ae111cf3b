package io.ispflow.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers' peers on loopback (WireMock) that test classes share, with the application pointed at
 * them: Daraja and Africa's Talking. Classes extending this share one Spring context. Each test starts
 * with fresh peers and Daraja's OAuth stub.
 */
public abstract class ProviderPeers {

    protected static final WireMockServer DARAJA = new WireMockServer(
            wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    protected static final WireMockServer AFRICAS_TALKING = new WireMockServer(
            wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @DynamicPropertySource
    static void darajaOnLoopback(DynamicPropertyRegistry registry) {
        if (!DARAJA.isRunning()) {
            DARAJA.start();
            Runtime.getRuntime().addShutdownHook(new Thread(DARAJA::stop));
        }
        registry.add("isp.payments.daraja.sandbox-url", () -> "http://127.0.0.1:" + DARAJA.port());
        registry.add("isp.payments.daraja.callback-base-url", () -> "https://isp.example.co.ke");
        if (!AFRICAS_TALKING.isRunning()) {
            AFRICAS_TALKING.start();
            Runtime.getRuntime().addShutdownHook(new Thread(AFRICAS_TALKING::stop));
        }
        registry.add("isp.messaging.africastalking.sandbox-url", () -> "http://127.0.0.1:" + AFRICAS_TALKING.port());
    }

    @BeforeEach
    void freshPeers() {
        AFRICAS_TALKING.resetAll();
        DARAJA.resetAll();
        DARAJA.stubFor(get(urlPathEqualTo("/oauth/v1/generate")).willReturn(aResponse().withStatus(200)
                .withBody("{\"access_token\": \"c9SQxWWhmdVRlyh0zh8gZDTkubVF\", \"expires_in\": 3599}")));
    }

    /**
     * Sets the company's M-PESA up as its ISP admin would (sandbox passkey, a consumer key of its own so
     * that tokens are cached per company); returns the company's callback path.
     */
    public static String configureMpesa(Api api, TestCompanies.TestCompany company, String paybill) {
        var settings = new java.util.HashMap<String, Object>(java.util.Map.of("paybillNumber", paybill,
                "consumerKey", "key-" + company.id(), "consumerSecret", "secret",
                "passkey", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
                "environment", "sandbox", "active", true));
        var reply = api.put("/api/mpesa/settings", company.user(io.ispflow.shared.StaffRole.ISP_ADMIN), settings);
        if (reply.status() != 200) {
            throw new IllegalStateException("M-PESA settings refused: " + reply.body());
        }
        return reply.text("callbackPath");
    }

    /**
     * Sets the company's SMS gateway up as its ISP admin would (sandbox, a user name and key of its own);
     * returns the path Africa's Talking posts delivery reports to.
     */
    public static String configureSms(Api api, TestCompanies.TestCompany company) {
        var settings = java.util.Map.<String, Object>of("username", "sandbox", "apiKey", "atsk-" + company.id(),
                "senderId", "ACME", "environment", "sandbox", "active", true);
        var reply = api.put("/api/messaging/sms-gateway", company.user(io.ispflow.shared.StaffRole.ISP_ADMIN), settings);
        if (reply.status() != 200) {
            throw new IllegalStateException("SMS gateway settings refused: " + reply.body());
        }
        return reply.text("deliveryReportPath");
    }

    /** A payload from {@code src/test/resources/daraja/}, as Daraja documents it. */
    public static String darajaSample(String file) {
        try (var in = ProviderPeers.class.getResourceAsStream("/daraja/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NullPointerException missing) {
            throw new IllegalArgumentException("no sample " + file, missing);
        }
    }
}
