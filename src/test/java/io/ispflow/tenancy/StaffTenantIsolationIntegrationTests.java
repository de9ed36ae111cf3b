package io.ispflow.tenancy;

import static io.ispflow.tenancy.StaffRequests.fresh;
import static io.ispflow.tenancy.StaffRequests.invitation;
import static io.ispflow.tenancy.StaffRequests.password;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Acme's administrator manages Acme's staff and nobody else's: naming Savanna in the company header
 * changes nothing, Savanna's logins answer as unknown ones, and Savanna's invitations stay Savanna's.
 */
@IntegrationTest
class StaffTenantIsolationIntegrationTests {

    static final String PROBLEMS = "https://ispflow.io/problems/";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    StaffDirectory directory;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    PlatformTransactionManager transactionManager;

    Api api;
    TestCompany acme;
    TestCompany savanna;
    String acmeAdmin;
    Map<String, String> namingSavanna;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        savanna = testCompanies.create();
        acmeAdmin = acme.user(StaffRole.ISP_ADMIN);
        namingSavanna = Map.of(CompanyHeader.NAME, savanna.id().toString());
    }

    @Test
    void acmesAdministratorListsOnlyAcmesStaffWhateverCompanyHeNames() {
        String savannaInvitee = invitedBySavanna();

        var listed = api.call(HttpMethod.GET, "/api/staff", acmeAdmin, null, namingSavanna);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsText("userId"))
                .containsExactlyInAnyOrderElementsOf(acme.users().values())
                .doesNotContain(savannaInvitee);
    }

    @Test
    void acmesAdministratorInvitesIntoAcmeEvenWhenHeNamesSavanna() {
        String invitee = fresh("into");

        var invited = api.call(HttpMethod.POST, "/api/staff/invitations", acmeAdmin,
                invitation(invitee, StaffRole.CUSTOMER_SUPPORT), namingSavanna);

        assertThat(invited.status()).isEqualTo(201);
        assertThat(directory.profileOfAnyCompany(invitee).orElseThrow().companyId()).isEqualTo(acme.id());
        assertThat(invitationsOf(savanna.id(), invitee)).isZero();
    }

    @Test
    void acmesAdministratorCannotChangeTheRoleOfSavannasStaff() {
        String savannaClerk = savanna.user(StaffRole.BILLING_FINANCE);

        var refused = api.call(HttpMethod.PUT, "/api/staff/" + savannaClerk + "/role", acmeAdmin,
                Map.of("role", "isp_admin"), namingSavanna);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "staff-not-found");
        assertThat(refused.body().toString()).doesNotContain(savanna.id().toString());
        assertThat(directory.profileOfAnyCompany(savannaClerk).orElseThrow().role()).isEqualTo(StaffRole.BILLING_FINANCE);
    }

    @Test
    void acmesAdministratorCannotRedeemOrWithdrawSavannasInvitations() {
        String savannaInvitee = invitedBySavanna();

        var guessed = api.post("/api/staff/invitations/" + "B".repeat(43), acmeAdmin, password("acme-Takes-0ver"));
        var withdrawn = api.post("/api/staff/" + savannaInvitee + "/deactivate", acmeAdmin, null);

        assertThat(guessed.status()).isEqualTo(404);
        assertThat(withdrawn.status()).isEqualTo(404);
        assertThat(invitationsOf(acme.id(), savannaInvitee)).as("Acme's scope shows none of Savanna's").isZero();
        assertThat(invitationsOf(savanna.id(), savannaInvitee)).isEqualTo(1);
        assertThat(directory.profileOfAnyCompany(savannaInvitee).orElseThrow().active()).isTrue();
    }

    @Test
    void acmesAdministratorReadsNoCompanyOfTheRegister() {
        assertThat(api.get("/api/companies/" + savanna.id(), acmeAdmin).status()).isEqualTo(403);
        assertThat(api.get("/api/companies/" + acme.id(), acmeAdmin).status()).isEqualTo(403);
    }

    private String invitedBySavanna() {
        String invitee = fresh("sav");
        var invited = api.post("/api/staff/invitations", savanna.user(StaffRole.ISP_ADMIN),
                invitation(invitee, StaffRole.HOTSPOT_ADMIN));
        assertThat(invited.status()).isEqualTo(201);
        return invitee;
    }

    private long invitationsOf(UUID company, String userId) {
        return tenantScope.callAs(company, () -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.queryForObject("select count(*) from staff_invitations where user_id = ?", Long.class, userId)));
    }
}
