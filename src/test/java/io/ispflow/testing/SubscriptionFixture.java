package io.ispflow.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.SubscriptionState;
import io.ispflow.billing.Subscriptions;
import io.ispflow.billing.WalletCredits;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientType;
import io.ispflow.platform.TenantScope;
import io.ispflow.renewals.process.LifecyclePeriods;
import io.ispflow.renewals.process.LifecycleVariables;
import io.ispflow.shared.PaymentCredited;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Subscribed clients and their lifecycle moved along the engine's clock, for process and browser tests. */
@Component
public class SubscriptionFixture {

    public static final BigDecimal RATE = new BigDecimal("2999.00");

    private final OnboardingFixture onboarding;
    private final Subscriptions subscriptions;
    private final WalletCredits wallet;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final DueJobs dueJobs;
    private final ApplicationEventPublisher events;

    SubscriptionFixture(OnboardingFixture onboarding, Subscriptions subscriptions, WalletCredits wallet,
            TenantScope tenantScope, TransactionTemplate transactions, JdbcTemplate jdbc, RuntimeService runtimeService,
            ManagementService managementService, DueJobs dueJobs, ApplicationEventPublisher events) {
        this.onboarding = onboarding;
        this.subscriptions = subscriptions;
        this.wallet = wallet;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.dueJobs = dueJobs;
        this.events = events;
    }

    /** A registered client made active (as if onboarded). */
    public ClientDetails activeClient(TestCompany company, String name, ClientType type) {
        ClientDetails client = onboarding.register(company, name, type, "0712345678");
        for (String status : List.of("approved", "active")) {
            tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> jdbc.update(
                    "update clients set status = ?::client_status where id = ?", status, client.id())));
        }
        return client;
    }

    /** Starts the client's subscription; returns its lifecycle, which starts once that has committed. */
    public ProcessInstance subscribe(TestCompany company, ClientDetails client) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> subscriptions.start(client.id(),
                client.accountNumber(), null, RATE)));
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> lifecycleOf(company, client),
                p -> p != null);
    }

    /** A subscribed client whose first month is paid and whose renewal is unpaid: in grace. */
    public ProcessInstance inGrace(TestCompany company, ClientDetails client) {
        ProcessInstance process = subscribe(company, client);
        credit(company, client, RATE);
        toPeriodEnd(process);
        return process;
    }

    /**
     * As {@link #inGrace}, on the real clock: the first month is moved back so that it ended yesterday and
     * the renewal is due now (browser tests, where Tasklist shows due dates against the browser's clock).
     */
    public ProcessInstance inGraceToday(TestCompany company, ClientDetails client) {
        ProcessInstance process = subscribe(company, client);
        credit(company, client, RATE);
        LocalDate today = LifecyclePeriods.today();
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> {
            jdbc.update("update subscriptions set period_start = ?, period_end = ? where client_id = ?",
                    java.sql.Date.valueOf(today.minusMonths(1)), java.sql.Date.valueOf(today.minusDays(1)), client.id());
            jdbc.update("update invoices set period_start = ?, period_end = ? where client_id = ?",
                    java.sql.Date.valueOf(today.minusMonths(1)), java.sql.Date.valueOf(today.minusDays(1)), client.id());
        }));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(process.getId()).timers()
                .singleResult().getId());
        dueJobs.ofProcessInstance(process.getId());
        return process;
    }

    public ProcessInstance lifecycleOf(TestCompany company, ClientDetails client) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                .tenantIdIn(company.id().toString()).processInstanceBusinessKey(client.accountNumber()).singleResult();
    }

    /** Moves the engine's clock past the period's end and runs what is due. */
    public void toPeriodEnd(ProcessInstance process) {
        ClockUtil.setCurrentTime(Date.from(timerDue(process).toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
    }

    /** Moves the engine's clock to the next morning's check and runs what is due. */
    public void nextMorning(ProcessInstance process) {
        Date next = (Date) runtimeService.getVariable(process.getId(), LifecycleVariables.NEXT_CHECK_AT);
        ClockUtil.setCurrentTime(Date.from(next.toInstant().plusSeconds(60)));
        dueJobs.ofProcessInstance(process.getId());
    }

    /** When the process's earliest timer fires. */
    public Date timerDue(ProcessInstance process) {
        return managementService.createJobQuery().processInstanceId(process.getId()).timers().list().stream()
                .map(job -> job.getDuedate()).sorted().findFirst().orElseThrow();
    }

    public void credit(TestCompany company, ClientDetails client, BigDecimal amount) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(
                tx -> wallet.credit(client.id(), amount, "test credit", "test")));
    }

    /**
     * The client pays: credited and settled, and announced as payments announce it; returns once the
     * lifecycle has it (restoring him, a job, or active again).
     */
    public void pay(TestCompany company, ClientDetails client, BigDecimal amount) {
        tenantScope.runAs(company.id(), () -> transactions.executeWithoutResult(tx -> {
            wallet.credit(client.id(), amount, "M-PESA payment", "test");
            events.publishEvent(new PaymentCredited(company.id(), client.id(), UUID.randomUUID(), amount,
                    "mpesa_c2b", "+254712345678"));
        }));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> managementService.createJobQuery()
                .processInstanceId(lifecycleOf(company, client).getId()).activityId("Task_RestoreService").count() > 0
                || tenantScope.callAs(company.id(), () -> subscriptions.liveOf(client.id())).orElseThrow().state()
                        == SubscriptionState.ACTIVE);
    }
}
