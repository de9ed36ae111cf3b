package io.ispflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import io.ispflow.platform.CompanyHeader;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

@IntegrationTest
class ClientApiIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    io.ispflow.platform.TenantScope tenantScope;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    io.ispflow.testing.OnboardingFixture onboarding;
    @Autowired
    io.ispflow.network.EquipmentStock equipment;

    Api api;
    TestCompany acme;
    TestCompany rival;

    @BeforeEach
    void twoCompanies() {
        api = new Api(http);
        acme = testCompanies.create();
        rival = testCompanies.create();
    }

    static Map<String, Object> wanjiku() {
        var body = new HashMap<String, Object>();
        body.put("name", "Wanjiku Kamau");
        body.put("email", "wanjiku@example.co.ke");
        body.put("phone", "0712 345 678");
        body.put("address", "Kilimani, Argwings Kodhek Rd");
        body.put("county", "Nairobi");
        body.put("subCounty", "Dagoretti North");
        body.put("clientType", "individual");
        body.put("connectionType", "fiber");
        body.put("monthlyRate", "2999.00");
        return body;
    }

    String sales(TestCompany company) {
        return company.user(StaffRole.SALES_ACCOUNT_MANAGER);
    }

    String admin(TestCompany company) {
        return company.user(StaffRole.ISP_ADMIN);
    }

    JsonNode register(TestCompany company, Map<String, Object> body) {
        var reply = api.post("/api/clients", sales(company), body);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body();
    }

    @Test
    void salesRegistersAClientWithANormalisedPhoneAndAnAccountNumber() {
        var reply = api.post("/api/clients", sales(acme), wanjiku());

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().getLocation()).hasToString("/api/clients/" + reply.text("id"));
        assertThat(reply.text("phone")).isEqualTo("+254712345678");
        assertThat(reply.text("status")).isEqualTo("pending");
        assertThat(reply.text("accountNumber")).matches("\\d{6}");
        assertThat(reply.body().path("monthlyRate").decimalValue()).isEqualByComparingTo("2999.00");
        assertThat(reply.text("language")).as("English unless chosen").isEqualTo("en");
    }

    @Test
    void aClientMayReadHisMessagesInSwahili() {
        var body = wanjiku();
        body.put("language", "sw");
        var created = register(acme, body);
        assertThat(created.path("language").asText()).isEqualTo("sw");

        body.put("language", "fr");
        var refused = api.post("/api/clients", sales(acme), body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("message").asText()).isEqualTo("must be one of [en, sw]");
    }

    @Test
    void accountNumbersAreUniquePerCompanyAndCountUp() {
        String first = register(acme, wanjiku()).path("accountNumber").asText();
        String second = register(acme, wanjiku()).path("accountNumber").asText();
        String otherCompany = register(rival, wanjiku()).path("accountNumber").asText();

        assertThat(Long.parseLong(second)).isEqualTo(Long.parseLong(first) + 1);
        assertThat(otherCompany).isEqualTo(first);
    }

    @Test
    void listIsPagedFilteredAndSearchable() {
        register(acme, wanjiku());
        var otieno = wanjiku();
        otieno.put("name", "Otieno & Sons Hardware");
        otieno.put("phone", "+254722000111");
        otieno.put("clientType", "business");
        String account = register(acme, otieno).path("accountNumber").asText();

        var all = api.get("/api/clients?size=1", admin(acme));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(all.body().path("content")).hasSize(1);

        assertThat(names(api.get("/api/clients?q=otieno", admin(acme)))).containsExactly("Otieno & Sons Hardware");
        assertThat(names(api.get("/api/clients?q=0722000111", admin(acme)))).containsExactly("Otieno & Sons Hardware");
        assertThat(names(api.get("/api/clients?q=" + account, admin(acme)))).containsExactly("Otieno & Sons Hardware");
        assertThat(names(api.get("/api/clients?status=pending", admin(acme)))).hasSize(2);
        assertThat(names(api.get("/api/clients?status=active", admin(acme)))).isEmpty();
    }

    @Test
    void updateChangesDetailsButNotStatusOrAccountNumber() {
        JsonNode client = register(acme, wanjiku());
        var changed = wanjiku();
        changed.put("address", "Lavington, James Gichuru Rd");
        changed.put("status", "active");
        changed.put("accountNumber", "999999");

        var reply = api.put("/api/clients/" + client.path("id").asText(),
                acme.user(StaffRole.CUSTOMER_SUPPORT), changed);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("address")).isEqualTo("Lavington, James Gichuru Rd");
        assertThat(reply.text("status")).isEqualTo("pending");
        assertThat(reply.text("accountNumber")).isEqualTo(client.path("accountNumber").asText());
    }

    @Test
    void adminDeletesAClientWithoutHistory() {
        String id = register(acme, wanjiku()).path("id").asText();

        assertThat(api.delete("/api/clients/" + id, admin(acme)).status()).isEqualTo(204);
        assertThat(api.get("/api/clients/" + id, admin(acme)).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/invoices", "/api/payments", "/api/wallet/credit"})
    void aClientWithBillingOrPaymentRecordsIsKeptForTheRecord(String recordedThrough) {
        String id = register(acme, wanjiku()).path("id").asText();
        String finance = acme.user(StaffRole.BILLING_FINANCE);
        Map<String, Object> body = switch (recordedThrough) {
            case "/api/invoices" -> Map.of("clientId", id, "total", "500.00", "description", "Router",
                    "dueDate", java.time.LocalDate.now().plusDays(7).toString());
            case "/api/payments" -> Map.of("clientId", id, "amount", "500.00", "method", "cash");
            default -> Map.of("clientId", id, "amount", "500.00", "reason", "Opening balance");
        };
        var record = api.post(recordedThrough, finance, body);
        assertThat(record.status()).as(record.body().toString()).isBetween(200, 201);

        var refused = api.delete("/api/clients/" + id, admin(acme));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("client-has-history");
        assertThat(api.get("/api/clients/" + id, admin(acme)).status()).isEqualTo(200);
    }

    @Test
    void aClientWithEquipmentIsKeptForTheRecord() {
        String id = register(acme, wanjiku()).path("id").asText();
        UUID onu = onboarding.receiveOnu(acme, "ONU-" + UUID.randomUUID().toString().substring(0, 8));
        tenantScope.runAs(acme.id(),
                () -> equipment.assign(onu, UUID.fromString(id), acme.user(StaffRole.INFRASTRUCTURE_ASSET)));

        assertThat(api.delete("/api/clients/" + id, admin(acme)).status()).isEqualTo(409);
    }

    @Test
    void aClientWithSupportTicketsIsKeptForTheRecord() {
        String id = register(acme, wanjiku()).path("id").asText();
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(status -> jdbc.update("""
                insert into support_tickets (ticket_number, client_id, title, description, isp_company_id)
                values ('TKT-1', ?::uuid, 'No link', 'Red light on the ONU', ?)""", id, acme.id())));

        assertThat(api.delete("/api/clients/" + id, admin(acme)).status()).isEqualTo(409);
    }

    @Nested
    class Validation {

        @Test
        void missingAndMalformedFieldsAreListed() {
            var body = wanjiku();
            body.put("name", " ");
            body.put("phone", "12345");
            body.remove("county");
            body.put("email", "not-an-email");
            body.put("monthlyRate", "-5");

            var reply = api.post("/api/clients", sales(acme), body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("type").asText()).endsWith("/validation");
            assertThat(fields(reply.body())).contains("name", "phone", "county", "email", "monthlyRate");
        }

        @Test
        void unknownEnumValuesNameTheAllowedOnes() {
            var body = wanjiku();
            body.put("connectionType", "carrier-pigeon");

            var reply = api.post("/api/clients", sales(acme), body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().path("errors").get(0).path("field").asText()).isEqualTo("connectionType");
            assertThat(reply.body().path("errors").get(0).path("message").asText())
                    .isEqualTo("must be one of [fiber, wireless, satellite, dsl]");
        }

        @Test
        void brokenJsonIsABadRequest() {
            var reply = api.call(HttpMethod.POST, "/api/clients", sales(acme), "{\"name\": ");
            assertThat(reply.status()).isEqualTo(400);
        }

        @Test
        void badFilterValueIsABadRequest() {
            var reply = api.get("/api/clients?status=sleeping", admin(acme));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(fields(reply.body())).containsExactly("status");
        }

        @Test
        void nothingIsWrittenWhenValidationFails() {
            var body = wanjiku();
            body.put("phone", "07");
            assertThat(api.post("/api/clients", sales(acme), body).status()).isEqualTo(400);
            assertThat(names(api.get("/api/clients", admin(acme)))).isEmpty();
        }
    }

    @Nested
    class TenantSeparation {

        @Test
        void listShowsOnlyTheCallersCompany() {
            register(acme, wanjiku());
            var rivalClient = wanjiku();
            rivalClient.put("name", "Rival Customer");
            register(rival, rivalClient);

            assertThat(names(api.get("/api/clients", admin(acme)))).containsExactly("Wanjiku Kamau");
            assertThat(names(api.get("/api/clients?q=Rival", admin(acme)))).isEmpty();
        }

        @Test
        void anotherCompanysClientDoesNotExistForTheCaller() {
            String rivalId = register(rival, wanjiku()).path("id").asText();
            String path = "/api/clients/" + rivalId;

            assertThat(api.get(path, admin(acme)).status()).isEqualTo(404);
            assertThat(api.put(path, admin(acme), wanjiku()).status()).isEqualTo(404);
            assertThat(api.delete(path, admin(acme)).status()).isEqualTo(404);
            assertThat(api.get(path, admin(rival)).text("name")).isEqualTo("Wanjiku Kamau");
        }

        @Test
        void aCompanyHeaderDoesNotLetOrdinaryStaffSwitchCompany() {
            register(rival, wanjiku());
            var reply = api.call(HttpMethod.GET, "/api/clients", admin(acme), null,
                    Map.of(CompanyHeader.NAME, rival.id().toString()));
            assertThat(names(reply)).isEmpty();
        }

        @Test
        void superAdminActsForTheCompanyHeNames() {
            register(rival, wanjiku());
            String superAdmin = testCompanies.superAdmin();

            var withoutCompany = api.get("/api/clients", superAdmin);
            var forRival = api.call(HttpMethod.GET, "/api/clients", superAdmin, null,
                    Map.of(CompanyHeader.NAME, rival.id().toString()));

            assertThat(withoutCompany.status()).isEqualTo(400);
            assertThat(withoutCompany.body().path("type").asText()).endsWith("/company-required");
            assertThat(names(forRival)).containsExactly("Wanjiku Kamau");
        }
    }

    @Nested
    class Roles {

        @Test
        void anonymousCallersMustLogIn() {
            var reply = api.get("/api/clients", null);
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
            assertThat(reply.body().path("type").asText()).endsWith("/unauthenticated");
        }

        @Test
        void wrongPasswordIsRefused() {
            var headers = new org.springframework.http.HttpHeaders();
            headers.setBasicAuth(admin(acme), "wrong");
            var response = http.exchange("/api/clients", HttpMethod.GET,
                    new org.springframework.http.HttpEntity<>(headers), String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(401);
        }

        @Test
        void hotspotAdminCannotReadOrDeleteClients() {
            String id = register(acme, wanjiku()).path("id").asText();
            String hotspot = acme.user(StaffRole.HOTSPOT_ADMIN);

            assertThat(api.get("/api/clients", hotspot).status()).isEqualTo(403);
            assertThat(api.delete("/api/clients/" + id, hotspot).status()).isEqualTo(403);
            assertThat(api.get("/api/clients/" + id, admin(acme)).status()).isEqualTo(200);
        }

        @ParameterizedTest
        @EnumSource(value = StaffRole.class, names = {"BILLING_FINANCE", "CUSTOMER_SUPPORT", "NETWORK_OPERATIONS",
                "INFRASTRUCTURE_ASSET", "HOTSPOT_ADMIN"})
        void onlyAdministratorsAndSalesRegisterClients(StaffRole role) {
            var reply = api.post("/api/clients", acme.user(role), wanjiku());
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.body().path("type").asText()).endsWith("/forbidden");
        }

        @ParameterizedTest
        @EnumSource(value = StaffRole.class, names = {"SALES_ACCOUNT_MANAGER", "CUSTOMER_SUPPORT", "BILLING_FINANCE",
                "NETWORK_OPERATIONS"})
        void onlyAdministratorsDeleteClients(StaffRole role) {
            String id = register(acme, wanjiku()).path("id").asText();
            assertThat(api.delete("/api/clients/" + id, acme.user(role)).status()).isEqualTo(403);
        }

        @ParameterizedTest
        @EnumSource(value = StaffRole.class, names = {"BILLING_FINANCE", "NETWORK_OPERATIONS", "INFRASTRUCTURE_ASSET",
                "HOTSPOT_ADMIN"})
        void onlyAdministratorsSalesAndSupportEditClients(StaffRole role) {
            String id = register(acme, wanjiku()).path("id").asText();
            assertThat(api.put("/api/clients/" + id, acme.user(role), wanjiku()).status()).isEqualTo(403);
        }
    }

    static java.util.List<String> names(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        reply.body().path("content").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    static java.util.List<String> fields(JsonNode problem) {
        var fields = new java.util.ArrayList<String>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
