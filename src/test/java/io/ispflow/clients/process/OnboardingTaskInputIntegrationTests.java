package io.ispflow.clients.process;

import static io.ispflow.network.process.InstallationVariables.TECHNICIAN;
import static io.ispflow.network.process.InstallationVariables.VISIT_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientStatus;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Whoever completes an onboarding task through the engine REST API chooses its variables: values of the
 * wrong kind are refused (400), and the process's own facts (whose onboarding it is) cannot be changed.
 */
@IntegrationTest
class OnboardingTaskInputIntegrationTests {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    ClientDirectory clients;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    Api api;
    TestCompany acme;
    String noc;

    @BeforeEach
    void acmeWithItsNoc() {
        api = new Api(http);
        acme = testCompanies.create();
        noc = acme.user(StaffRole.NETWORK_OPERATIONS);
    }

    @Test
    void anApprovalNamingAnotherClientApprovesTheClientOfTheTask() {
        ClientDetails applicant = onboarding.register(acme, "Applicant");
        ClientDetails bystander = onboarding.register(acme, "Bystander");

        var completed = complete(onboarding.taskOf(applicant).getId(), Map.of(
                OnboardingVariables.NOC_DECISION, "approve", OnboardingVariables.NOC_NOTES, 42,
                OnboardingVariables.CLIENT_ID, bystander.id().toString()));

        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(204);
        assertThat(statusOf(applicant)).isEqualTo(ClientStatus.APPROVED);
        assertThat(statusOf(bystander)).isEqualTo(ClientStatus.PENDING);
    }

    @Test
    void aRejectionWithTheClientIdClearedStillRejectsTheClientOfTheTask() {
        ClientDetails applicant = onboarding.register(acme, "Applicant");
        var variables = new HashMap<String, Object>(Map.of(OnboardingVariables.NOC_DECISION, "reject",
                OnboardingVariables.REJECTION_REASON, "No coverage"));
        variables.put(OnboardingVariables.CLIENT_ID, null);

        var completed = complete(onboarding.taskOf(applicant).getId(), variables);

        assertThat(completed.status()).as(completed.body().toString()).isEqualTo(204);
        assertThat(statusOf(applicant)).isEqualTo(ClientStatus.REJECTED);
    }

    @Test
    void aVisitWithoutTechnicianOrWithADateNobodyCanReadIsRefusedAndStaysToBeScheduled() {
        ClientDetails client = onboarding.register(acme, "Applicant");
        UUID onu = onboarding.receiveOnu(acme, "ONU-" + UUID.randomUUID().toString().substring(0, 8));
        onboarding.complete(onboarding.taskOf(client), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(OnboardingVariables.NOC_DECISION, "approve"));
        onboarding.complete(onboarding.taskOf(client, "Task_AssignEquipment"), acme, StaffRole.INFRASTRUCTURE_ASSET,
                Map.of(OnboardingVariables.EQUIPMENT_ID, onu.toString()));
        String schedule = onboarding.taskOf(client, "Task_ScheduleVisit").getId();

        var noTechnician = complete(schedule, Map.of(VISIT_DATE, "2026-12-01T10:00+03:00"));
        var unreadable = complete(schedule, Map.of(VISIT_DATE, "next Tuesday", TECHNICIAN, "staff:" + noc));
        var wrongKind = complete(schedule, Map.of(VISIT_DATE, 20261201, TECHNICIAN, "staff:" + noc));

        assertThat(noTechnician.status()).as(noTechnician.body().toString()).isEqualTo(400);
        assertThat(unreadable.status()).as(unreadable.body().toString()).isEqualTo(400);
        assertThat(wrongKind.status()).as(wrongKind.body().toString()).isEqualTo(400);
        assertThat(taskService.createTaskQuery().taskId(schedule).count()).isOne();

        // once booked, the client is told when the technician comes, in his language
        var booked = complete(schedule, Map.of(VISIT_DATE, "2026-12-01T10:00+03:00", TECHNICIAN, "staff:" + noc));
        assertThat(booked.status()).as(booked.body().toString()).isEqualTo(204);
        String text = await().atMost(Duration.ofSeconds(20)).until(() -> tenantScope.callAs(acme.id(),
                () -> transactions.execute(tx -> jdbc.queryForList("""
                        select body from outbound_messages where client_id = ? and purpose = 'installation_booked'
                        and channel = 'sms' and recipient = '+254712345678'""", String.class, client.id()))),
                texts -> !texts.isEmpty()).get(0);
        assertThat(text).isEqualTo("Hello Applicant, your internet installation visit is booked for 1 Dec 2026 at 10:00."
                + " Our technician will call you before coming.");
    }

    private Api.Reply complete(String taskId, Map<String, Object> values) {
        var variables = new HashMap<String, Object>();
        values.forEach((name, value) -> {
            var typed = new HashMap<String, Object>();
            typed.put("value", value);
            variables.put(name, typed);
        });
        return api.post("/engine-rest/task/" + taskId + "/complete", noc, Map.of("variables", variables));
    }

    private ClientStatus statusOf(ClientDetails client) {
        return tenantScope.callAs(acme.id(), () -> clients.find(client.id()).orElseThrow().status());
    }
}
