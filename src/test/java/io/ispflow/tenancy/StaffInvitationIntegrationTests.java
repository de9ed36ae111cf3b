package io.ispflow.tenancy;

import static io.ispflow.tenancy.StaffRequests.fresh;
import static io.ispflow.tenancy.StaffRequests.invitation;
import static io.ispflow.tenancy.StaffRequests.password;
import static io.ispflow.tenancy.StaffRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * A company's administrator invites staff; the invitee sets his own password once, through a link
 * that expires. Invitees log in with {@link TestCompanies#PASSWORD}, which the Api helper sends.
 */
@IntegrationTest
class StaffInvitationIntegrationTests {

    static final String PROBLEMS = "https://ispflow.io/problems/";
    static final String INVITATIONS = "/api/staff/invitations";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    StaffDirectory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    PlatformTransactionManager transactionManager;

    Api api;
    TestCompany acme;
    String admin;

    @BeforeEach
    void aCompanyWithItsAdministrator() {
        api = new Api(http);
        acme = testCompanies.create();
        admin = acme.user(StaffRole.ISP_ADMIN);
    }

    @Test
    void theInviteeSetsHisPasswordOnceAndTheSecondUseIsGone() {
        String clerk = fresh("clerk");
        String token = invite(clerk, StaffRole.BILLING_FINANCE);
        assertThat(storedHashes(clerk)).hasSize(1).doesNotContain(token);

        var redeemed = api.post(INVITATIONS + "/" + token, null, password(TestCompanies.PASSWORD));
        var again = api.post(INVITATIONS + "/" + token, null, password("an0ther-Passw0rd!"));

        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(200);
        assertThat(redeemed.text("userId")).isEqualTo(clerk);
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.text("type")).isEqualTo(PROBLEMS + "invitation-used");
        assertThat(api.get("/api/auth/profile", clerk).status()).as("the first password stands").isEqualTo(200);
    }

    @Test
    void anExpiredInvitationIsGoneAndTheAdministratorSeesItPending() {
        String clerk = fresh("late");
        String token = invite(clerk, StaffRole.CUSTOMER_SUPPORT);
        inAcme("update staff_invitations set expires_at = now() - interval '1 minute' where user_id = ?", clerk);

        var late = api.post(INVITATIONS + "/" + token, null, password(TestCompanies.PASSWORD));

        assertThat(late.status()).isEqualTo(410);
        assertThat(late.text("type")).isEqualTo(PROBLEMS + "invitation-expired");
        assertThat(api.get("/api/auth/profile", clerk).status()).isEqualTo(401);
        var listed = staffEntry(clerk);
        assertThat(listed.path("invitationPending").asBoolean()).isTrue();
        assertThat(listed.path("invitationExpiresAt").isMissingNode()).isFalse();
    }

    @Test
    void anUnknownTokenIsNotFoundAndRecordedAsASecurityEvent() {
        var guesser = new LoopbackClient(port);
        String guess = "A".repeat(43);

        var refused = guesser.send("POST", INVITATIONS + "/" + guess, Map.of("Content-Type", "application/json"),
                "{\"password\": \"" + TestCompanies.PASSWORD + "\"}");
        var mangled = guesser.send("POST", INVITATIONS + "/short", Map.of("Content-Type", "application/json"),
                "{\"password\": \"" + TestCompanies.PASSWORD + "\"}");

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body().path("type").asText()).isEqualTo(PROBLEMS + "invitation-not-found");
        assertThat(mangled.status()).isEqualTo(404);
        Long events = tenantScope.callPlatformWide(() -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.queryForObject("select count(*) from security_events where kind = 'invitation_token_unknown'"
                        + " and source_address = ?", Long.class, guesser.address())));
        assertThat(events).isEqualTo(2);
    }

    @Test
    void aRefusedPasswordLeavesTheInvitationUsable() {
        String clerk = fresh("pwcheck_");
        String token = invite(clerk, StaffRole.SALES_ACCOUNT_MANAGER);
        String path = INVITATIONS + "/" + token;

        for (String bad : List.of("short-pw", clerk.toUpperCase(), "twelve chars\u0000", "é".repeat(37))) {
            var refused = api.post(path, null, password(bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo(PROBLEMS + "validation");
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("password");
        }
        assertThat(api.post(path, null, Map.of("password", Map.of())).status()).isEqualTo(400);
        assertThat(api.post(path, null, Map.of()).status()).isEqualTo(400);
        assertThat(api.post(path, null, password(TestCompanies.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void anInvitationOfADeactivatedLoginIsWithdrawn() {
        String clerk = fresh("gone");
        String token = invite(clerk, StaffRole.NETWORK_OPERATIONS);
        assertThat(api.post("/api/staff/" + clerk + "/deactivate", admin, null).status()).isEqualTo(204);

        var refused = api.post(INVITATIONS + "/" + token, null, password(TestCompanies.PASSWORD));

        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "invitation-withdrawn");
    }

    @Test
    void onlyAdministratorsInviteAndNobodyIntoSuperAdministration() {
        for (StaffRole role : acme.users().keySet()) {
            if (role == StaffRole.ISP_ADMIN) {
                continue;
            }
            var refused = api.post(INVITATIONS, acme.user(role), invitation(fresh("x"), StaffRole.HOTSPOT_ADMIN));
            assertThat(refused.status()).as(role.id()).isEqualTo(403);
        }
        String boss = fresh("boss");
        var superInvite = api.post(INVITATIONS, admin, invitation(boss, StaffRole.SUPER_ADMIN));

        assertThat(superInvite.status()).isEqualTo(403);
        assertThat(superInvite.text("type")).isEqualTo(PROBLEMS + "forbidden");
        assertThat(directory.exists(boss)).isFalse();
        assertThat(api.post(INVITATIONS, null, invitation(fresh("x"), StaffRole.HOTSPOT_ADMIN)).status()).isEqualTo(401);
    }

    @Test
    void aTakenUserIdIsAConflict() {
        var taken = api.post(INVITATIONS, admin, invitation(acme.user(StaffRole.BILLING_FINANCE), StaffRole.HOTSPOT_ADMIN));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).isEqualTo(PROBLEMS + "user-id-taken");
    }

    @Test
    void aSuperAdministratorInvitesIntoTheCompanyHeNames() {
        String superAdmin = testCompanies.superAdmin();
        String clerk = fresh("sa");

        var noCompany = api.post(INVITATIONS, superAdmin, invitation(clerk, StaffRole.HOTSPOT_ADMIN));
        var unknown = api.call(HttpMethod.POST, INVITATIONS, superAdmin,
                invitation(clerk, StaffRole.HOTSPOT_ADMIN), Map.of(CompanyHeader.NAME, UUID.randomUUID().toString()));
        assertThat(noCompany.text("type")).isEqualTo(PROBLEMS + "company-required");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).isEqualTo(PROBLEMS + "company-not-found");
        assertThat(directory.exists(clerk)).isFalse();

        var invited = api.call(HttpMethod.POST, INVITATIONS, superAdmin,
                invitation(clerk, StaffRole.HOTSPOT_ADMIN), Map.of(CompanyHeader.NAME, acme.id().toString()));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(directory.profileOfAnyCompany(clerk))
                .hasValueSatisfying(profile -> assertThat(profile.companyId()).isEqualTo(acme.id()));
    }

    @Test
    void badInvitationsAreRefusedFieldByFieldAndLeaveNoLoginBehind() {
        String clerk = fresh("bad");
        var good = invitation(clerk, StaffRole.BILLING_FINANCE);
        var spoilt = List.of(
                Map.entry("userId", with(good, "userId", "has space")),
                Map.entry("userId", with(good, "userId", clerk + "\u0000")),
                Map.entry("userId", with(good, "userId", "u".repeat(65))),
                Map.entry("userId", with(good, "userId", null)),
                Map.entry("firstName", with(good, "firstName", "Achi\u0000eng")),
                Map.entry("lastName", with(good, "lastName", "O".repeat(101))),
                Map.entry("email", with(good, "email", "achieng")),
                Map.entry("email", with(good, "email", "a@b.example\u0007")),
                Map.entry("phone", with(good, "phone", "1".repeat(200))),
                Map.entry("role", with(good, "role", "root")),
                Map.entry("role", with(good, "role", 1)),
                Map.entry("role", with(good, "role", "0")),
                Map.entry("role", with(good, "role", null)),
                Map.entry("role", with(good, "role", List.of("isp_admin"))));

        spoilt.forEach(bad -> {
            var refused = api.post(INVITATIONS, admin, bad.getValue());
            assertThat(refused.status()).as(bad.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo(PROBLEMS + "validation");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(bad.getKey()).contains(bad.getKey());
        });
        assertThat(api.call(HttpMethod.POST, INVITATIONS, admin, "[1, 2").status())
                .isEqualTo(400);
        assertThat(directory.exists(clerk)).isFalse();
    }

    @Test
    void aFailureAtTheLastStepTakesTheLoginAndProfileBackWithIt() {
        String doomed = fresh("doomed");
        jdbc.execute("""
                create or replace function test_refuse_doomed_invitation() returns trigger language plpgsql as $$
                begin
                    if new.user_id like 'doomed%' then raise exception 'refused by the test'; end if;
                    return new;
                end $$""");
        jdbc.execute("create or replace trigger test_refuse_doomed before insert on staff_invitations"
                + " for each row execute function test_refuse_doomed_invitation()");
        try {
            var failed = api.post(INVITATIONS, admin, invitation(doomed, StaffRole.HOTSPOT_ADMIN));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(identityService.createUserQuery().userId(doomed).count()).isZero();
            assertThat(directory.profileOfAnyCompany(doomed)).isEmpty();
        } finally {
            jdbc.execute("drop trigger test_refuse_doomed on staff_invitations");
            jdbc.execute("drop function test_refuse_doomed_invitation()");
        }
    }

    private String invite(String userId, StaffRole role) {
        var invited = api.post(INVITATIONS, admin, invitation(userId, role));
        assertThat(invited.status()).as(invited.body().toString()).isEqualTo(201);
        assertThat(invited.headers().getCacheControl()).contains("no-store");
        return invited.text("token");
    }

    private JsonNode staffEntry(String userId) {
        var staff = api.get("/api/staff", admin);
        assertThat(staff.status()).isEqualTo(200);
        for (var entry : staff.body()) {
            if (entry.path("userId").asText().equals(userId)) {
                return entry;
            }
        }
        throw new AssertionError(userId + " is not listed: " + staff.body());
    }

    private List<String> storedHashes(String userId) {
        return tenantScope.callAs(acme.id(), () -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.queryForList("select token_hash from staff_invitations where user_id = ?", String.class, userId)));
    }

    private void inAcme(String sql, Object... arguments) {
        tenantScope.callAs(acme.id(), () -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.update(sql, arguments)));
    }
}
