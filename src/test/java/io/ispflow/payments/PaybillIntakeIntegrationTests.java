package io.ispflow.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.ProviderPeers;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Paybill payments made from the phone menu: Daraja's C2B URL registration, validation and confirmation. */
@IntegrationTest
class PaybillIntakeIntegrationTests extends ProviderPeers {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    io.ispflow.billing.WalletLedger ledger;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    TaskService taskService;

    Api api;
    TestCompany acme;
    ClientDetails client;
    String token;

    @BeforeEach
    void acmeHasAPaybill() {
        api = new Api(http);
        acme = testCompanies.create();
        client = onboarding.register(acme, "Menu Payer");
        token = mpesaToken(acme, "174379");
    }

    String mpesaToken(TestCompany company, String paybill) {
        String path = configureMpesa(api, company, paybill);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void validationAcceptsAKnownAccountAndRejectsWhatCannotBeCredited() {
        assertThat(validate(request("c2b_validation_request.json", client.accountNumber(), "174379", "5.00")).getBody())
                .isEqualTo("{\"ResultCode\":\"0\",\"ResultDesc\":\"Accepted\"}");
        assertThat(validate(request("c2b_validation_request_alt.json", client.accountNumber().toLowerCase(), "174379",
                "10")).getBody()).as("typed in lower case").contains("\"ResultCode\":\"0\"");
        assertThat(validate(request("c2b_validation_request.json", "NO-SUCH-ACC", "174379", "5.00")).getBody())
                .isEqualTo("{\"ResultCode\":\"C2B00012\",\"ResultDesc\":\"Rejected\"}");
        assertThat(validate(request("c2b_validation_request.json", client.accountNumber(), "600966", "5.00")).getBody())
                .contains("C2B00015");
        assertThat(validate(request("c2b_validation_request.json", client.accountNumber(), "174379", "0.00")).getBody())
                .contains("C2B00013");
        assertThat(validate("not-a-token", request("c2b_validation_request.json", client.accountNumber(), "174379",
                "5.00")).getStatusCode().value()).isEqualTo(404);
        assertThat(validate("{\"TransID\": ").getStatusCode().value()).isEqualTo(400);
        List<String> refusals = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where isp_company_id = ? or isp_company_id is null", String.class,
                acme.id())));
        assertThat(refusals).contains("c2b_validation_unknown_path", "c2b_validation_malformed");
    }

    @Test
    void aConfirmationIsAcknowledgedStoredOnceAndCreditedOnce() {
        String body = request("c2b_confirmation_request.json", client.accountNumber(), "174379", "2999.00");
        for (int delivery = 0; delivery < 3; delivery++) {
            var reply = confirm(token, body);
            assertThat(reply.getStatusCode().value()).isEqualTo(200);
            assertThat(reply.getBody()).isEqualTo("{\"ResultCode\":0,\"ResultDesc\":\"Success\"}");
        }
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select deliveries from mpesa_callbacks where kind = 'c2b_confirmation' and mpesa_receipt_number = ?""",
                Integer.class, "RKL51ZDR4F"))).isEqualTo(3);

        dueJobs.ofTenant(acme.id().toString());

        assertThat(balance(client)).isEqualByComparingTo("2999.00");
        assertThat(inAcme(() -> jdbc.queryForList("select mpesa_receipt_number from payments where client_id = ?",
                String.class, client.id()))).containsExactly("RKL51ZDR4F");
    }

    @Test
    void aVersionOneConfirmationWithAHashedPhoneIsCreditedByAccountNumber() {
        assertThat(confirm(token, request("c2b_confirmation_request_v1_hashed_msisdn.json", client.accountNumber(),
                "174379", "100.00")).getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());
        assertThat(balance(client)).isEqualByComparingTo("100.00");
    }

    @Test
    void aPaymentToAnUnknownAccountWaitsForFinanceToAssignIt() {
        assertThat(confirm(token, request("c2b_confirmation_request.json", "TYPO-123", "174379", "700.00"))
                .getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(acme.id().toString());

        var task = taskService.createTaskQuery().tenantIdIn(acme.id().toString())
                .taskDefinitionKey("Task_AssignUnmatched").singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.getVariable(task.getId(), "accountReference")).isEqualTo("TYPO-123");
        assertThat(balance(client)).isEqualByComparingTo("0");
    }

    @Test
    void confirmationsForAnotherShortcodeOrPathOrShapeAreRefusedAndLogged() {
        var wrongShortcode = confirm(token, request("c2b_confirmation_request.json", client.accountNumber(), "600966",
                "50.00"));
        assertThat(wrongShortcode.getStatusCode().value()).isEqualTo(400);
        assertThat(confirm("not-a-token", request("c2b_confirmation_request.json", client.accountNumber(), "174379",
                "50.00")).getStatusCode().value()).isEqualTo(404);
        assertThat(confirm(token, "{\"TransID\": \"X\"}").getStatusCode().value()).isEqualTo(400);
        assertThat(confirm(token, "{\"TransID\": ").getStatusCode().value()).isEqualTo(400);

        assertThat(inAcme(() -> jdbc.queryForObject("select count(*) from mpesa_callbacks", Long.class))).isZero();
        List<String> refusals = tenantScope.callPlatformWide(() -> transactions.execute(tx -> jdbc.queryForList(
                "select kind from security_events where isp_company_id = ?", String.class, acme.id())));
        assertThat(refusals).contains("c2b_confirmation_wrong_shortcode", "c2b_confirmation_malformed");
    }

    @Test
    void anotherCompanysPaybillCannotCreditThisCompanysClient() {
        TestCompany rival = testCompanies.create();
        String rivalToken = mpesaToken(rival, "600100");

        assertThat(validate(rivalToken, request("c2b_validation_request.json", client.accountNumber(), "600100", "5.00"))
                .getBody()).as("acme's account number is unknown at the rival").contains("C2B00012");
        assertThat(confirm(rivalToken, request("c2b_confirmation_request.json", client.accountNumber(), "600100",
                "900.00")).getStatusCode().value()).isEqualTo(200);
        dueJobs.ofTenant(rival.id().toString());

        assertThat(balance(client)).isEqualByComparingTo("0");
        assertThat(taskService.createTaskQuery().tenantIdIn(rival.id().toString())
                .taskDefinitionKey("Task_AssignUnmatched").count()).isEqualTo(1);
    }

    @Test
    void adminsRegisterThePaybillUrlsWithDaraja() {
        DARAJA.stubFor(post(urlEqualTo("/mpesa/c2b/v2/registerurl")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(darajaSample("c2b_register_url_response.json"))));

        var reply = api.post("/api/mpesa/settings/paybill-registration", acme.user(StaffRole.ISP_ADMIN), Map.of());

        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        String base = "https://isp.example.co.ke/api/payments/paybill/" + token;
        assertThat(reply.text("confirmationUrl")).isEqualTo(base + "/confirmation");
        assertThat(reply.text("originatorConversationId")).isEqualTo("6e86-45dd-91ac-fd5d4178ab523408729");
        DARAJA.verify(postRequestedFor(urlEqualTo("/mpesa/c2b/v2/registerurl"))
                .withHeader("Authorization", equalTo("Bearer c9SQxWWhmdVRlyh0zh8gZDTkubVF"))
                .withRequestBody(matchingJsonPath("$.ShortCode", equalTo("174379")))
                .withRequestBody(matchingJsonPath("$.ResponseType", equalTo("Completed")))
                .withRequestBody(matchingJsonPath("$.ValidationURL", equalTo(base + "/validation"))));
        assertThat(inAcme(() -> jdbc.queryForObject(
                "select c2b_registered_at is not null from mpesa_settings", Boolean.class))).isTrue();

        assertThat(api.post("/api/mpesa/settings/paybill-registration", acme.user(StaffRole.CUSTOMER_SUPPORT), Map.of())
                .status()).isEqualTo(403);
        assertThat(api.post("/api/mpesa/settings/paybill-registration", testCompanies.create().user(StaffRole.ISP_ADMIN),
                Map.of()).status()).as("a company without M-PESA registers nothing").isEqualTo(409);
        DARAJA.verify(1, postRequestedFor(urlEqualTo("/mpesa/c2b/v2/registerurl")));
    }

    static String request(String sample, String account, String shortcode, String amount) {
        return darajaSample(sample).replaceAll("\"BillRefNumber\": \"[^\"]*\"", "\"BillRefNumber\": \"" + account + "\"")
                .replaceAll("\"BusinessShortCode\": \"[^\"]*\"", "\"BusinessShortCode\": \"" + shortcode + "\"")
                .replaceAll("\"TransAmount\": \"[^\"]*\"", "\"TransAmount\": \"" + amount + "\"");
    }

    ResponseEntity<String> validate(String body) {
        return validate(token, body);
    }

    ResponseEntity<String> validate(String companyToken, String body) {
        return postJson("/api/payments/paybill/" + companyToken + "/validation", body);
    }

    ResponseEntity<String> confirm(String companyToken, String body) {
        return postJson("/api/payments/paybill/" + companyToken + "/confirmation", body);
    }

    ResponseEntity<String> postJson(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    BigDecimal balance(ClientDetails of) {
        return tenantScope.callAs(acme.id(), () -> ledger.balance(of.id()));
    }

    <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
