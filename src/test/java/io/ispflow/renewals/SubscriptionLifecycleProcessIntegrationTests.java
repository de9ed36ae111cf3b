package io.ispflow.renewals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Subscription;
import io.ispflow.billing.SubscriptionState;
import io.ispflow.billing.Subscriptions;
import io.ispflow.billing.WalletCredits;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientStatus;
import io.ispflow.clients.ClientType;
import io.ispflow.platform.TenantScope;
import io.ispflow.platform.calendar.PublicHolidays;
import io.ispflow.renewals.process.LifecyclePeriods;
import io.ispflow.renewals.process.LifecycleVariables;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.FullProcessCoverage;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The subscription lifecycle on real PostgreSQL, the engine's clock moved from morning to morning:
 * renewal from the wallet, grace with reminders, suspension by the policy (never on a Sunday or public
 * holiday), restoration when the client pays, a promise to pay, a contract client's escalation and the
 * disconnection with the equipment's recovery.
 */
@IntegrationTest
@Tag("own-context")
@Import(FullProcessCoverage.class)
class SubscriptionLifecycleProcessIntegrationTests {

    static final BigDecimal RATE = SubscriptionFixture.RATE;

    @Autowired
    Subscriptions subscriptions;
    @Autowired
    WalletCredits wallet;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TestCompanies testCompanies;
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
    DueJobs dueJobs;
    @Autowired
    SubscriptionFixture fixture;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    PublicHolidays holidays;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    SubscriptionLifecycles lifecycles;
    @Autowired
    SubscriptionHolds holds;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    TestCompany acme;

    @BeforeEach
    void aCompany() {
        acme = testCompanies.create();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aWalletThatHoldsEnoughRenewsThePeriodAndTheProcessWaitsForTheNext() {
        ClientDetails client = activeClient("Prepaid Household", ClientType.INDIVIDUAL);
        inAcme(() -> wallet.credit(client.id(), new BigDecimal("6000.00"), "prepaid", "test"));
        ProcessInstance process = subscribe(client);
        Subscription first = subscription(client);

        toPeriodEnd(process);

        Subscription renewed = subscription(client);
        assertThat(renewed.periodStart()).isEqualTo(first.periodEnd().plusDays(1));
        assertThat(renewed.paidThrough()).isEqualTo(renewed.periodEnd());
        assertThat(process).isWaitingAt("Timer_PeriodEnds");
        assertThat(passed(process)).contains("Task_SendReceipt");
        assertThat(timerDue(process)).isEqualTo(LifecyclePeriods.periodEndsAt(renewed.periodEnd()));
        assertThat(texts(client, "invoice_issued")).anySatisfy(t -> assertThat(t).contains("is paid from your wallet"));
    }

    @Test
    void anUnpaidRenewalIsRemindedSuspendedOnAWorkingDayAndRestoredWhenPaid() {
        ClientDetails client = activeClient("Late Payer", ClientType.INDIVIDUAL);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test")); // the first month is paid
        toPeriodEnd(process);

        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.GRACE);
        assertThat(process).isWaitingAt("Task_RecordPromise", "Timer_NextMorning");
        assertThat(taskOf(process)).hasCandidateGroup("customer_support").hasCandidateGroup("billing_finance");
        LocalDate due = dueDayOf(client);

        LocalDate suspendedOn = morningsUntilSuspended(process, due.plusDays(10));

        assertThat(suspendedOn).isAfterOrEqualTo(due.plusDays(3));
        assertThat(holidays.isRestDay(suspendedOn)).as("never on a Sunday or public holiday").isFalse();
        assertThat(texts(client, "payment_reminder")).as("two days before and on the due day").hasSize(2);
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.SUSPENDED);
        assertThat(statusOf(client)).isEqualTo(ClientStatus.SUSPENDED);
        assertThat(texts(client, "service_suspended")).singleElement().asString().contains("KES 2999.00");
        assertThat(process).isWaitingAt("Gateway_PaidOrTooLong");

        pay(client, RATE);
        dueJobs.ofProcessInstance(process.getId());

        assertThat(process).isWaitingAt("Timer_PeriodEnds");
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
        Subscription restored = subscription(client);
        assertThat(restored.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(restored.periodStart()).as("days suspended are not billed").isEqualTo(LifecyclePeriods.today());
        assertThat(texts(client, "service_restored")).hasSize(1);
    }

    @Test
    void aPaymentInGraceEndsItWithoutSuspension() {
        ClientDetails client = activeClient("Pays In Grace", ClientType.INDIVIDUAL);
        inAcme(() -> jdbc.update("update clients set language = 'sw' where id = ?", client.id()));
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        toPeriodEnd(process);
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.GRACE);

        assertThat(texts(client, "invoice_issued")).as("in the client's language").singleElement().asString()
                .startsWith("Habari Pays In Grace, ankara");
        pay(client, RATE);

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(process).isWaitingAt("Timer_PeriodEnds"));
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(taskService.createTaskQuery().processInstanceId(process.getId()).count())
                .as("the call to the client is no longer needed").isZero();
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
    }

    @Test
    void aPromiseToPayHoldsOffTheSuspensionUntilItsDay() {
        ClientDetails client = activeClient("Promised Payer", ClientType.INDIVIDUAL);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        toPeriodEnd(process);
        LocalDate due = dueDayOf(client);
        LocalDate promised = due.plusDays(6); // past the 3 days of grace the policy gives

        onboarding.complete(taskOf(process), acme, StaffRole.CUSTOMER_SUPPORT, Map.of("promisedUntil", promised.toString()));

        assertThat(subscription(client).promisedUntil()).isEqualTo(promised);
        LocalDate suspendedOn = morningsUntilSuspended(process, promised.plusDays(10));
        assertThat(suspendedOn).isAfter(promised);
    }

    @Test
    void aPromiseTooFarOffOrASecondOneIsRefusedAndTheTaskStaysOpen() {
        ClientDetails client = activeClient("Promises Much", ClientType.INDIVIDUAL);
        ProcessInstance process = fixture.inGrace(acme, client);
        Task call = taskOf(process);
        LocalDate tooLate = dueDayOf(client).plusDays(8);

        assertThatThrownBy(() -> onboarding.complete(call, acme, StaffRole.CUSTOMER_SUPPORT,
                Map.of("promisedUntil", tooLate.toString())))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
                .hasMessageContaining("days past the due day");
        assertThatThrownBy(() -> onboarding.complete(call, acme, StaffRole.CUSTOMER_SUPPORT,
                Map.of("promisedUntil", "next Friday")))
                .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
        assertThat(taskOf(process).getId()).isEqualTo(call.getId());
        assertThat(subscription(client).promisedUntil()).isNull();
    }

    @Test
    void aCreditThatClearsTheArrearsIsSeenAtTheNextMorningsCheck() {
        ClientDetails client = activeClient("Credited By Finance", ClientType.INDIVIDUAL);
        ProcessInstance process = fixture.inGrace(acme, client);

        fixture.credit(acme, client, RATE); // a goodwill credit: no payment, no PaymentCredited
        fixture.nextMorning(process);

        assertThat(passed(process)).contains("End_ArrearsCleared", "Task_ConfirmPayment");
        assertThat(process).isWaitingAt("Timer_PeriodEnds");
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.ACTIVE);
    }

    @Test
    void aPaymentBetweenThePolicysDecisionAndTheSuspensionPreventsIt() {
        ClientDetails client = activeClient("Just In Time", ClientType.INDIVIDUAL);
        ProcessInstance process = fixture.inGrace(acme, client);
        LocalDate due = dueDayOf(client);
        String suspension = null;
        while (suspension == null && LifecyclePeriods.today().isBefore(due.plusDays(10))) {
            Date next = (Date) runtimeService.getVariable(process.getId(), LifecycleVariables.NEXT_CHECK_AT);
            ClockUtil.setCurrentTime(Date.from(next.toInstant().plusSeconds(60)));
            managementService.executeJob(managementService.createJobQuery().processInstanceId(process.getId())
                    .activityId("Timer_NextMorning").singleResult().getId());
            var job = managementService.createJobQuery().processInstanceId(process.getId())
                    .activityId("Task_SuspendService").singleResult();
            suspension = job == null ? null : job.getId();
            if (suspension == null) {
                dueJobs.ofProcessInstance(process.getId()); // reminders
            }
        }
        assertThat(suspension).as("the policy decided to suspend").isNotNull();

        fixture.credit(acme, client, RATE); // paid before the suspension step runs: no event needed
        dueJobs.ofProcessInstance(process.getId());

        assertThat(passed(process)).contains("Gateway_Suspended", "Task_ConfirmPayment");
        assertThat(process).isWaitingAt("Timer_PeriodEnds");
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(texts(client, "service_suspended")).isEmpty();
    }

    @Test
    void anAccountManagersAgreedDateKeepsTheContractClientServedUntilThen() {
        ClientDetails client = activeClient("Ministry Office", ClientType.GOVERNMENT);
        ProcessInstance process = fixture.inGrace(acme, client);
        LocalDate due = dueDayOf(client);
        Task decision = morningsUntilTask(process, "Task_DecideArrears", due.plusDays(10));
        LocalDate agreed = LifecyclePeriods.today().plusDays(14);

        onboarding.complete(decision, acme, StaffRole.SALES_ACCOUNT_MANAGER,
                Map.of("contractDecision", "agree", "agreedDate", agreed.toString()));

        assertThat(subscription(client).promisedUntil()).isEqualTo(agreed);
        assertThat(process).isWaitingAt("Task_RecordPromise", "Timer_NextMorning");
        fixture.nextMorning(process);
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
        assertThat(taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("Task_DecideArrears")
                .count()).as("no new decision while the agreed date holds").isZero();
    }

    @Test
    void anAnalystsEditOfThePolicyChangesWhenClientsAreSuspended() throws java.io.IOException {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of("dmn/suspension-policy.dmn"));
        // the analyst gives five days of grace instead of three
        String edited = table.replace("<text>&lt; 3</text>", "<text>&lt; 5</text>")
                .replace("<text>&gt;= 3</text>", "<text>&gt;= 5</text>");
        assertThat(edited).isNotEqualTo(table);
        var deployment = repositoryService.createDeployment().name("dmn/suspension-policy.dmn")
                .addString("dmn/suspension-policy.dmn", edited).deploy();
        try {
            ClientDetails client = activeClient("Five Days Grace", ClientType.INDIVIDUAL);
            ProcessInstance process = fixture.inGrace(acme, client);
            LocalDate due = dueDayOf(client);

            LocalDate suspendedOn = morningsUntilSuspended(process, due.plusDays(12));

            assertThat(suspendedOn).isAfterOrEqualTo(due.plusDays(5));
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void thePromiseTaskIsSupportsAndFinancesInTheClientsCompanyOnly() {
        ClientDetails client = activeClient("Guarded Task", ClientType.INDIVIDUAL);
        ProcessInstance process = fixture.inGrace(acme, client);
        Task call = taskOf(process);
        var promise = Map.<String, Object>of("promisedUntil", dueDayOf(client).toString());
        TestCompany rival = testCompanies.create();

        assertThatThrownBy(() -> onboarding.complete(call, rival, StaffRole.CUSTOMER_SUPPORT, promise))
                .as("another company's support").isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        assertThatThrownBy(() -> onboarding.complete(call, acme, StaffRole.NETWORK_OPERATIONS, promise))
                .as("a role the task does not name").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(taskOf(process).getId()).isEqualTo(call.getId());

        onboarding.complete(call, acme, StaffRole.BILLING_FINANCE, promise);
        assertThat(subscription(client).promisedUntil()).isEqualTo(dueDayOf(client));
    }

    @Test
    void aContractClientGoesToHisAccountManagerWhoMaySuspendHim() {
        ClientDetails client = activeClient("County Offices", ClientType.GOVERNMENT);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        toPeriodEnd(process);
        LocalDate due = dueDayOf(client);

        Task decision = morningsUntilTask(process, "Task_DecideArrears", due.plusDays(10));

        assertThat(decision).hasCandidateGroup("sales_account_manager");
        assertThat(statusOf(client)).as("not suspended automatically").isEqualTo(ClientStatus.ACTIVE);
        onboarding.complete(decision, acme, StaffRole.SALES_ACCOUNT_MANAGER, Map.of("contractDecision", "suspend"));
        dueJobs.ofProcessInstance(process.getId());
        assertThat(statusOf(client)).isEqualTo(ClientStatus.SUSPENDED);
        assertThat(subscription(client).stateReason()).isEqualTo("Suspended by the account manager");
    }

    @Test
    void suspendedTooLongTheClientIsDisconnectedAndHisEquipmentRecovered() {
        ClientDetails client = activeClient("Never Paid", ClientType.INDIVIDUAL);
        UUID onu = onboarding.receiveOnu(acme, "ONU-DC-" + UUID.randomUUID().toString().substring(0, 6));
        onboarding.deployedAt(acme, onu, client);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        toPeriodEnd(process);
        LocalDate due = dueDayOf(client);
        morningsUntilSuspended(process, due.plusDays(10));

        Date disconnectAt = (Date) runtimeService.getVariable(process.getId(), LifecycleVariables.DISCONNECT_AT);
        ClockUtil.setCurrentTime(Date.from(disconnectAt.toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());

        assertThat(statusOf(client)).isEqualTo(ClientStatus.DISCONNECTED);
        assertThat(texts(client, "service_disconnected")).hasSize(1);
        Task recover = taskOf(process);
        assertThat(recover.getTaskDefinitionKey()).isEqualTo("Task_RecoverEquipment");
        assertThat(recover).hasCandidateGroup("infrastructure_asset");
        assertThat((String) taskService.getVariable(recover.getId(), LifecycleVariables.EQUIPMENT_HELD)).contains("ONU-DC-");
        onboarding.complete(recover, acme, StaffRole.INFRASTRUCTURE_ASSET, Map.of("equipmentCollected", true));

        assertThat(process).isEnded();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getEndActivityId()).isEqualTo("End_Disconnected");
        assertThat(inAcme(() -> jdbc.queryForMap("select status, assigned_client_id, location from inventory_items"
                + " where id = ?", onu))).containsEntry("status", "returned").containsEntry("assigned_client_id", null)
                .containsEntry("location", null);
        assertThat(inAcme(() -> subscriptions.liveOf(client.id()))).isEmpty();
    }

    @Test
    void periodsMissedWhileThePlatformWasDownAreCaughtUpOnceEachAsFarAsTheWalletPays() {
        ClientDetails client = activeClient("Back From Downtime", ClientType.INDIVIDUAL);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE.multiply(new BigDecimal("3")), "first and two more", "test"));
        LocalDate firstEnd = subscription(client).periodEnd();

        // the platform comes back three and a half months later; every timer due since then fires
        ClockUtil.setCurrentTime(Date.from(timerDue(process).toInstant().plus(Duration.ofDays(105))));
        dueJobs.ofProcessInstance(process.getId());

        // months 2 and 3 paid from the wallet, month 4 unpaid: grace, not a fourth or fifth invoice
        List<Map<String, Object>> invoices = inAcme(() -> jdbc.queryForList(
                "select period_start, status from invoices where client_id = ? order by period_start", client.id()));
        assertThat(invoices).extracting(row -> row.get("status")).containsExactly("paid", "paid", "paid", "issued");
        assertThat(invoices.subList(1, invoices.size()))
                .extracting(row -> ((java.sql.Date) row.get("period_start")).toLocalDate())
                .as("each missed period once, one after the other").containsExactly(firstEnd.plusDays(1),
                        firstEnd.plusDays(1).plusMonths(1), firstEnd.plusDays(1).plusMonths(2));
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.GRACE);
        assertThat(process).isWaitingAt("Task_RecordPromise", "Timer_NextMorning");
    }

    /**
     * A new version of the model leaves running instances on theirs; the operator moves the waiting ones
     * with Camunda's migration API, as README describes: generate the plan, execute it for the old
     * version's instances. Timers keep their due dates and the instances go on on the new version.
     */
    @Test
    void waitingLifecyclesAreMigratedToTheNextVersionAndGoOnThere() throws java.io.IOException {
        ClientDetails renewing = activeClient("Waits For Month End", ClientType.INDIVIDUAL);
        ClientDetails inGrace = activeClient("Waits In Grace", ClientType.INDIVIDUAL);
        ClientDetails suspended = activeClient("Waits Suspended", ClientType.INDIVIDUAL);
        ProcessInstance renewingProcess = subscribe(renewing);
        ProcessInstance suspendedProcess = fixture.inGrace(acme, suspended);
        morningsUntilSuspended(suspendedProcess, dueDayOf(suspended).plusDays(10));
        ProcessInstance graceProcess = fixture.inGrace(acme, inGrace);
        Date renewalDue = timerDue(renewingProcess);
        Date disconnectionDue = timerDue(suspendedProcess);
        String v1 = renewingProcess.getProcessDefinitionId();

        // the analyst's next version: a step renamed, everything else as it was
        String model = java.nio.file.Files.readString(java.nio.file.Path.of("processes/subscription-lifecycle.bpmn"));
        String edited = model.replace("name=\"Send reminder\"", "name=\"Send payment reminder\"");
        assertThat(edited).isNotEqualTo(model);
        var builder = repositoryService.createDeployment().name("processes/subscription-lifecycle.bpmn")
                .addString("processes/subscription-lifecycle.bpmn", edited);
        for (String form : List.of("record-promise-to-pay", "decide-contract-arrears", "recover-equipment")) {
            builder.addString("forms/" + form + ".form",
                    java.nio.file.Files.readString(java.nio.file.Path.of("forms/" + form + ".form")));
        }
        var deployment = builder.deploy();
        try {
            String v2 = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult().getId();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(graceProcess.getId())
                    .singleResult().getProcessDefinitionId()).as("running instances keep their version").isEqualTo(v1);

            String operator = testCompanies.superAdmin();
            var api = new io.ispflow.testing.Api(http);
            var plan = api.post("/engine-rest/migration/generate", operator, Map.of("sourceProcessDefinitionId", v1,
                    "targetProcessDefinitionId", v2, "updateEventTriggers", true));
            assertThat(plan.status()).as(plan.body().toString()).isEqualTo(200);
            var migrated = api.post("/engine-rest/migration/execute", operator, Map.of("migrationPlan", plan.body(),
                    "processInstanceQuery", Map.of("processDefinitionId", v1, "tenantIdIn", List.of(acme.id().toString()))));
            assertThat(migrated.status()).as(String.valueOf(migrated.body())).isEqualTo(204);

            for (ProcessInstance process : List.of(renewingProcess, graceProcess, suspendedProcess)) {
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                        .getProcessDefinitionId()).isEqualTo(v2);
            }
            assertThat(renewingProcess).isWaitingAt("Timer_PeriodEnds");
            assertThat(timerDue(renewingProcess)).isEqualTo(renewalDue);
            assertThat(graceProcess).isWaitingAt("Task_RecordPromise", "Timer_NextMorning");
            assertThat(suspendedProcess).isWaitingAt("Gateway_PaidOrTooLong");
            assertThat(timerDue(suspendedProcess)).isEqualTo(disconnectionDue);

            // and they go on there: the grace morning reminds with the new step, the suspended client pays
            Supplier<Long> reminders = () -> historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(graceProcess.getId()).activityName("Send payment reminder").count();
            for (int morning = 0; morning < 7 && reminders.get() == 0; morning++) {
                fixture.nextMorning(graceProcess);
            }
            assertThat(reminders.get()).isPositive();
            pay(suspended, RATE);
            dueJobs.ofProcessInstance(suspendedProcess.getId());
            assertThat(statusOf(suspended)).isEqualTo(ClientStatus.ACTIVE);
            assertThat(suspendedProcess).isWaitingAt("Timer_PeriodEnds");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void aVacationHoldPausesTheServiceAndTheDaysHeldAreNotBilled() {
        ClientDetails client = activeClient("Goes Upcountry", ClientType.INDIVIDUAL);
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE.multiply(new BigDecimal("2")), "two months", "test"));
        Subscription before = subscription(client);
        Date periodEndedAt = timerDue(process);
        LocalDate from = LifecyclePeriods.today().plusDays(3);

        inAcme(() -> holds.schedule(before.id(), from, from.plusDays(9), "December upcountry", "finance"));

        assertThat(subscription(client).periodEnd()).isEqualTo(before.periodEnd().plusDays(10));
        assertThat(texts(client, "service_hold")).singleElement().asString().contains("vacation hold is booked")
                .contains("not billed");
        ClockUtil.setCurrentTime(Date.from(LifecyclePeriods.startOf(from).toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
        assertThat(statusOf(client)).isEqualTo(ClientStatus.SUSPENDED);
        assertThat(subscription(client).state()).as("on hold, not in arrears").isEqualTo(SubscriptionState.ACTIVE);

        ClockUtil.setCurrentTime(Date.from(LifecyclePeriods.startOf(from.plusDays(10)).toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
        assertThat(statusOf(client)).isEqualTo(ClientStatus.ACTIVE);
        assertThat(texts(client, "service_hold")).hasSize(2).last().asString()
                .contains("back on after your vacation hold");

        // the old period end passes without a renewal; the new one, ten days later, renews
        ClockUtil.setCurrentTime(Date.from(periodEndedAt.toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
        assertThat(subscription(client).periodStart()).isEqualTo(before.periodStart());
        assertThat(process).isWaitingAt("Timer_PeriodEnds");
        assertThat(timerDue(process)).isEqualTo(LifecyclePeriods.periodEndsAt(before.periodEnd().plusDays(10)));
        toPeriodEnd(process);
        assertThat(subscription(client).periodStart()).isEqualTo(before.periodEnd().plusDays(11));
        assertThat(subscription(client).paidThrough()).isEqualTo(subscription(client).periodEnd());
    }

    @Test
    void withoutAutoRenewalTheServiceClosesWithThePeriodAndTheEquipmentComesBack() {
        ClientDetails client = activeClient("Leaving Client", ClientType.INDIVIDUAL);
        UUID router = onboarding.receiveOnu(acme, "ONU-LV-" + UUID.randomUUID().toString().substring(0, 6));
        onboarding.deployedAt(acme, router, client);
        ProcessInstance process = subscribe(client);
        inAcme(() -> jdbc.update("update subscriptions set auto_renew = false where client_id = ?", client.id()));

        toPeriodEnd(process);

        assertThat(inAcme(() -> subscriptions.liveOf(client.id()))).isEmpty();
        assertThat(statusOf(client)).isEqualTo(ClientStatus.DISCONNECTED);
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select reason from client_status_changes where client_id = ? and to_status = 'disconnected'""",
                String.class, client.id()))).isEqualTo("Subscription ended: not renewed");
        assertThat(texts(client, "service_ended")).singleElement().asString().contains("as it was not renewed");
        Task recover = taskOf(process);
        assertThat(recover.getTaskDefinitionKey()).isEqualTo("Task_RecoverEquipment");
        assertThat((String) taskService.getVariable(recover.getId(), LifecycleVariables.EQUIPMENT_HELD)).contains("ONU-LV-");
        onboarding.complete(recover, acme, StaffRole.INFRASTRUCTURE_ASSET, Map.of("equipmentCollected", true));

        assertThat(process).isEnded();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getEndActivityId()).isEqualTo("End_Disconnected");
        assertThat(inAcme(() -> jdbc.queryForMap("select status, assigned_client_id, location from inventory_items"
                + " where id = ?", router))).containsEntry("status", "returned").containsEntry("assigned_client_id", null)
                .containsEntry("location", null);
    }

    @Test
    void subscriptionsWithoutALifecycleAreAdoptedWhereTheyStand() {
        ClientDetails active = activeClient("Billed Before", ClientType.INDIVIDUAL);
        ClientDetails suspended = activeClient("Suspended Before", ClientType.INDIVIDUAL);
        ClientDetails paidMeanwhile = activeClient("Paid Before Adoption", ClientType.INDIVIDUAL);
        LocalDate today = LifecyclePeriods.today();
        // the rows the migration writes for clients billed before subscriptions existed (or an import writes)
        for (var client : List.of(active, suspended, paidMeanwhile)) {
            String state = client == active ? "active" : "suspended";
            inAcme(() -> {
                jdbc.update("update clients set status = ?::client_status where id = ?", state, client.id());
                return jdbc.update("""
                        insert into subscriptions (client_id, account_number, monthly_rate, period_start, period_end,
                                                   state, isp_company_id)
                        values (?, ?, 2999.00, ?, ?, ?, ?)""", client.id(), client.accountNumber(),
                        java.sql.Date.valueOf(today.minusDays(10)), java.sql.Date.valueOf(today.plusDays(20)), state,
                        acme.id());
            });
        }
        // the suspended client owes his last month; the other one has paid it, before any lifecycle was there
        inAcme(() -> jdbc.update("""
                insert into invoices (invoice_number, client_id, amount, total_amount, status, due_date, issued_at,
                                      isp_company_id)
                values ('ADOPT-' || ?, ?, 2999.00, 2999.00, 'issued', ?, now(), ?)""", suspended.accountNumber(),
                suspended.id(), java.sql.Date.valueOf(today.minusDays(20)), acme.id()));

        assertThat(inAcme(() -> lifecycles.adoptOrphans())).isEqualTo(3);
        assertThat(inAcme(() -> lifecycles.adoptOrphans())).as("once").isZero();

        assertThat(lifecycleOf(active)).isWaitingAt("Timer_PeriodEnds");
        assertThat(timerDue(lifecycleOf(active))).isEqualTo(LifecyclePeriods.periodEndsAt(today.plusDays(20)));
        assertThat(lifecycleOf(suspended)).isWaitingAt("Gateway_PaidOrTooLong");
        assertThat(lifecycleOf(paidMeanwhile)).as("nothing owed: restored at once").isWaitingAt("Task_RestoreService");
        dueJobs.ofProcessInstance(lifecycleOf(paidMeanwhile).getId());
        assertThat(statusOf(paidMeanwhile)).isEqualTo(ClientStatus.ACTIVE);

        pay(suspended, RATE);
        dueJobs.ofProcessInstance(lifecycleOf(suspended).getId());
        assertThat(statusOf(suspended)).isEqualTo(ClientStatus.ACTIVE);
    }

    // --- helpers

    private ProcessInstance lifecycleOf(ClientDetails client) {
        return fixture.lifecycleOf(acme, client);
    }

    private ClientDetails activeClient(String name, ClientType type) {
        return fixture.activeClient(acme, name, type);
    }

    private ProcessInstance subscribe(ClientDetails client) {
        return fixture.subscribe(acme, client);
    }

    private void toPeriodEnd(ProcessInstance process) {
        fixture.toPeriodEnd(process);
    }

    private Date timerDue(ProcessInstance process) {
        return fixture.timerDue(process);
    }

    private void pay(ClientDetails client, BigDecimal amount) {
        fixture.pay(acme, client, amount);
    }

    /** Moves the engine's clock to each next morning and runs what is due, until the client is suspended. */
    private LocalDate morningsUntilSuspended(ProcessInstance process, LocalDate giveUpAfter) {
        while (LifecyclePeriods.today().isBefore(giveUpAfter)) {
            fixture.nextMorning(process);
            if (subscription(process).state() == SubscriptionState.SUSPENDED) {
                return LifecyclePeriods.today();
            }
        }
        throw new AssertionError("not suspended by " + giveUpAfter);
    }

    private Task morningsUntilTask(ProcessInstance process, String taskKey, LocalDate giveUpAfter) {
        while (LifecyclePeriods.today().isBefore(giveUpAfter)) {
            fixture.nextMorning(process);
            Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
        }
        throw new AssertionError(taskKey + " not reached by " + giveUpAfter);
    }

    private Task taskOf(ProcessInstance process) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    private List<String> passed(ProcessInstance process) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).list().stream()
                .map(a -> a.getActivityId()).toList();
    }

    private Subscription subscription(ClientDetails client) {
        return inAcme(() -> subscriptions.liveOf(client.id())).orElseThrow();
    }

    private Subscription subscription(ProcessInstance process) {
        return inAcme(() -> subscriptions.liveByAccountNumber(process.getBusinessKey())).orElseThrow();
    }

    private LocalDate dueDayOf(ClientDetails client) {
        return inAcme(() -> subscriptions.arrears(subscription(client).id(), false)).oldestDueDate();
    }

    private ClientStatus statusOf(ClientDetails client) {
        return ClientStatus.valueOf(inAcme(() -> jdbc.queryForObject("select status::text from clients where id = ?",
                String.class, client.id())).toUpperCase());
    }

    private List<String> texts(ClientDetails client, String purpose) {
        return inAcme(() -> jdbc.queryForList("""
                select body from outbound_messages where client_id = ? and purpose = ? order by created_at""",
                String.class, client.id(), purpose));
    }

    private <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
