package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TasklistSession;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The engine REST API answers a caller's mistakes as such: another company's task is forbidden (403),
 * an id that names nothing is not found (404), a start form that does not fit is a bad request (400).
 * Bodies keep Camunda's error shape.
 */
@IntegrationTest
class EngineRestRefusalsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TaskService taskService;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    TestCompany savanna;
    Task savannasApproval;
    String acmeNoc;

    @BeforeEach
    void savannaHasAnApprovalWaiting() {
        api = new Api(http);
        acme = testCompanies.create();
        savanna = testCompanies.create();
        savannasApproval = onboarding.taskOf(onboarding.register(savanna, "Savanna Customer"));
        acmeNoc = acme.user(StaffRole.NETWORK_OPERATIONS);
    }

    @Test
    void claimingOrCompletingAnotherCompanysTaskIsForbiddenAndChangesNothing() {
        String task = "/engine-rest/task/" + savannasApproval.getId();

        var claim = api.post(task + "/claim", acmeNoc, Map.of("userId", acmeNoc));
        var complete = api.post(task + "/complete", acmeNoc, Map.of("variables",
                Map.of("nocDecision", Map.of("value", "approve"))));
        var variables = api.get(task + "/variables", acmeNoc);

        assertThat(claim.status()).as(claim.body().toString()).isEqualTo(403);
        assertThat(claim.text("type")).isEqualTo("AuthorizationException");
        assertThat(claim.text("message")).contains("belongs to no authenticated tenant");
        assertThat(claim.body().path("code").asInt(-1)).isZero();
        assertThat(complete.status()).as(complete.body().toString()).isEqualTo(403);
        assertThat(variables.status()).isEqualTo(403);
        Task after = taskService.createTaskQuery().taskId(savannasApproval.getId()).singleResult();
        assertThat(after).isNotNull();
        assertThat(after.getAssignee()).isNull();
    }

    @Test
    void theWebappsOwnEngineApiRefusesAnotherCompanysTaskAlike() {
        var tasklist = TasklistSession.login(port, acmeNoc, TestCompanies.PASSWORD);

        var claim = tasklist.post("/engine/default/task/" + savannasApproval.getId() + "/claim",
                "{\"userId\":\"" + acmeNoc + "\"}");

        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        assertThat(claim.body()).contains("\"type\":\"AuthorizationException\"");
        assertThat(taskService.createTaskQuery().taskId(savannasApproval.getId()).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void idsThatNameNothingAreNotFound() {
        assertThat(api.post("/engine-rest/task/no-such-task/claim", acmeNoc, Map.of("userId", acmeNoc)).status())
                .isEqualTo(404);
        assertThat(api.post("/engine-rest/task/no-such-task/complete", acmeNoc, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/engine-rest/task/no-such-task/variables", acmeNoc).status()).isEqualTo(404);
        var start = api.post("/engine-rest/process-definition/no-such-definition/start", acmeNoc, Map.of());
        assertThat(start.status()).isEqualTo(404);
        assertThat(start.text("type")).isNotBlank();
    }

    @Test
    void aTaskClaimedBySomeoneElseIsAConflict() {
        String task = "/engine-rest/task/" + onboarding.taskOf(onboarding.register(acme, "Acme Customer")).getId();
        assertThat(api.post(task + "/claim", acmeNoc, Map.of("userId", acme.user(StaffRole.ISP_ADMIN))).status())
                .isEqualTo(204);

        var claim = api.post(task + "/claim", acmeNoc, Map.of("userId", acmeNoc));

        assertThat(claim.status()).as(claim.body().toString()).isEqualTo(409);
        assertThat(claim.text("type")).isEqualTo("TaskAlreadyClaimedException");
    }

    @Test
    void completingATaskWithoutWhatTheProcessDecidesOnIsABadRequestAndLeavesTheTask() {
        Task approval = onboarding.taskOf(onboarding.register(acme, "Acme Customer"));

        var complete = api.post("/engine-rest/task/" + approval.getId() + "/complete", acmeNoc, Map.of());

        assertThat(complete.status()).as(complete.body().toString()).isEqualTo(400);
        assertThat(complete.text("message")).contains("nocDecision");
        assertThat(taskService.createTaskQuery().taskId(approval.getId()).count()).isOne();
    }

    @Test
    void malformedRequestsAreBadRequests() {
        String task = "/engine-rest/task/" + onboarding.taskOf(onboarding.register(acme, "Acme Customer")).getId();
        String deep = "{\"variables\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_001);

        assertThat(api.post(task + "/complete", acmeNoc, "null").status()).as("a JSON null body").isEqualTo(400);
        assertThat(api.post(task + "/complete", acmeNoc, deep).status()).as("nesting beyond limits").isEqualTo(400);
        assertThat(api.put(task + "/variables/note", acmeNoc, Map.of("value", "x", "type", "Object")).status())
                .as("a variable of no storable type").isEqualTo(400);
        assertThat(api.put(task + "/variables/note", acmeNoc, Map.of("value", "a\u0000b", "type", "String")).status())
                .as("text with NUL").isEqualTo(400);
        assertThat(api.post("/engine-rest/task", acmeNoc, Map.of("processVariables", List.of(Map.of(
                "name", "clientType", "value", "x")))).status()).as("a query condition without operator").isEqualTo(400);
        assertThat(api.put(task + "/variables/" + "x".repeat(300), acmeNoc, Map.of("value", "x")).status())
                .as("a name too long to store").isEqualTo(400);
    }

    @Test
    void uploadsStillReachTheEngineWhichReadsItsOwnMultipartRequests() {
        String bpmn = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://ispflow.io/test">
                  <bpmn:process id="uploadProbe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                  </bpmn:process>
                </bpmn:definitions>""";
        var headers = new HttpHeaders();
        headers.setBasicAuth(testCompanies.superAdmin(), TestCompanies.PASSWORD);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("deployment-name", "upload-probe");
        parts.add("upload-probe.bpmn", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "upload-probe.bpmn";
            }
        });

        var deployed = http.postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>(parts, headers), String.class);

        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
        assertThat(deployed.getBody()).contains("uploadProbe");
    }

    @Test
    void aStartFormWhoseValuesDoNotFitIsABadRequestAndRegistersNobody() {
        var form = Map.of("variables", Map.of(
                "name", Map.of("value", 42),
                "phone", Map.of("value", "not a phone"),
                "address", Map.of("value", "Moi Avenue"),
                "county", Map.of("value", "Mombasa"),
                "subCounty", Map.of("value", "Mvita"),
                "clientType", Map.of("value", "alien"),
                "connectionType", Map.of("value", "wireless"),
                "monthlyRate", Map.of("value", "a lot")));

        var started = api.post("/engine-rest/process-definition/key/clientOnboarding/submit-form",
                acme.user(StaffRole.SALES_ACCOUNT_MANAGER), form);

        assertThat(started.status()).as(started.body().toString()).isEqualTo(400);
        assertThat(started.text("message")).contains("monthlyRate");
        assertThat(clientsOfAcme()).isZero();
    }

    @Test
    void aStartFormNamingTheFieldsThatDoNotFit() {
        var form = Map.of("variables", Map.of(
                "name", Map.of("value", "Nul\u0000Name"),
                "phone", Map.of("value", "not a phone"),
                "address", Map.of("value", "Moi Avenue"),
                "county", Map.of("value", "Mombasa"),
                "subCounty", Map.of("value", "Mvita"),
                "clientType", Map.of("value", "alien"),
                "connectionType", Map.of("value", "wireless"),
                "monthlyRate", Map.of("value", 3500)));

        var started = api.post("/engine-rest/process-definition/key/clientOnboarding/submit-form",
                acme.user(StaffRole.SALES_ACCOUNT_MANAGER), form);

        assertThat(started.status()).as(started.body().toString()).isEqualTo(400);
        assertThat(started.text("message")).contains("name must not contain NUL", "phone must be a valid phone number",
                "clientType is not a client type");
    }

    private long clientsOfAcme() {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx ->
                jdbc.queryForObject("select count(*) from clients", Long.class)));
    }
}
