package io.ispflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;

/** Client limits come from dmn/license-limits.dmn, and a change to that table changes them. */
@IntegrationTest
class LicenseLimitIntegrationTests {

    static final Path LICENSE_TABLE = Path.of("dmn/license-limits.dmn");

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    LicensePolicy licensePolicy;
    @Autowired
    RepositoryService repositoryService;

    @AfterEach
    void restoreTheAnalystsTable() throws Exception {
        deployLicenseTable(Files.readString(LICENSE_TABLE));
    }

    @Test
    void aCompanyAtItsLimitCannotRegisterAnotherClient() {
        var company = testCompanies.create(LicenseType.STARTER, 2);
        var api = new Api(http);
        String sales = company.user(StaffRole.SALES_ACCOUNT_MANAGER);

        assertThat(api.post("/api/clients", sales, client()).status()).isEqualTo(201);
        assertThat(api.post("/api/clients", sales, client()).status()).isEqualTo(201);
        var refused = api.post("/api/clients", sales, client());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("/client-limit-reached");
        assertThat(refused.text("detail")).contains("starter").contains("allows 2 clients");
        assertThat(refused.body().path("clientLimit").asInt()).isEqualTo(2);
        assertThat(api.get("/api/clients", sales).body().path("page").path("totalElements").asInt()).isEqualTo(2);
    }

    @Test
    void theTierLimitsAndFeaturesAreTheDecisionTables() {
        var professional = testCompanies.create(LicenseType.PROFESSIONAL, 100000).company();
        var starter = testCompanies.create(LicenseType.STARTER, 100000).company();

        assertThat(licensePolicy.termsFor(professional).clientLimit()).isEqualTo(1000);
        assertThat(licensePolicy.termsFor(professional).features()).contains("hotspots", "snmp_monitoring");
        assertThat(licensePolicy.termsFor(starter).clientLimit()).isEqualTo(50);
        assertThat(licensePolicy.termsFor(starter).features()).doesNotContain("hotspots");
    }

    @Test
    void anAnalystsEditOfTheTableChangesTheLimitWithoutJava() throws Exception {
        var company = testCompanies.create(LicenseType.STARTER, 100000);
        String edited = Files.readString(LICENSE_TABLE).replace(
                "<outputEntry id=\"OutputEntry_StarterLimit\"><text>50</text></outputEntry>",
                "<outputEntry id=\"OutputEntry_StarterLimit\"><text>1</text></outputEntry>");
        assertThat(edited).isNotEqualTo(Files.readString(LICENSE_TABLE));

        deployLicenseTable(edited);

        var api = new Api(http);
        String sales = company.user(StaffRole.SALES_ACCOUNT_MANAGER);
        assertThat(api.post("/api/clients", sales, client()).status()).isEqualTo(201);
        var refused = api.post("/api/clients", sales, client());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("clientLimit").asInt()).isEqualTo(1);
    }

    private void deployLicenseTable(String content) {
        repositoryService.createDeployment().name("dmn/license-limits.dmn").source("test")
                .addString("dmn/license-limits.dmn", content).deploy();
    }

    static Map<String, Object> client() {
        var body = new HashMap<String, Object>();
        body.put("name", "Chebet Kiprono");
        body.put("phone", "0710101010");
        body.put("address", "Elgon View");
        body.put("county", "Uasin Gishu");
        body.put("subCounty", "Kapseret");
        body.put("clientType", "individual");
        body.put("connectionType", "wireless");
        body.put("monthlyRate", 2000);
        return body;
    }
}
