package io.ispflow.tenancy;

import static io.ispflow.tenancy.StaffRequests.company;
import static io.ispflow.tenancy.StaffRequests.fresh;
import static io.ispflow.tenancy.StaffRequests.invitation;
import static io.ispflow.tenancy.StaffRequests.password;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;

/**
 * A company goes from nothing to working staff without a line of SQL: the super administrator opens
 * it, its first administrator sets his password and invites a billing clerk, and the clerk's role
 * changes under him from one request to the next.
 */
@IntegrationTest
class StaffOnboardingStoryIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;

    @Test
    void fromANewCompanyToAClerkWhoseRoleChanges() {
        var api = new Api(http);
        String slug = fresh("kisumu");
        String boss = slug + "_admin";
        String clerk = slug + "_billing";

        // the super administrator opens the company and hands the first administrator his link
        var opened = api.post("/api/companies", testCompanies.superAdmin(), company(slug, boss));
        assertThat(opened.status()).isEqualTo(201);
        String bossLink = opened.body().path("firstAdmin").path("link").asText();

        // the first administrator sets his password (passwords are TestCompanies.PASSWORD, which Api sends)
        assertThat(api.post(bossLink, null, password(TestCompanies.PASSWORD)).status()).isEqualTo(200);
        var bossProfile = api.get("/api/auth/profile", boss);
        assertThat(bossProfile.status()).isEqualTo(200);
        assertThat(bossProfile.body().path("roles").toString()).isEqualTo("[\"isp_admin\"]");
        assertThat(bossProfile.body().path("company").path("slug").asText()).isEqualTo(slug);

        // he invites a billing clerk, who sets his password and logs in
        var invited = api.post("/api/staff/invitations", boss, invitation(clerk, StaffRole.BILLING_FINANCE));
        assertThat(invited.status()).isEqualTo(201);
        assertThat(api.post(invited.text("link"), null, password(TestCompanies.PASSWORD)).status()).isEqualTo(200);
        var clerkProfile = api.get("/api/auth/profile", clerk);
        assertThat(clerkProfile.body().path("roles").toString()).isEqualTo("[\"billing_finance\"]");
        assertThat(clerkProfile.body().path("company").path("slug").asText()).isEqualTo(slug);
        assertThat(api.get("/api/invoices", clerk).status()).isEqualTo(200);

        // the administrator makes him a hotspot administrator: his next request has the new role only
        assertThat(api.put("/api/staff/" + clerk + "/role", boss, Map.of("role", "hotspot_admin")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/auth/profile", clerk).body().path("roles").toString()).isEqualTo("[\"hotspot_admin\"]");
        assertThat(api.get("/api/invoices", clerk).status()).isEqualTo(403);
        var staff = api.get("/api/staff", boss);
        assertThat(staff.body().findValuesAsText("userId")).containsExactlyInAnyOrder(boss, clerk);
        assertThat(staff.body().findValuesAsText("invitationPending")).containsOnly("false");
    }
}
