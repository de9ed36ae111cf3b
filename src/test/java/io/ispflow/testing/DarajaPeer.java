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
 * A Daraja peer on loopback (WireMock) that test classes share, with the application pointed at it;
 * classes extending this share one Spring context. Each test starts with a fresh OAuth stub.
 */
public abstract class DarajaPeer {

    protected static final WireMockServer DARAJA = new WireMockServer(
            wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @DynamicPropertySource
    static void darajaOnLoopback(DynamicPropertyRegistry registry) {
        if (!DARAJA.isRunning()) {
            DARAJA.start();
            Runtime.getRuntime().addShutdownHook(new Thread(DARAJA::stop));
        }
        registry.add("isp.payments.daraja.sandbox-url", () -> "http://127.0.0.1:" + DARAJA.port());
        registry.add("isp.payments.daraja.callback-base-url", () -> "https://isp.example.co.ke");
    }

    @BeforeEach
    void freshDaraja() {
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

    /** A payload from {@code src/test/resources/daraja/}, as Daraja documents it. */
    public static String darajaSample(String file) {
        try (var in = DarajaPeer.class.getResourceAsStream("/daraja/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NullPointerException missing) {
            throw new IllegalArgumentException("no sample " + file, missing);
        }
    }
}
