package io.ispflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.support.Api;
import io.ispflow.support.IntegrationTest;
import io.ispflow.support.TestCompanies;
import io.ispflow.support.TestCompanies.TestCompany;

/**
 * Input the API cannot use is the caller's mistake, answered as a problem (4xx), never a server error:
 * a company that does not exist.
 */
@IntegrationTest
class ApiRobustnessIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    String superAdmin;

    @BeforeEach
    void acmeAndASuperAdmin() {
        api = new Api(http);
        acme = testCompanies.create();
        superAdmin = testCompanies.superAdmin();
    }

    @Test
    void aSuperAdminNamingACompanyThatDoesNotExistIsToldSoOnEveryRequest() {
        String nowhere = UUID.randomUUID().toString();

        var register = api.call(HttpMethod.POST, "/api/clients", superAdmin, registration("Ghost Client"),
                Map.of(CompanyHeader.NAME, nowhere));
        var search = api.call(HttpMethod.GET, "/api/clients", superAdmin, null, Map.of(CompanyHeader.NAME, nowhere));
        var profile = api.call(HttpMethod.GET, "/api/auth/profile", superAdmin, null, Map.of(CompanyHeader.NAME, nowhere));

        assertThat(register.status()).as(register.body().toString()).isEqualTo(404);
        assertThat(register.text("type")).isEqualTo("https://ispflow.io/problems/company-not-found");
        assertThat(search.status()).isEqualTo(404);
        assertThat(profile.status()).isEqualTo(404);
        assertThat(clientsNamed(UUID.fromString(nowhere), "Ghost Client")).isZero();
    }

    @Test
    void aSuperAdminNamingACompanyWithSomethingElseThanAnIdGetsAValidationProblem() {
        var reply = api.call(HttpMethod.GET, "/api/clients", superAdmin, null, Map.of(CompanyHeader.NAME, "acme"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("type")).isEqualTo("https://ispflow.io/problems/validation");
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo(CompanyHeader.NAME);
    }

    @Test
    void aSuperAdminNamingAnExistingCompanyWorksForIt() {
        var register = api.call(HttpMethod.POST, "/api/clients", superAdmin, registration("Admin's Client"),
                Map.of(CompanyHeader.NAME, acme.id().toString()));

        assertThat(register.status()).as(register.body().toString()).isEqualTo(201);
        assertThat(clientsNamed(acme.id(), "Admin's Client")).isOne();
    }

    /** Business tables show a company only its own rows, so the count is taken as that company. */
    private long clientsNamed(UUID company, String pattern) {
        return tenantScope.callAs(company, () -> transactions.execute(tx -> jdbc.queryForObject(
                "select count(*) from clients where name like ?", Long.class, pattern)));
    }

    static Map<String, Object> registration(String name) {
        return new HashMap<>(Map.of("name", name, "phone", "0712345678", "address", "Kilimani",
                "county", "Nairobi", "subCounty", "Dagoretti North", "clientType", "individual",
                "connectionType", "fiber", "monthlyRate", 2500));
    }
}
