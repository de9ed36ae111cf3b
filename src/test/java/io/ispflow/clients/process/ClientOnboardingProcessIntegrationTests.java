package io.ispflow.clients.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Invoicing;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.clients.ClientStatusChange;
import io.ispflow.clients.StatusChangeRefused;
import io.ispflow.messaging.staff.StaffNotifications;
import io.ispflow.network.process.InstallationVariables;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.FullProcessCoverage;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.tenancy.ClientLimitReached;
import io.ispflow.tenancy.LicenseType;
import io.ispflow.tenancy.StaffDirectory;

/** Every path of clientOnboarding and installation, on the real engine and PostgreSQL. */
@IntegrationTest
@Tag("own-context")
@Import(FullProcessCoverage.class)
class ClientOnboardingProcessIntegrationTests {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    ClientLifecycle lifecycle;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    Invoicing invoicing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StaffDirectory staff;
    @Autowired
    StaffNotifications notifications;

    TestCompany acme;
    UUID onu1;

    @BeforeEach
    void aCompanyWithEquipmentInStock() {
        init(engine);
        acme = testCompanies.create();
        onu1 = onboarding.receiveOnu(acme, "ONU-" + UUID.randomUUID().toString().substring(0, 8));
        onboarding.receiveOnu(acme, "ONU-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    ProcessInstance onboardingOf(ClientDetails client) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(OnboardingVariables.PROCESS_KEY)
                .tenantIdIn(acme.id().toString()).processInstanceBusinessKey(client.accountNumber()).singleResult();
    }

    String historicOnboardingId(ClientDetails client) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(OnboardingVariables.PROCESS_KEY).tenantIdIn(acme.id().toString())
                .processInstanceBusinessKey(client.accountNumber()).singleResult().getId();
    }

    ClientStatus statusOf(ClientDetails client) {
        return tenantScope.callAs(acme.id(), () -> lifecycle.history(client.id())).stream()
                .reduce((first, second) -> second).map(ClientStatusChange::to).orElseThrow();
    }

    void approve(ClientDetails client) {
        onboarding.complete(onboarding.taskOf(client), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(OnboardingVariables.NOC_DECISION, "approve",
                        OnboardingVariables.NOC_NOTES, "Fibre passes the gate"));
    }

    void assignEquipment(ClientDetails client, UUID equipment) {
        onboarding.complete(onboarding.taskOf(client, "Task_AssignEquipment"), acme, StaffRole.INFRASTRUCTURE_ASSET,
                Map.of(OnboardingVariables.EQUIPMENT_ID, equipment.toString()));
    }

    void scheduleVisit(ClientDetails client) {
        onboarding.complete(onboarding.taskOf(client, "Task_ScheduleVisit"), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(InstallationVariables.VISIT_DATE, "2026-12-01T10:00+03:00",
                        InstallationVariables.TECHNICIAN, "staff:" + acme.user(StaffRole.NETWORK_OPERATIONS)));
    }

    void reportInstalled(ClientDetails client) {
        onboarding.complete(onboarding.taskOf(client, "Task_InstallOnSite"), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(InstallationVariables.OUTCOME, "installed",
                        InstallationVariables.MAC_ADDRESS, "4c-5e-0c-12-34-56",
                        InstallationVariables.IP_ADDRESS, "10.20.30.40", InstallationVariables.SIGNAL_DBM, -62));
    }

    void reportFailed(ClientDetails client) {
        onboarding.complete(onboarding.taskOf(client, "Task_InstallOnSite"), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(InstallationVariables.OUTCOME, "failed",
                        InstallationVariables.FAILURE_REASON, "No line of sight to the mast"));
    }

    void verifyLink(ClientDetails client, String status) {
        onboarding.complete(onboarding.taskOf(client, "Task_VerifyLink"), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(InstallationVariables.LINK_STATUS, status));
    }

    @Test
    void happyPathTakesAClientFromRegistrationToActiveAndBilled() {
        ClientDetails client = onboarding.register(acme, "Wanjiku Kamau");
        ProcessInstance process = onboardingOf(client);
        assertThat(process).isWaitingAt("Task_ApproveClient").hasBusinessKey(client.accountNumber());
        assertThat(process.getTenantId()).isEqualTo(acme.id().toString());
        assertThat(onboarding.taskOf(client)).hasCandidateGroup("network_operations");

        approve(client);
        assertThat(process).isWaitingAt("Task_AssignEquipment");
        var offered = runtimeService.getVariableTyped(process.getId(), OnboardingVariables.EQUIPMENT_OPTIONS)
                .getValue().toString();
        assertThat(offered).contains(onu1.toString()).contains("ONU-000001 · Huawei EG8145V5 GPON ONU · SN ONU-");

        assignEquipment(client, onu1);
        assertThat(count("""
                select count(*) from inventory_history where inventory_item_id = ? and action = 'status_changed'
                   and changes -> 'status' = '["in_stock", "assigned"]' and performed_by = ?""", onu1,
                staff.profileIdOf(acme.user(StaffRole.INFRASTRUCTURE_ASSET)).orElseThrow())).isEqualTo(1);
        assertThat(process).isWaitingAt("Activity_TechnicalInstallation");
        scheduleVisit(client);
        assertThat(onboarding.taskOf(client).getAssignee()).isEqualTo(acme.user(StaffRole.NETWORK_OPERATIONS));
        reportInstalled(client);
        verifyLink(client, "up");
        assertThat(process).isWaitingAt("Task_ActivateService");

        onboarding.runJobs(client);

        assertThat(process).isEnded();
        var history = historicOnboardingId(client);
        org.assertj.core.api.Assertions.assertThat(historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(history).activityId("End_ClientOnboarded").count()).isEqualTo(1);
        assertThat(tenantScope.callAs(acme.id(), () -> lifecycle.history(client.id())))
                .extracting(ClientStatusChange::to, ClientStatusChange::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ClientStatus.PENDING, acme.user(StaffRole.SALES_ACCOUNT_MANAGER)),
                        org.assertj.core.groups.Tuple.tuple(ClientStatus.APPROVED, acme.user(StaffRole.NETWORK_OPERATIONS)),
                        org.assertj.core.groups.Tuple.tuple(ClientStatus.ACTIVE, "onboarding"));
        assertThat(tenantScope.callAs(acme.id(), () -> invoicing.openInvoices(client.id())))
                .singleElement().satisfies(invoice -> {
                    assertThat(invoice.total()).isEqualByComparingTo("2999.00");
                    assertThat(invoice.vat()).isEqualByComparingTo("413.66");
                    assertThat(invoice.status()).isEqualTo("issued");
                });
        assertThat(count("select count(*) from outbound_messages where client_id = ? and purpose = 'welcome'"
                + " and channel = 'sms' and recipient = '+254712345678'", client.id())).isEqualTo(1);
        assertThat(count("select count(*) from network_events where client_id = ? and event_type = 'service_activated'",
                client.id())).isEqualTo(1);
        assertThat(count("select count(*) from inventory_items where id = ? and status = 'assigned'"
                + " and assigned_client_id = ? and location = 'client premises'", onu1, client.id())).isEqualTo(1);
        assertThat(count("select count(*) from installations where client_id = ? and status = 'verified'"
                + " and mac_address = '4C:5E:0C:12:34:56' and ip_address = '10.20.30.40'", client.id())).isEqualTo(1);
    }

    @Test
    void nocRejectionEndsTheOnboardingAndTellsSales() {
        ClientDetails client = onboarding.register(acme, "Far Away Farm");
        onboarding.complete(onboarding.taskOf(client), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of(OnboardingVariables.NOC_DECISION, "reject",
                        OnboardingVariables.REJECTION_REASON, "No coverage beyond the river"));
        ProcessInstance process = onboardingOf(client);
        assertThat(process).isWaitingAt("Task_NotifySalesOfRejection");

        onboarding.runJobs(client);

        assertThat(process).isEnded();
        assertThat(statusOf(client)).isEqualTo(ClientStatus.REJECTED);
        UUID sales = staff.profileIdOf(acme.user(StaffRole.SALES_ACCOUNT_MANAGER)).orElseThrow();
        var notices = tenantScope.callAsStaff(acme.id(), sales,
                () -> notifications.mine(true, Pageable.ofSize(20)).getContent());
        assertThat(notices).filteredOn(notice -> client.id().equals(notice.relatedEntityId())
                && notice.message().contains("No coverage beyond the river")).hasSize(1);
    }

    /** What Tasklist's shared "Overdue" filter lists for a staff member of that role and company. */
    private List<String> overdueFor(TestCompany company, StaffRole role) {
        var overdue = engine.getFilterService().createFilterQuery().filterName("Overdue").singleResult();
        engine.getIdentityService().setAuthentication(company.user(role), List.of(role.id()),
                List.of(company.id().toString()));
        try {
            return engine.getFilterService().<org.camunda.bpm.engine.task.Task>list(overdue.getId()).stream()
                    .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void anOverdueApprovalIsEscalatedToTheAdministratorWithoutStoppingIt() {
        Instant registeredAt = Instant.parse("2026-11-23T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(registeredAt));
        ClientDetails client = onboarding.register(acme, "Slow Approval Ltd");
        ProcessInstance process = onboardingOf(client);
        var sla = managementService.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(sla.getDuedate().toInstant()).isEqualTo(registeredAt.plus(Duration.ofHours(24)));
        var approval = onboarding.taskOf(client);
        assertThat(approval.getDueDate().toInstant()).as("the queue shows when the approval is due")
                .isEqualTo(sla.getDuedate().toInstant());
        assertThat(approval.getDescription()).as("Tasklist's Description tab").contains("coverage");
        assertThat(overdueFor(acme, StaffRole.NETWORK_OPERATIONS)).isEmpty();

        ClockUtil.setCurrentTime(Date.from(registeredAt.plus(Duration.ofHours(25))));
        assertThat(overdueFor(acme, StaffRole.NETWORK_OPERATIONS)).containsExactly("Task_ApproveClient");
        assertThat(overdueFor(testCompanies.create(), StaffRole.NETWORK_OPERATIONS)).as("another company").isEmpty();
        managementService.executeJob(sla.getId());

        assertThat(process).isWaitingAt("Task_ApproveClient", "Task_FollowUpOverdueApproval");
        var followUp = onboarding.taskOf(client, "Task_FollowUpOverdueApproval");
        assertThat(followUp).hasCandidateGroup("isp_admin");
        onboarding.complete(followUp, acme, StaffRole.ISP_ADMIN, Map.of("nocChased", true, "followUpNote", "NOC on it"));
        assertThat(process).isWaitingAt("Task_ApproveClient");
        approve(client);
        assertThat(process).isWaitingAt("Task_AssignEquipment");
    }

    @Test
    void aRegistrationOverTheLicenceLimitIsRefusedAndCreatesNothing() {
        TestCompany small = testCompanies.create(LicenseType.STARTER, 1);
        onboarding.register(small, "First Client");

        assertThatThrownBy(() -> onboarding.register(small, "One Too Many"))
                .isInstanceOf(ClientLimitReached.class)
                .hasMessageContaining("allows 1 clients");

        assertThat(countIn(small, "select count(*) from clients where isp_company_id = ?", small.id())).isEqualTo(1);
        var refused = historyService.createHistoricActivityInstanceQuery().activityId("End_RegistrationRefused")
                .tenantIdIn(small.id().toString()).list();
        assertThat(refused).hasSize(1);
    }

    @Test
    void aRegistrationThatRacesPastTheTableIsStillRefused() {
        TestCompany small = testCompanies.create(LicenseType.STARTER, 1);
        onboarding.register(small, "First Client");
        Map<String, Object> registration = new HashMap<>(Map.of("name", "Raced In", "phone", "0712345678",
                "address", "Somewhere", "county", "Nairobi", "subCounty", "Westlands", "clientType", "individual",
                "connectionType", "fiber", "monthlyRate", "1500", "licenseType", "starter",
                "registeredBy", small.user(StaffRole.SALES_ACCOUNT_MANAGER)));

        ProcessInstance raced = tenantScope.callAs(small.id(), () -> runtimeService
                .createProcessInstanceByKey("clientOnboarding").startBeforeActivity("Task_RegisterClient")
                .setVariables(registration).execute());

        assertThat(raced).isEnded().hasPassed("Boundary_LimitReachedMeanwhile", "Task_RecordRefusal");
        var reason = historyService.createHistoricVariableInstanceQuery().processInstanceId(raced.getId())
                .variableName(OnboardingVariables.REFUSAL_REASON).singleResult();
        assertThat((String) reason.getValue()).contains("allows 1 clients");
        assertThat(countIn(small, "select count(*) from clients where isp_company_id = ?", small.id())).isEqualTo(1);
    }

    @Test
    void failedVisitsAreRescheduledAndALaterSuccessActivates() {
        ClientDetails client = onboarding.register(acme, "Hard To Reach");
        approve(client);
        assignEquipment(client, onu1);

        scheduleVisit(client);
        reportFailed(client);
        scheduleVisit(client);
        reportInstalled(client);
        verifyLink(client, "down");
        scheduleVisit(client);
        reportInstalled(client);
        verifyLink(client, "up");
        onboarding.runJobs(client);

        assertThat(onboardingOf(client)).isNull();
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
        assertThat(count("select count(*) from installations where client_id = ?", client.id())).isEqualTo(3);
    }

    @Test
    void afterThreeFailuresTheAdministratorDecidesAndMayTryAgain() {
        ClientDetails client = onboarding.register(acme, "Try Again Ltd");
        approve(client);
        assignEquipment(client, onu1);
        for (int visit = 0; visit < 3; visit++) {
            scheduleVisit(client);
            reportFailed(client);
        }
        var decision = onboarding.taskOf(client);
        assertThat(decision).hasDefinitionKey("Task_DecideAfterFailures").hasCandidateGroup("isp_admin");

        onboarding.complete(decision, acme, StaffRole.ISP_ADMIN,
                Map.of(InstallationVariables.ADMIN_DECISION, "retry"));
        scheduleVisit(client);
        reportInstalled(client);
        verifyLink(client, "up");
        onboarding.runJobs(client);

        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
    }

    @Test
    void anAbandonedInstallationRejectsTheClient() {
        ClientDetails client = onboarding.register(acme, "Give Up Ltd");
        approve(client);
        assignEquipment(client, onu1);
        for (int visit = 0; visit < 3; visit++) {
            scheduleVisit(client);
            reportFailed(client);
        }
        onboarding.complete(onboarding.taskOf(client), acme, StaffRole.ISP_ADMIN,
                Map.of(InstallationVariables.ADMIN_DECISION, "abandon"));

        ProcessInstance process = onboardingOf(client);
        assertThat(process).isWaitingAt("Task_NotifySalesOfRejection");
        onboarding.runJobs(client);

        assertThat(statusOf(client)).isEqualTo(ClientStatus.REJECTED);
        assertThat(tenantScope.callAs(acme.id(), () -> lifecycle.history(client.id())).get(2).reason())
                .isEqualTo("Installation abandoned after repeated failed visits");
    }
    

    @Test
    void equipmentTakenByAnotherClientMeanwhileSendsTheChoiceBack() {
        ClientDetails first = onboarding.register(acme, "First Come");
        ClientDetails second = onboarding.register(acme, "Second Served");
        approve(first);
        approve(second);
        var secondsTask = onboarding.taskOf(second, "Task_AssignEquipment");

        assignEquipment(first, onu1);
        onboarding.complete(secondsTask, acme, StaffRole.INFRASTRUCTURE_ASSET, Map.of(OnboardingVariables.EQUIPMENT_ID, onu1.toString()));

        ProcessInstance process = onboardingOf(second);
        assertThat(process).isWaitingAt("Task_AssignEquipment").hasPassed("Boundary_EquipmentTaken");
        assertThat((String) runtimeService.getVariable(process.getId(), OnboardingVariables.EQUIPMENT_PROBLEM))
                .contains("no longer available");
        assertThat((String) runtimeService.getVariable(process.getId(), OnboardingVariables.EQUIPMENT_OPTIONS).toString())
                .doesNotContain(onu1.toString());
    }

    @Test
    void noPathActivatesAClientWithoutApprovalAndVerifiedInstallation() {
        ClientDetails client = onboarding.register(acme, "Impatient Customer");

        assertThatThrownBy(() -> tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx ->
                jdbc.update("update clients set status = 'active' where id = ?", client.id()))))
                .rootCause().hasMessageContaining("a client cannot go from pending to active");
        assertThatThrownBy(() -> tenantScope.runAs(acme.id(), () -> lifecycle.activate(client.id(), "someone")))
                .isInstanceOf(StatusChangeRefused.class).hasMessageContaining("no verified installation");
        approve(client);
        assertThatThrownBy(() -> tenantScope.runAs(acme.id(), () -> lifecycle.activate(client.id(), "someone")))
                .isInstanceOf(StatusChangeRefused.class).hasMessageContaining("no verified installation");
        assertThat(statusOf(client)).isEqualTo(ClientStatus.APPROVED);
    }

    long count(String sql, Object... args) {
        return countIn(acme, sql, args);
    }

    long countIn(TestCompany company, String sql, Object... args) {
        return tenantScope.callAs(company.id(),
                () -> transactions.execute(tx -> jdbc.queryForObject(sql, Long.class, args)));
    }
}
