package io.ispflow.tenancy;

import static io.ispflow.tenancy.StaffRequests.fresh;
import static io.ispflow.tenancy.StaffRequests.invitation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.LoopbackClient;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** The administrator sees his company's staff and changes their roles; the change applies at once. */
@IntegrationTest
class StaffRoleIntegrationTests {

    static final String PROBLEMS = "https://ispflow.io/problems/";

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

    Api api;
    TestCompany acme;
    String admin;
    String clerk;

    @BeforeEach
    void aCompanyWithAnAdministratorAndABillingClerk() {
        api = new Api(http);
        acme = testCompanies.create();
        admin = acme.user(StaffRole.ISP_ADMIN);
        clerk = acme.user(StaffRole.BILLING_FINANCE);
    }

    @Test
    void theAdministratorListsHisStaffWithTheirRolesAndPendingInvitations() {
        String invitee = fresh("new");
        assertThat(api.post("/api/staff/invitations", admin, invitation(invitee, StaffRole.HOTSPOT_ADMIN)).status())
                .isEqualTo(201);

        var staff = api.get("/api/staff", admin);

        assertThat(staff.status()).isEqualTo(200);
        assertThat(staff.body().findValuesAsText("userId"))
                .containsExactlyInAnyOrderElementsOf(concat(acme.users().values(), invitee));
        JsonNode billing = entry(staff.body(), clerk);
        assertThat(billing.path("role").asText()).isEqualTo("billing_finance");
        assertThat(billing.path("email").asText()).isEqualTo(clerk + "@test.example");
        assertThat(billing.path("active").asBoolean()).isTrue();
        assertThat(billing.path("invitationPending").asBoolean()).isFalse();
        assertThat(entry(staff.body(), invitee).path("invitationPending").asBoolean()).isTrue();
    }

    @Test
    void aChangedRoleAppliesFromTheClerksVeryNextRequest() {
        assertThat(api.get("/api/clients", clerk).status()).isEqualTo(200);

        var changed = api.put("/api/staff/" + clerk + "/role", admin, Map.of("role", "hotspot_admin"));

        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("role")).isEqualTo("hotspot_admin");
        assertThat(api.get("/api/clients", clerk).status()).isEqualTo(403);
        assertThat(api.get("/api/auth/profile", clerk).body().path("roles").toString()).isEqualTo("[\"hotspot_admin\"]");
        assertThat(identityService.createGroupQuery().groupMember(clerk).list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("hotspot_admin", "company_" + acme.id());
        assertThat(directory.profileOfAnyCompany(clerk)).hasValueSatisfying(
                profile -> assertThat(profile.role()).isEqualTo(StaffRole.HOTSPOT_ADMIN));
    }

    @Test
    void nobodyChangesHisOwnRoleNorMakesASuperAdministrator() {
        var own = api.put("/api/staff/" + admin + "/role", admin, Map.of("role", "billing_finance"));
        var elevated = api.put("/api/staff/" + clerk + "/role", admin, Map.of("role", "super_admin"));
        var bySuperAdmin = api.put("/api/staff/" + clerk + "/role", testCompanies.superAdmin(),
                Map.of("role", "super_admin"));

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("type")).isEqualTo(PROBLEMS + "forbidden");
        assertThat(elevated.status()).isEqualTo(403);
        assertThat(bySuperAdmin.status()).isEqualTo(403);
        assertThat(directory.profileOfAnyCompany(admin).orElseThrow().role()).isEqualTo(StaffRole.ISP_ADMIN);
        assertThat(directory.profileOfAnyCompany(clerk).orElseThrow().role()).isEqualTo(StaffRole.BILLING_FINANCE);
    }

    @Test
    void otherRolesMayNeitherListStaffNorChangeRoles() {
        for (StaffRole role : acme.users().keySet()) {
            if (role == StaffRole.ISP_ADMIN) {
                continue;
            }
            String user = acme.user(role);
            assertThat(api.get("/api/staff", user).status()).as(role.id()).isEqualTo(403);
            var refused = api.put("/api/staff/" + clerk + "/role", user, Map.of("role", "isp_admin"));
            assertThat(refused.status()).as(role.id()).isEqualTo(403);
        }
        assertThat(api.get("/api/staff", null).status()).isEqualTo(401);
        assertThat(directory.profileOfAnyCompany(clerk).orElseThrow().role()).isEqualTo(StaffRole.BILLING_FINANCE);
    }

    @Test
    void aSuperAdministratorListsAndChangesTheStaffOfTheCompanyHeNames() {
        String superAdmin = testCompanies.superAdmin();
        var acmeHeader = Map.of(CompanyHeader.NAME, acme.id().toString());

        var unnamed = api.get("/api/staff", superAdmin);
        var listed = api.call(HttpMethod.GET, "/api/staff", superAdmin, null, acmeHeader);
        var changed = api.put("/api/staff/" + clerk + "/role", superAdmin, Map.of("role", "customer_support"));

        assertThat(unnamed.text("type")).isEqualTo(PROBLEMS + "company-required");
        assertThat(listed.body().findValuesAsText("userId")).containsExactlyInAnyOrderElementsOf(acme.users().values());
        assertThat(changed.status()).isEqualTo(200);
    }

    @Test
    void aDeactivatedLoginHasNoRoleToChange() {
        assertThat(api.post("/api/staff/" + clerk + "/deactivate", admin, null).status()).isEqualTo(204);

        var refused = api.put("/api/staff/" + clerk + "/role", admin, Map.of("role", "customer_support"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "staff-inactive");
        assertThat(identityService.createGroupQuery().groupMember(clerk).count()).isZero();
    }

    @Test
    void badRoleChangesAreRefusedWithoutAnythingChanging() {
        for (Object role : new Object[] {"boss", 1, "0", "", List.of("isp_admin")}) {
            var refused = api.put("/api/staff/" + clerk + "/role", admin, Map.of("role", role));
            assertThat(refused.status()).as(String.valueOf(role)).isEqualTo(400);
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("role");
        }
        assertThat(api.put("/api/staff/" + clerk + "/role", admin, Map.of()).status()).isEqualTo(400);
        assertThat(api.put("/api/staff/nobody_" + clerk + "/role", admin, Map.of("role", "hotspot_admin")).status())
                .isEqualTo(404);
        assertThat(api.put("/api/staff/" + "u".repeat(300) + "/role", admin, Map.of("role", "hotspot_admin"))
                .status()).isEqualTo(404);
        var nul = new LoopbackClient(port).send("PUT", "/api/staff/a%00b/role",
                Map.of("Authorization", LoopbackClient.basic(admin, TestCompanies.PASSWORD),
                        "Content-Type", "application/json"), "{\"role\": \"hotspot_admin\"}");
        assertThat(nul.status()).as(nul.body().toString()).isBetween(400, 404);
        assertThat(directory.profileOfAnyCompany(clerk).orElseThrow().role()).isEqualTo(StaffRole.BILLING_FINANCE);
    }

    private static JsonNode entry(JsonNode staff, String userId) {
        for (JsonNode entry : staff) {
            if (entry.path("userId").asText().equals(userId)) {
                return entry;
            }
        }
        throw new AssertionError(userId + " is not listed: " + staff);
    }

    private static List<String> concat(java.util.Collection<String> users, String more) {
        var all = new java.util.ArrayList<>(users);
        all.add(more);
        return all;
    }
}
