package io.ispflow.tenancy;

import static io.ispflow.tenancy.StaffRequests.company;
import static io.ispflow.tenancy.StaffRequests.fresh;
import static io.ispflow.tenancy.StaffRequests.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** A super administrator opens companies through the API; nobody else sees the register. */
@IntegrationTest
class CompanyAdministrationIntegrationTests {

    static final String PROBLEMS = "https://ispflow.io/problems/";

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    Companies companies;
    @Autowired
    StaffDirectory directory;
    @Autowired
    IdentityService identityService;

    Api api;
    String superAdmin;
    TestCompany acme;

    @BeforeEach
    void aSuperAdministratorAndACompanyThatExistsAlready() {
        api = new Api(http);
        superAdmin = testCompanies.superAdmin();
        acme = testCompanies.create();
    }

    @Test
    void aSuperAdministratorOpensACompanyAndSeesTheFirstAdministratorsLinkOnce() {
        String slug = fresh("rift");
        String boss = slug + "_boss";

        var opened = api.post("/api/companies", superAdmin, company(slug, boss));

        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        assertThat(opened.headers().getCacheControl()).contains("no-store");
        var company = opened.body().path("company");
        assertThat(company.path("slug").asText()).isEqualTo(slug);
        assertThat(company.path("licenseType").asText()).isEqualTo("starter");
        assertThat(company.path("clientLimit").asInt()).isEqualTo(50);
        assertThat(opened.headers().getLocation()).hasPath("/api/companies/" + company.path("id").asText());
        var link = opened.body().path("firstAdmin");
        String token = link.path("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(link.path("link").asText()).isEqualTo("/api/staff/invitations/" + token);
        assertThat(link.path("userId").asText()).isEqualTo(boss);
        assertThat(Instant.parse(link.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(71)), Instant.now().plus(Duration.ofHours(73)));

        assertThat(identityService.createTenantQuery().tenantId(company.path("id").asText()).count()).isEqualTo(1);
        assertThat(directory.profileOfAnyCompany(boss)).hasValueSatisfying(profile -> {
            assertThat(profile.role()).isEqualTo(StaffRole.ISP_ADMIN);
            assertThat(profile.companyId()).hasToString(company.path("id").asText());
            assertThat(profile.phone()).isEqualTo("+254712345678");
        });
        assertThat(api.get("/api/auth/profile", boss).status())
                .as("nobody knows the password the login was created with").isEqualTo(401);
    }

    @Test
    void theSuperAdministratorListsAndReadsTheRegister() {
        var list = api.get("/api/companies", superAdmin);
        var one = api.get("/api/companies/" + acme.id(), superAdmin);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsText("slug")).contains(acme.company().slug());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("name")).isEqualTo(acme.company().name());
        assertThat(api.get("/api/companies/" + UUID.randomUUID(), superAdmin).text("type"))
                .isEqualTo(PROBLEMS + "company-not-found");
        assertThat(api.get("/api/companies/not-a-uuid", superAdmin).status()).isEqualTo(400);
    }

    @Test
    void companyStaffOfEveryRoleMayNeitherOpenNorListNorReadCompanies() {
        for (StaffRole role : acme.users().keySet()) {
            String user = acme.user(role);
            assertThat(api.post("/api/companies", user, company(fresh("nope"), fresh("nope"))).status())
                    .as(role.id()).isEqualTo(403);
            assertThat(api.get("/api/companies", user).status()).as(role.id()).isEqualTo(403);
            assertThat(api.get("/api/companies/" + acme.id(), user).status()).as(role.id()).isEqualTo(403);
        }
        assertThat(api.get("/api/companies", null).status()).isEqualTo(401);
    }

    @Test
    void aTakenSlugIsAConflictAndCreatesNobody() {
        String admin = fresh("dup");

        var refused = api.post("/api/companies", superAdmin, company(acme.company().slug(), admin));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "slug-taken");
        assertThat(directory.exists(admin)).isFalse();
    }

    @Test
    void aTakenFirstAdministratorNameLeavesNoCompanyBehind() {
        String slug = fresh("half");
        var body = company(slug, acme.user(StaffRole.ISP_ADMIN));

        var refused = api.post("/api/companies", superAdmin, body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo(PROBLEMS + "user-id-taken");
        assertThat(companies.findBySlug(slug)).isEmpty();
        assertThat(identityService.createTenantQuery().tenantName((String) body.get("name")).count()).isZero();
        assertThat(identityService.createGroupQuery().groupNameLike("%" + slug).count()).isZero();
        assertThat(api.post("/api/companies", superAdmin, company(slug, slug + "_boss")).status())
                .as("the slug is still free").isEqualTo(201);
    }

    @Test
    void badCompanyRequestsAreRefusedFieldByFieldAndCreateNothing() {
        String slug = fresh("bad");
        String admin = slug + "_boss";
        var good = company(slug, admin);
        Map<String, Object> firstAdmin = castMap(good.get("firstAdmin"));
        var spoilt = List.of(
                Map.entry("slug", with(good, "slug", "Has Space")),
                Map.entry("slug", with(good, "slug", "a")),
                Map.entry("slug", with(good, "slug", "x".repeat(41))),
                Map.entry("licenseType", with(good, "licenseType", "gold")),
                Map.entry("licenseType", with(good, "licenseType", 1)),
                Map.entry("clientLimit", with(good, "clientLimit", 0)),
                Map.entry("clientLimit", with(good, "clientLimit", -5)),
                Map.entry("clientLimit", with(good, "clientLimit", "many")),
                Map.entry("name", with(good, "name", "Null\u0000Byte Ltd")),
                Map.entry("name", with(good, "name", "N".repeat(201))),
                Map.entry("name", with(good, "name", null)),
                Map.entry("firstAdmin", with(good, "firstAdmin", null)),
                Map.entry("firstAdmin.userId", with(good, "firstAdmin", with(firstAdmin, "userId", "has space"))),
                Map.entry("firstAdmin.userId", with(good, "firstAdmin", with(firstAdmin, "userId", "u".repeat(65)))),
                Map.entry("firstAdmin.firstName", with(good, "firstAdmin", with(firstAdmin, "firstName", "A\u0000"))),
                Map.entry("firstAdmin.email", with(good, "firstAdmin", with(firstAdmin, "email", "not-an-email"))),
                Map.entry("firstAdmin.phone", with(good, "firstAdmin", with(firstAdmin, "phone", "call me"))));

        spoilt.forEach(bad -> {
            var refused = api.post("/api/companies", superAdmin, bad.getValue());
            assertThat(refused.status()).as(bad.getKey() + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.text("type")).isEqualTo(PROBLEMS + "validation");
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(bad.getKey()).contains(bad.getKey());
        });
        assertThat(api.call(HttpMethod.POST, "/api/companies", superAdmin, "{\"slug\": ")
                .status()).isEqualTo(400);
        assertThat(companies.findBySlug(slug)).isEmpty();
        assertThat(directory.exists(admin)).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
