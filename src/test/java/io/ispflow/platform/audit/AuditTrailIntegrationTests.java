package io.ispflow.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Who changed what through the API is on record, credentials left out, for the company's administrator. */
@IntegrationTest
class AuditTrailIntegrationTests {

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
    TestCompany savanna;
    ClientDetails client;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        savanna = testCompanies.create();
        client = onboarding.register(acme, "Audited Client");
    }

    JsonNode auditSeenBy(String user) {
        var reply = api.get("/api/audit", user);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void aWalletCreditIsOnRecordWithWhoDidItAndWhy() {
        String clerk = acme.user(StaffRole.BILLING_FINANCE);
        var credit = api.post("/api/wallet/credit", clerk, Map.of("clientId", client.id(), "amount", "250.00",
                "reason", "Outage compensation, 3 days"));
        assertThat(credit.status()).isLessThan(300);

        JsonNode entry = auditSeenBy(acme.user(StaffRole.ISP_ADMIN)).get(0);
        assertThat(entry.path("actor").asText()).isEqualTo(clerk);
        assertThat(entry.path("action").asText()).isEqualTo("POST /api/wallet/credit");
        assertThat(entry.path("detail").path("reason").asText()).isEqualTo("Outage compensation, 3 days");
        assertThat(entry.path("detail").path("amount").asText()).isEqualTo("250.00");
    }

    @Test
    void credentialsAreNeverWrittenToTheLog() {
        var saved = api.put("/api/mpesa/settings", acme.user(StaffRole.ISP_ADMIN), Map.of("paybillNumber", "174379",
                "consumerKey", "visible-key-xyz", "consumerSecret", "top-secret-abc", "passkey", "pass-key-123",
                "environment", "sandbox", "active", true));
        assertThat(saved.status()).isEqualTo(200);

        JsonNode entry = auditSeenBy(acme.user(StaffRole.ISP_ADMIN)).get(0);
        assertThat(entry.path("action").asText()).isEqualTo("PUT /api/mpesa/settings");
        assertThat(entry.path("detail").path("paybillNumber").asText()).isEqualTo("174379");
        assertThat(entry.toString()).doesNotContain("top-secret-abc", "pass-key-123", "visible-key-xyz");
    }

    @Test
    void theRecordNamedInThePathIsTheSubject() {
        var removed = api.delete("/api/clients/" + client.id(), acme.user(StaffRole.ISP_ADMIN));
        assertThat(removed.status()).isLessThan(300);

        JsonNode entry = auditSeenBy(acme.user(StaffRole.ISP_ADMIN)).get(0);
        assertThat(entry.path("action").asText()).isEqualTo("DELETE /api/clients/{id}");
        assertThat(entry.path("subject").asText()).isEqualTo("id=" + client.id());
    }

    @Test
    void refusedRequestsAndReadsAreNotStaffActions() {
        api.post("/api/wallet/credit", acme.user(StaffRole.BILLING_FINANCE), Map.of("clientId", client.id()));
        api.post("/api/wallet/credit", acme.user(StaffRole.HOTSPOT_ADMIN), Map.of("clientId", client.id(),
                "amount", "1.00", "reason", "not my job"));
        api.get("/api/clients", acme.user(StaffRole.ISP_ADMIN));

        assertThat(auditSeenBy(acme.user(StaffRole.ISP_ADMIN))).isEmpty();
    }

    @Test
    void eachCompanyReadsOnlyItsOwnLogAndOnlyItsAdministratorDoes() {
        api.post("/api/wallet/credit", acme.user(StaffRole.BILLING_FINANCE), Map.of("clientId", client.id(),
                "amount", "10.00", "reason", "Goodwill"));

        assertThat(auditSeenBy(acme.user(StaffRole.ISP_ADMIN))).hasSize(1);
        assertThat(auditSeenBy(savanna.user(StaffRole.ISP_ADMIN))).isEmpty();
        for (StaffRole role : new StaffRole[] {StaffRole.BILLING_FINANCE, StaffRole.CUSTOMER_SUPPORT,
                StaffRole.NETWORK_OPERATIONS}) {
            assertThat(api.get("/api/audit", acme.user(role)).status()).as(role.id()).isEqualTo(403);
        }
        String superAdmin = testCompanies.superAdmin();
        var forAcme = api.call(org.springframework.http.HttpMethod.GET, "/api/audit", superAdmin, null,
                Map.of("X-Company-Id", acme.id().toString()));
        assertThat(forAcme.body()).hasSize(1);
    }

    @Test
    void theLogCannotBeRewritten() {
        api.post("/api/wallet/credit", acme.user(StaffRole.BILLING_FINANCE), Map.of("clientId", client.id(),
                "amount", "10.00", "reason", "Goodwill"));

        assertThatThrownBy(() -> tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx ->
                jdbc.update("update audit_log set actor = 'someone-else'"))))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }
}
