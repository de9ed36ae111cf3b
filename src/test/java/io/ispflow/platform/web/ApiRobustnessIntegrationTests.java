package io.ispflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Input the API cannot use is the caller's mistake, answered as a problem (4xx), never a server error:
 * a company that does not exist, NUL characters that PostgreSQL cannot store.
 */
@IntegrationTest
class ApiRobustnessIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void aNulCharacterInASearchParameterIsAValidationProblemNamingIt() throws Exception {
        var reply = raw(RequestEntity.get(URI.create("/api/clients?q=%00")));

        assertThat(reply.path("status").asInt()).isEqualTo(400);
        assertThat(reply.path("type").asText()).isEqualTo("https://ispflow.io/problems/validation");
        assertThat(reply.path("errors").get(0).path("field").asText()).isEqualTo("q");
    }

    @Test
    void aNulCharacterInAJsonStringIsAValidationProblemNamingTheField() {
        var reply = api.post("/api/clients", acme.user(StaffRole.SALES_ACCOUNT_MANAGER), registration("Nul\u0000Client"));

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(reply.body().path("errors").get(0).path("message").asText()).contains("NUL");
        assertThat(clientsNamed(acme.id(), "Nul%")).isZero();
    }

    @Test
    void aNulCharacterInAPathIsRefusedBeforeItReachesAQuery() {
        // the servlet container refuses an encoded NUL in a path itself, before any filter of ours
        var response = http.exchange(RequestEntity.get(URI.create("/api/clients/%00"))
                .header("Authorization", basic(acme.user(StaffRole.ISP_ADMIN))).build(), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aSortThatNamesNoPropertyIsAValidationProblemNamingIt() throws Exception {
        for (String sort : new String[] {"_", "%25zz", "name;drop"}) {
            var reply = raw(RequestEntity.get(URI.create("/api/clients?sort=" + sort)));

            assertThat(reply.path("status").asInt()).as(sort).isEqualTo(400);
            assertThat(reply.path("errors").get(0).path("field").asText()).isEqualTo("sort");
        }
    }

    @Test
    void aPageBeyondWhatCanBeCountedIsAValidationProblemNamingIt() throws Exception {
        var reply = raw(RequestEntity.get(URI.create("/api/payments/history?page=99999999&size=100")));

        assertThat(reply.path("status").asInt()).isEqualTo(400);
        assertThat(reply.path("errors").get(0).path("field").asText()).isEqualTo("page");
    }

    @Test
    void aBodyOfNoSingleTypeOrInPartsIsAnUnsupportedMediaType() {
        for (String type : new String[] {"*/*", "multipart/form-data; boundary=x", "multipart/form-data"}) {
            var reply = http.exchange(RequestEntity.post(URI.create("/api/clients"))
                    .header("Authorization", basic(acme.user(StaffRole.SALES_ACCOUNT_MANAGER)))
                    .header("Content-Type", type).body("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"),
                    String.class);

            assertThat(reply.getStatusCode().value()).as(type).isEqualTo(415);
        }
    }

    @Test
    void aMalformedFormBodyOnAPutOrDeleteIsRefusedByItsHandler() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.PUT, HttpMethod.DELETE}) {
            var reply = http.exchange(RequestEntity.method(method, URI.create("/api/clients/" + UUID.randomUUID()))
                    .header("Authorization", basic(acme.user(StaffRole.ISP_ADMIN)))
                    .header("Content-Type", "application/x-www-form-urlencoded").body("name=%zz&%"), String.class);

            assertThat(reply.getStatusCode().value()).as(method.name()).isBetween(400, 499);
        }
    }

    /** Sends the URI as given: the helper would encode the {@code %} of {@code %00} once more. */
    private JsonNode raw(RequestEntity.HeadersBuilder<?> request) throws Exception {
        var response = http.exchange(request.header("Authorization", basic(acme.user(StaffRole.ISP_ADMIN)))
                .accept(MediaType.APPLICATION_JSON).build(), String.class);
        return ((ObjectNode) JSON.readTree(response.getBody())).put("status", response.getStatusCode().value());
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + TestCompanies.PASSWORD).getBytes());
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
