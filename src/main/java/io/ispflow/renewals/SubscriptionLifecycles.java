package io.ispflow.renewals;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.billing.Subscription;
import io.ispflow.billing.SubscriptionState;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.platform.TenantContext;
import io.ispflow.renewals.process.LifecyclePeriods;

/**
 * Starts and wakes the lifecycle process of the company in context's subscriptions: one instance per
 * live subscription, its business key the client's account number.
 */
@Service
public class SubscriptionLifecycles {

    private final RuntimeService runtime;
    private final Subscriptions subscriptions;
    private final ClientDirectory clients;
    private final TransactionTemplate transactions;

    SubscriptionLifecycles(RuntimeService runtime, Subscriptions subscriptions, ClientDirectory clients,
            TransactionTemplate transactions) {
        this.runtime = runtime;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.transactions = transactions;
    }

    /** Starts the subscription's lifecycle unless it runs already (the start is announced once, but may be retried). */
    public void start(UUID subscriptionId) {
        Subscription subscription = subscriptions.find(subscriptionId).orElseThrow();
        if (!running(subscription.accountNumber())) {
            startFor(subscription);
        }
    }

    /**
     * Starts a lifecycle for every live subscription of the company in context that has none (clients
     * billed before subscriptions existed): an active one waits for its period's end, one in grace is
     * collected, a suspended one waits for payment or its disconnection a month from now. Returns how
     * many were started.
     */
    public int adoptOrphans() {
        return adoptOrphans(() -> { });
    }

    /** As {@link #adoptOrphans()}, telling {@code progress} after each chunk of starts. */
    public int adoptOrphans(Runnable progress) {
        Set<String> running = new HashSet<>();
        var query = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .tenantIdIn(TenantContext.requireCompanyId().toString());
        for (int first = 0; ; first += PAGE) {
            var page = query.listPage(first, PAGE);
            page.forEach(p -> running.add(p.getBusinessKey()));
            if (page.size() < PAGE) {
                break;
            }
        }
        List<Subscription> orphans = subscriptions.inStates(SubscriptionState.ACTIVE, SubscriptionState.GRACE,
                SubscriptionState.SUSPENDED).stream().filter(s -> !running.contains(s.accountNumber())).toList();
        int started = 0;
        for (int first = 0; first < orphans.size(); first += ADOPTION_CHUNK) {
            List<Subscription> chunk = orphans.subList(first, Math.min(orphans.size(), first + ADOPTION_CHUNK));
            // one commit per chunk, not per instance: an import of many clients is adopted in minutes
            transactions.executeWithoutResult(tx -> chunk.forEach(this::startFor));
            started += chunk.size();
            progress.run();
            // a payment that arrived before these instances existed found nobody waiting for it
            chunk.stream().filter(s -> s.state() == SubscriptionState.SUSPENDED).forEach(s -> paid(s.clientId()));
        }
        return started;
    }

    private static final int PAGE = 1_000;
    /** Lifecycles started per transaction when adopting. */
    private static final int ADOPTION_CHUNK = 100;

    private void startFor(Subscription subscription) {
        var client = clients.find(subscription.clientId()).orElseThrow();
        var variables = Variables.createVariables()
                .putValue(SUBSCRIPTION_ID, subscription.id().toString())
                .putValue(CLIENT_ID, client.id().toString())
                .putValue(ACCOUNT_NUMBER, client.accountNumber())
                .putValue(NAME, client.name())
                .putValue(PHONE, client.phone())
                .putValue(CLIENT_TYPE, client.clientType().name().toLowerCase(Locale.ROOT))
                .putValue(CONNECTION_TYPE, client.connectionType().name().toLowerCase(Locale.ROOT))
                .putValue(PERIOD_ENDS_AT, LifecyclePeriods.periodEndsAt(subscription.periodEnd()));
        var instance = runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(subscription.accountNumber());
        switch (subscription.state()) {
            case GRACE -> instance.startBeforeActivity("Gateway_Collect").setVariables(variables).execute();
            case SUSPENDED -> instance.startBeforeActivity("Gateway_PaidOrTooLong")
                    .setVariables(variables.putValue(DISCONNECT_AT, LifecyclePeriods.morningIn(30))).execute();
            default -> instance.setVariables(variables).execute();
        }
    }

    /**
     * Tells the client's lifecycle that his arrears are paid, when it waits for that (in grace or
     * suspended). When it does not wait (it is busy with a step), that step reads the arrears itself.
     */
    public void paid(UUID clientId) {
        var subscription = subscriptions.liveOf(clientId)
                .filter(s -> s.state() == SubscriptionState.GRACE || s.state() == SubscriptionState.SUSPENDED);
        if (subscription.isEmpty() || !subscriptions.arrears(subscription.get().id(), false).cleared()) {
            return;
        }
        try {
            runtime.createMessageCorrelation(PAID_MESSAGE)
                    .processInstanceBusinessKey(subscription.get().accountNumber())
                    .tenantId(TenantContext.requireCompanyId().toString())
                    .correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            // the step it is busy with reads the arrears
        }
    }

    private boolean running(String accountNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .tenantIdIn(TenantContext.requireCompanyId().toString())
                .processInstanceBusinessKey(accountNumber).active().count() > 0;
    }
}
