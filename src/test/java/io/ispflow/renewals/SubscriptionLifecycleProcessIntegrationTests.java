package io.ispflow.renewals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
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
import io.ispflow.shared.PaymentCredited;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * The subscription lifecycle on real PostgreSQL, the engine's clock moved from morning to morning:
 * renewal from the wallet, grace with reminders, suspension by the policy (never on a Sunday or public
 * holiday), restoration when the client pays, a promise to pay, a contract client's escalation and the
 * disconnection with the equipment's recovery.
 */
@IntegrationTest
class SubscriptionLifecycleProcessIntegrationTests {

    static final BigDecimal RATE = new BigDecimal("2999.00");

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
    ApplicationEventPublisher events;
    @Autowired
    PublicHolidays holidays;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

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
        ProcessInstance process = subscribe(client);
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        toPeriodEnd(process);
        assertThat(subscription(client).state()).isEqualTo(SubscriptionState.GRACE);

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
        LocalDate promised = LifecyclePeriods.today().plusDays(7);

        onboarding.complete(taskOf(process), acme, StaffRole.CUSTOMER_SUPPORT, Map.of("promisedUntil", promised.toString()));

        assertThat(subscription(client).promisedUntil()).isEqualTo(promised);
        LocalDate suspendedOn = morningsUntilSuspended(process, promised.plusDays(10));
        assertThat(suspendedOn).isAfter(promised).isAfterOrEqualTo(due.plusDays(3));
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
        inAcme(() -> jdbc.update("""
                insert into client_equipment (client_id, equipment_id, isp_company_id) values (?, ?, ?)""",
                client.id(), onu, acme.id()));
        inAcme(() -> jdbc.update("update equipment set status = 'deployed' where id = ?", onu));
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
        assertThat(inAcme(() -> jdbc.queryForObject("select status from equipment where id = ?", String.class, onu)))
                .isEqualTo("available");
        assertThat(inAcme(() -> subscriptions.liveOf(client.id()))).isEmpty();
    }

    @Test
    void withoutAutoRenewalTheLifecycleEndsWithThePeriod() {
        ClientDetails client = activeClient("Leaving Client", ClientType.INDIVIDUAL);
        ProcessInstance process = subscribe(client);
        inAcme(() -> jdbc.update("update subscriptions set auto_renew = false where client_id = ?", client.id()));

        toPeriodEnd(process);

        assertThat(process).isEnded();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getEndActivityId()).isEqualTo("End_NotRenewed");
    }

    // --- helpers

    private ClientDetails activeClient(String name, ClientType type) {
        ClientDetails client = onboarding.register(acme, name, type, "0712345678");
        for (String status : List.of("approved", "active")) {
            inAcme(() -> jdbc.update("update clients set status = ?::client_status where id = ?", status, client.id()));
        }
        return client;
    }

    /** Starts the client's subscription; its lifecycle starts once that has committed. */
    private ProcessInstance subscribe(ClientDetails client) {
        inAcme(() -> subscriptions.start(client.id(), client.accountNumber(), null, RATE));
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).tenantIdIn(acme.id().toString())
                .processInstanceBusinessKey(client.accountNumber()).singleResult(), p -> p != null);
    }

    private void toPeriodEnd(ProcessInstance process) {
        ClockUtil.setCurrentTime(Date.from(timerDue(process).toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
    }

    /** When the process's earliest timer fires. */
    private Date timerDue(ProcessInstance process) {
        return managementService.createJobQuery().processInstanceId(process.getId()).timers().list().stream()
                .map(job -> job.getDuedate()).sorted().findFirst().orElseThrow();
    }

    /** Moves the engine's clock to each next morning and runs what is due, until the client is suspended. */
    private LocalDate morningsUntilSuspended(ProcessInstance process, LocalDate giveUpAfter) {
        while (LifecyclePeriods.today().isBefore(giveUpAfter)) {
            nextMorning(process);
            if (subscription(process).state() == SubscriptionState.SUSPENDED) {
                return LifecyclePeriods.today();
            }
        }
        throw new AssertionError("not suspended by " + giveUpAfter);
    }

    private Task morningsUntilTask(ProcessInstance process, String taskKey, LocalDate giveUpAfter) {
        while (LifecyclePeriods.today().isBefore(giveUpAfter)) {
            nextMorning(process);
            Task task = taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(taskKey)
                    .singleResult();
            if (task != null) {
                return task;
            }
        }
        throw new AssertionError(taskKey + " not reached by " + giveUpAfter);
    }

    private void nextMorning(ProcessInstance process) {
        Date next = (Date) runtimeService.getVariable(process.getId(), LifecycleVariables.NEXT_CHECK_AT);
        ClockUtil.setCurrentTime(Date.from(next.toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
    }

    /** The client pays what he owes: credited and settled, and announced as payments announce it. */
    private void pay(ClientDetails client, BigDecimal amount) {
        inAcme(() -> {
            var settled = wallet.credit(client.id(), amount, "M-PESA payment", "test");
            events.publishEvent(new PaymentCredited(acme.id(), client.id(), UUID.randomUUID(), amount, "RCT-T",
                    "mpesa_c2b", "+254712345678"));
            return settled;
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> correlatedOrActive(client));
    }

    /** The payment reached the process: it is restoring him (a job) or has made him active again. */
    private boolean correlatedOrActive(ClientDetails client) {
        var process = runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                .tenantIdIn(acme.id().toString()).processInstanceBusinessKey(client.accountNumber()).singleResult();
        return managementService.createJobQuery().processInstanceId(process.getId()).activityId("Task_RestoreService")
                .count() > 0 || subscription(client).state() == SubscriptionState.ACTIVE;
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
