package io.ispflow.clients.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** With Camunda authorization on, staff see the tasks of their own company only. */
@IntegrationTest
class TasklistTenantSeparationIntegrationTests {

    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate http;

    TestCompany acme;
    TestCompany savanna;
    ClientDetails acmeClient;
    ClientDetails savannaClient;

    @BeforeEach
    void aPendingClientInEachCompany() {
        acme = testCompanies.create();
        savanna = testCompanies.create();
        acmeClient = onboarding.register(acme, "Acme Customer");
        savannaClient = onboarding.register(savanna, "Savanna Customer");
    }

    @Test
    void nocSeesItsOwnCompanysApprovalTasksThroughTheTaskService() {
        List<Task> visible = tasksVisibleTo(acme.user(StaffRole.NETWORK_OPERATIONS), acme);

        assertThat(visible).extracting(Task::getTenantId).containsOnly(acme.id().toString());
        assertThat(visible).extracting(Task::getProcessInstanceId)
                .contains(onboarding.taskOf(acmeClient).getProcessInstanceId())
                .doesNotContain(onboarding.taskOf(savannaClient).getProcessInstanceId());
    }

    @Test
    void nocSeesItsOwnCompanysApprovalTasksThroughTheRestApi() {
        var api = new Api(http);
        var acmeTasks = api.get("/engine-rest/task?taskDefinitionKey=Task_ApproveClient",
                acme.user(StaffRole.NETWORK_OPERATIONS));
        var savannaTasks = api.get("/engine-rest/task?taskDefinitionKey=Task_ApproveClient",
                savanna.user(StaffRole.NETWORK_OPERATIONS));

        assertThat(acmeTasks.status()).isEqualTo(200);
        assertThat(acmeTasks.body().findValuesAsText("tenantId")).containsOnly(acme.id().toString()).isNotEmpty();
        assertThat(savannaTasks.body().findValuesAsText("tenantId")).containsOnly(savanna.id().toString()).isNotEmpty();
        assertThat(acmeTasks.body().findValuesAsText("id")).doesNotContain(onboarding.taskOf(savannaClient).getId());
    }

    @Test
    void anotherRoleOfTheSameCompanyDoesNotSeeNocWork() {
        assertThat(tasksVisibleTo(acme.user(StaffRole.HOTSPOT_ADMIN), acme)).isEmpty();
    }

    @Test
    void aStartFormSubmittedBySalesRegistersTheClientInSalesCompany() {
        var api = new Api(http);
        var form = java.util.Map.of("variables", java.util.Map.of(
                "name", java.util.Map.of("value", "Walk-in Customer"),
                "phone", java.util.Map.of("value", "0722 000 111"),
                "address", java.util.Map.of("value", "Moi Avenue"),
                "county", java.util.Map.of("value", "Mombasa"),
                "subCounty", java.util.Map.of("value", "Mvita"),
                "clientType", java.util.Map.of("value", "business"),
                "connectionType", java.util.Map.of("value", "wireless"),
                "monthlyRate", java.util.Map.of("value", 3500)));

        var started = api.post("/engine-rest/process-definition/key/clientOnboarding/submit-form",
                acme.user(StaffRole.SALES_ACCOUNT_MANAGER), form);

        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        String accountNumber = started.text("businessKey");
        var found = api.get("/api/clients?q=" + accountNumber, acme.user(StaffRole.ISP_ADMIN));
        assertThat(found.body().path("content")).hasSize(1);
        String clientId = found.body().path("content").get(0).path("id").asText();
        var client = api.get("/api/clients/" + clientId, acme.user(StaffRole.ISP_ADMIN));
        assertThat(client.text("accountNumber")).isEqualTo(accountNumber);
        assertThat(client.text("name")).isEqualTo("Walk-in Customer");
        assertThat(client.text("phone")).isEqualTo("+254722000111");
        assertThat(client.body().path("monthlyRate").decimalValue()).isEqualByComparingTo("3500");
        assertThat(api.get("/api/clients/" + clientId, savanna.user(StaffRole.ISP_ADMIN)).status()).isEqualTo(404);
        var history = api.get("/api/clients/" + clientId + "/status-history", acme.user(StaffRole.ISP_ADMIN));
        assertThat(history.body().get(0).path("changedBy").asText()).isEqualTo(acme.user(StaffRole.SALES_ACCOUNT_MANAGER));
    }

    @Test
    void theRestApiRequiresALogin() {
        var anonymous = http.getForEntity("/engine-rest/task", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    }

    private List<Task> tasksVisibleTo(String userId, TestCompany company) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups, List.of(company.id().toString()));
        try {
            return taskService.createTaskQuery().list();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
