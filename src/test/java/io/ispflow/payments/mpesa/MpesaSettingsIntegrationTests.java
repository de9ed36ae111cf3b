package io.ispflow.payments.mpesa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.secrets.SecretBox;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestCompanies;

/** M-PESA secrets go in encrypted and never come out of the API. */
@IntegrationTest
class MpesaSettingsIntegrationTests {

    static final String SECRET = "DLKG7PBun720GZim";
    static final String PASSKEY = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    MpesaSettings settings;
    @Autowired
    SecretBox secretBox;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;

    @BeforeEach
    void company() {
        api = new Api(http);
        acme = testCompanies.create();
    }

    Map<String, Object> sandboxSettings() {
        var body = new HashMap<String, Object>();
        body.put("paybillNumber", "174379");
        body.put("consumerKey", "CdmNbdt0iBN1oqDfKasm4dabdpKmtaNn");
        body.put("consumerSecret", SECRET);
        body.put("passkey", PASSKEY);
        body.put("environment", "sandbox");
        body.put("active", true);
        return body;
    }

    @Test
    void secretsAreStoredEncryptedAndNeverReturned() {
        var saved = api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), sandboxSettings());

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().toString()).doesNotContain(SECRET).doesNotContain(PASSKEY);
        assertThat(saved.body().path("consumerSecretSet").asBoolean()).isTrue();
        assertThat(saved.text("callbackPath")).startsWith("/api/payments/mpesa/callback/").hasSizeGreaterThan(60);

        var stored = tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> jdbc.queryForMap(
                "select consumer_secret, passkey from mpesa_settings where isp_company_id = ?", acme.id())));
        assertThat(stored.get("consumer_secret").toString()).startsWith("v1:").doesNotContain(SECRET);
        assertThat(stored.get("passkey").toString()).startsWith("v1:").doesNotContain(PASSKEY);
        var credentials = tenantScope.callAs(acme.id(), () -> settings.credentials().orElseThrow());
        assertThat(credentials.consumerSecret()).isEqualTo(SECRET);
        assertThat(credentials.passkey()).isEqualTo(PASSKEY);
        assertThat(credentials.toString()).doesNotContain(SECRET).doesNotContain(PASSKEY);
    }

    @Test
    void anUpdateWithoutSecretsKeepsTheStoredOnesAndTheCallbackPath() {
        String path = api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), sandboxSettings()).text("callbackPath");
        var withoutSecrets = sandboxSettings();
        withoutSecrets.remove("consumerSecret");
        withoutSecrets.remove("passkey");
        withoutSecrets.put("environment", "production");

        var updated = api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), withoutSecrets);

        assertThat(updated.text("environment")).isEqualTo("production");
        assertThat(updated.text("callbackPath")).isEqualTo(path);
        assertThat(tenantScope.callAs(acme.id(), () -> settings.credentials().orElseThrow().passkey())).isEqualTo(PASSKEY);
    }

    @Test
    void encryptionIsAuthenticatedAndRandomised() {
        String once = secretBox.encrypt(SECRET);
        String twice = secretBox.encrypt(SECRET);
        assertThat(once).isNotEqualTo(twice);
        assertThat(secretBox.decrypt(once)).isEqualTo(SECRET);
        char[] tampered = once.toCharArray();
        tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> secretBox.decrypt(new String(tampered))).hasMessageContaining("tampered");
    }

    @Test
    void badSettingsAreRefusedWithTheFields() {
        var bad = sandboxSettings();
        bad.put("paybillNumber", "12ab");
        bad.put("environment", "staging");
        var reply = api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), bad);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().findValuesAsText("field")).contains("paybillNumber", "environment");
    }

    @Test
    void onlyAdministratorsOfTheCompanySeeOrChangeTheSettings() {
        api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), sandboxSettings());
        TestCompany rival = testCompanies.create();

        assertThat(api.get("/api/mpesa/settings", acme.user(StaffRole.BILLING_FINANCE)).status()).isEqualTo(403);
        assertThat(api.put("/api/mpesa/settings", acme.user(StaffRole.BILLING_FINANCE), sandboxSettings()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/mpesa/settings", rival.user(StaffRole.ISP_ADMIN)).status()).isEqualTo(404);
        assertThat(api.get("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN)).status()).isEqualTo(200);
    }
}
