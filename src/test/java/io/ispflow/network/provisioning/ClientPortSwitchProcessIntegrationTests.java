package io.ispflow.network.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientType;
import io.ispflow.demo.snmp.IfMibAgent;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Api;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.FullProcessCoverage;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;
import io.ispflow.testing.TestDevices;

/**
 * A client's access port switched over SNMP on the in-process IF-MIB agent: down when he is suspended,
 * up when he is restored, read back after each SET; refused SETs retried on the engine's clock, then
 * handed to NOC with a Cockpit incident; a device without write access straight to NOC; a client
 * without a recorded port only logged.
 */
@IntegrationTest
@Tag("own-context")
@Import(FullProcessCoverage.class)
class ClientPortSwitchProcessIntegrationTests {

    static final String PROCESS = PortSwitchVariables.PROCESS_KEY;

    static IfMibAgent agent;

    @Autowired
    ClientLifecycle lifecycle;
    @Autowired
    SubscriptionFixture subscriptions;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    TestDevices devices;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    TestRestTemplate http;

    TestCompany acme;

    @BeforeAll
    static void anAccessSwitch() {
        agent = IfMibAgent.start(16);
    }

    @AfterAll
    static void switchOff() {
        agent.close();
    }

    @BeforeEach
    void aCompany() {
        acme = testCompanies.create();
        agent.refuseSets(false);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        agent.refuseSets(false);
    }

    @Test
    void aSuspendedClientsPortGoesDownOverV2cAndReadsBackDown() {
        ClientDetails client = clientOn(v2cSwitch(true), 3);
        agent.setAdminStatus(3, IfMibAgent.UP);

        suspend(client);
        ProcessInstance process = switchOf(client);
        assertThat(agent.adminStatus(3)).as("nothing switched before the job runs").isEqualTo(IfMibAgent.UP);
        dueJobs.ofProcessInstance(process.getId());

        assertThat(agent.adminStatus(3)).isEqualTo(IfMibAgent.DOWN);
        assertThat(process).isEnded().hasPassed("Task_SwitchPort", "End_PortSwitched");
        assertThat(events(client)).containsExactly("service_suspended", "port_disabled");
        assertThat(eventData(client, "port_disabled")).contains("\"adminStatus\": \"down\"", "\"ifIndex\": 3",
                "\"portName\": \"" + IfMibAgent.interfaceName(3) + "\"");
        assertThat(eventData(client, "service_suspended")).contains("\"provisioner\": \"snmp\"");
    }

    @Test
    void aRestoredClientsPortComesUpOverV3() {
        ClientDetails client = clientOn(v3Switch(true), 4);
        agent.setAdminStatus(4, IfMibAgent.UP);
        suspend(client);
        dueJobs.ofProcessInstance(switchOf(client).getId());
        assertThat(agent.adminStatus(4)).isEqualTo(IfMibAgent.DOWN);

        inAcme(() -> lifecycle.reactivate(client.id(), "test", "Paid"));
        ProcessInstance restoring = switchOf(client);
        assertThat(restoring).hasVariables("wantedState").variables().containsEntry("wantedState", "up");
        dueJobs.ofProcessInstance(restoring.getId());

        assertThat(agent.adminStatus(4)).isEqualTo(IfMibAgent.UP);
        assertThat(events(client)).containsExactly("service_suspended", "port_disabled", "service_reactivated",
                "port_enabled");
    }

    @Test
    void aRefusedSetIsRetriedThenNocSwitchesByHandWhileCockpitShowsAnIncident() {
        UUID device = v2cSwitch(true);
        ClientDetails client = clientOn(device, 5);
        agent.setAdminStatus(5, IfMibAgent.UP);
        agent.refuseSets(true);
        suspend(client);
        ProcessInstance process = switchOf(client);

        failedAttempt(process, 2);
        failedAttempt(process, 1);
        assertThat(incidents(process)).as("no incident while attempts are left").isZero();
        lastAttempt(process);

        assertThat(agent.adminStatus(5)).isEqualTo(IfMibAgent.UP);
        Task task = manualTask(process);
        assertThat(task).hasCandidateGroup("network_operations");
        assertThat(task.getCamundaFormRef().getKey()).isEqualTo("switchClientPortManually");
        assertThat(taskService.getVariables(task.getId())).containsEntry("deviceName", "Switch " + device)
                .containsEntry("deviceAddress", "127.0.0.1:" + agent.port()).containsEntry("ifIndex", 5)
                .containsEntry("portName", IfMibAgent.interfaceName(5)).containsEntry("wantedState", "down")
                .containsEntry("wantedStateText", "down (service suspended)")
                .containsEntry("accountNumber", client.accountNumber()).containsEntry("name", client.name())
                .hasEntrySatisfying("switchFailure", f -> assertThat((String) f).contains("Commit failed"))
                .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("Unpaid renewal"));
        assertThat(incidents(process)).isOne();
        assertThat(cockpitIncidents(process, acme.user(StaffRole.ISP_ADMIN))).containsExactly("portSwitchFailed");
        assertThat(eventOf(client, "port_switch_failed")).containsEntry("success", false)
                .hasEntrySatisfying("error_message", e -> assertThat((String) e).contains("Commit failed"))
                .containsEntry("equipment_id", device);

        var answer = api().post("/engine-rest/task/" + task.getId() + "/complete", acme.user(StaffRole.NETWORK_OPERATIONS),
                Map.of("variables", Map.of("switchDecision", Map.of("value", "manual"),
                        "switchNote", Map.of("value", "Shut on the console"))));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(process).isEnded().hasPassed("Task_RecordManualSwitch", "End_SwitchedByHand");
        assertThat(incidents(process)).isZero();
        assertThat(historyService.createHistoricIncidentQuery().processInstanceId(process.getId())
                .incidentType("portSwitchFailed").resolved().count()).isOne();
        assertThat(eventData(client, "port_switched_manually")).contains(
                "\"by\": \"" + acme.user(StaffRole.NETWORK_OPERATIONS) + "\"", "Shut on the console");
    }

    @Test
    void tryingAgainAfterTheDeviceAcceptsWritesSwitchesThePort() {
        ClientDetails client = clientOn(v3Switch(true), 6);
        agent.setAdminStatus(6, IfMibAgent.UP);
        agent.refuseSets(true);
        suspend(client);
        ProcessInstance process = switchOf(client);
        failedAttempt(process, 2);
        failedAttempt(process, 1);
        lastAttempt(process);

        agent.refuseSets(false);
        onboarding.complete(manualTask(process), acme, StaffRole.NETWORK_OPERATIONS, Map.of("switchDecision", "retry"));
        assertThat(incidents(process)).as("resolved with the task").isZero();
        dueJobs.ofProcessInstance(process.getId());

        assertThat(agent.adminStatus(6)).isEqualTo(IfMibAgent.DOWN);
        assertThat(process).isEnded().hasPassed("Gateway_SwitchAutomatically", "End_PortSwitched");
        assertThat(events(client)).containsExactly("service_suspended", "port_switch_failed", "port_disabled");
    }

    @Test
    void aDeviceWithoutWriteAccessGoesStraightToNocWithoutASet() {
        ClientDetails client = clientOn(v2cSwitch(false), 7);
        agent.setAdminStatus(7, IfMibAgent.UP);
        long served = agent.requestsServed();
        suspend(client);
        ProcessInstance process = switchOf(client);

        dueJobs.ofProcessInstance(process.getId());

        assertThat(agent.requestsServed()).as("no SET tried").isEqualTo(served);
        assertThat(agent.adminStatus(7)).isEqualTo(IfMibAgent.UP);
        Task task = manualTask(process);
        assertThat((String) taskService.getVariable(task.getId(), "switchFailure"))
                .contains("has no SNMP write access", "by hand");
        assertThat(incidents(process)).isOne();
    }

    @Test
    void aCompletionThatNamesAnotherClientsPortIsRefused() {
        UUID device = v2cSwitch(false);
        ClientDetails client = clientOn(device, 10);
        ClientDetails neighbour = clientOn(device, 11);
        suspend(client);
        ProcessInstance process = switchOf(client);
        dueJobs.ofProcessInstance(process.getId());
        Task task = manualTask(process);

        var answer = api().post("/engine-rest/task/" + task.getId() + "/complete", acme.user(StaffRole.NETWORK_OPERATIONS),
                Map.of("variables", Map.of("switchDecision", Map.of("value", "manual"),
                        "ifIndex", Map.of("value", 11, "type", "Integer"))));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).contains("is not recorded for the process's client");
        assertThat(process).isWaitingAt("Task_SwitchManually");
        assertThat(events(neighbour)).isEmpty();
        assertThat(events(client)).doesNotContain("port_switched_manually");
    }

    @Test
    void aClientWithoutARecordedPortIsOnlyLogged() {
        ClientDetails client = subscriptions.activeClient(acme, "Portless Client", ClientType.INDIVIDUAL);

        suspend(client);

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(client.accountNumber()).tenantIdIn(acme.id().toString()).count()).isZero();
        assertThat(events(client)).containsExactly("service_suspended");
        assertThat(eventData(client, "service_suspended")).contains("\"provisioner\": \"logging\"");
    }

    @Test
    void aRestorationBeforeTheSuspensionRanReplacesIt() {
        ClientDetails client = clientOn(v2cSwitch(true), 8);
        agent.setAdminStatus(8, IfMibAgent.UP);
        suspend(client);
        inAcme(() -> lifecycle.reactivate(client.id(), "test", "Paid at once"));

        ProcessInstance process = switchOf(client);
        assertThat(process).variables().containsEntry("wantedState", "up");
        dueJobs.ofProcessInstance(process.getId());

        assertThat(agent.adminStatus(8)).isEqualTo(IfMibAgent.UP);
        assertThat(events(client)).containsExactly("service_suspended", "service_reactivated", "port_enabled");
    }

    @Test
    void anotherCompanysStaffSeeNeitherTheSwitchNorItsTaskNorItsIncident() {
        ClientDetails client = clientOn(v2cSwitch(false), 9);
        suspend(client);
        ProcessInstance process = switchOf(client);
        dueJobs.ofProcessInstance(process.getId());
        TestCompany savanna = testCompanies.create();
        String tasks = "/engine-rest/task?processDefinitionKey=" + PROCESS;
        String instances = "/engine-rest/process-instance?processDefinitionKey=" + PROCESS;

        assertThat(ids(tasks, acme.user(StaffRole.NETWORK_OPERATIONS))).containsExactly(manualTask(process).getId());
        assertThat(ids(instances, acme.user(StaffRole.NETWORK_OPERATIONS))).containsExactly(process.getId());
        assertThat(ids(tasks, savanna.user(StaffRole.NETWORK_OPERATIONS))).isEmpty();
        assertThat(ids(instances, savanna.user(StaffRole.NETWORK_OPERATIONS))).isEmpty();
        assertThat(ids(tasks, acme.user(StaffRole.CUSTOMER_SUPPORT))).as("not support's work").isEmpty();
        assertThat(ids(instances, acme.user(StaffRole.CUSTOMER_SUPPORT))).isEmpty();
        assertThat(cockpitIncidents(process, savanna.user(StaffRole.ISP_ADMIN))).isEmpty();
        assertThat(api().post("/engine-rest/process-definition/key/" + PROCESS + "/start",
                acme.user(StaffRole.NETWORK_OPERATIONS), Map.of()).status()).as("a system process").isEqualTo(403);
    }

    // --- steps

    UUID v2cSwitch(boolean writeAccess) {
        return named(inAcme(() -> devices.add(acme.id(), "tmp-" + UUID.randomUUID(), agent.port(),
                new SnmpCredentials.V2c(agent.readCommunity(), agent.writeCommunity()), writeAccess, 60)));
    }

    UUID v3Switch(boolean writeAccess) {
        return named(inAcme(() -> devices.add(acme.id(), "tmp-" + UUID.randomUUID(), agent.port(),
                new SnmpCredentials.V3(agent.user(), SnmpCredentials.AuthProtocol.valueOf(agent.auth().name()),
                        agent.authPassphrase(), SnmpCredentials.PrivProtocol.AES128, agent.privPassphrase()),
                writeAccess, 60)));
    }

    /** Names the device after its id, so that a test can expect the name. */
    UUID named(UUID device) {
        inAcme(() -> jdbc.update("update equipment set name = ? where id = ?", "Switch " + device, device));
        return device;
    }

    ClientDetails clientOn(UUID device, int ifIndex) {
        ClientDetails client = subscriptions.activeClient(acme, "Port Client " + ifIndex, ClientType.INDIVIDUAL);
        inAcme(() -> jdbc.update("""
                insert into client_equipment (client_id, equipment_id, network_config, isp_company_id)
                values (?, ?, jsonb_build_object('ifIndex', ?::int, 'ifName', ?::text), ?)""",
                client.id(), device, ifIndex, IfMibAgent.interfaceName(ifIndex), acme.id()));
        return client;
    }

    void suspend(ClientDetails client) {
        inAcme(() -> lifecycle.suspend(client.id(), "test", "Unpaid renewal"));
    }

    ProcessInstance switchOf(ClientDetails client) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(client.accountNumber()).tenantIdIn(acme.id().toString()).singleResult();
    }

    /** One attempt that fails, then the engine's clock moves to the next one. */
    void failedAttempt(ProcessInstance process, int retriesLeft) {
        Job job = job(process);
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(PortSwitchFailed.class)
                .hasMessageContaining("Commit failed");
        Job failed = job(process);
        assertThat(failed.getRetries()).isEqualTo(retriesLeft);
        assertThat(failed.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        ClockUtil.setCurrentTime(Date.from(failed.getDuedate().toInstant().plusSeconds(1)));
    }

    void lastAttempt(ProcessInstance process) {
        managementService.executeJob(job(process).getId());
        assertThat(process).isWaitingAt("Task_SwitchManually");
    }

    Job job(ProcessInstance process) {
        return managementService.createJobQuery().processInstanceId(process.getId()).singleResult();
    }

    Task manualTask(ProcessInstance process) {
        return taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey("Task_SwitchManually").initializeFormKeys().singleResult();
    }

    long incidents(ProcessInstance process) {
        return runtimeService.createIncidentQuery().processInstanceId(process.getId())
                .incidentType("portSwitchFailed").count();
    }

    /** The incidents of the instance as Cockpit shows them to this user (engine REST, his authorizations). */
    List<String> cockpitIncidents(ProcessInstance process, String user) {
        var answer = api().get("/engine-rest/incident?processInstanceId=" + process.getId(), user);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().findValuesAsText("incidentType");
    }

    List<String> ids(String path, String user) {
        var answer = api().get(path, user);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().findValuesAsText("id");
    }

    List<String> events(ClientDetails client) {
        return inAcme(() -> jdbc.queryForList(
                "select event_type from network_events where client_id = ? order by created_at, event_type",
                String.class, client.id()));
    }

    String eventData(ClientDetails client, String type) {
        return String.valueOf(eventOf(client, type).get("event_data"));
    }

    Map<String, Object> eventOf(ClientDetails client, String type) {
        return inAcme(() -> jdbc.queryForMap(
                "select * from network_events where client_id = ? and event_type = ?", client.id(), type));
    }

    Api api() {
        return new Api(http);
    }

    void inAcme(Runnable work) {
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> work.run()));
    }

    <T> T inAcme(java.util.function.Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
