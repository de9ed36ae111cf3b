package io.ispflow.renewals;

import static io.ispflow.renewals.process.LifecycleVariables.HOLD_ENDS_AT;
import static io.ispflow.renewals.process.LifecycleVariables.HOLD_MESSAGE;
import static io.ispflow.renewals.process.LifecycleVariables.HOLD_STARTS_AT;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.Hold;
import io.ispflow.billing.SubscriptionNotFound;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.platform.TenantContext;
import io.ispflow.renewals.process.LifecyclePeriods;
import io.ispflow.shared.Msisdn;

/**
 * Vacation holds of the company in context: how many days a client may take comes from the
 * {@code holdAllowance} decision (analysts edit it); billing records the hold and moves the period's
 * end; the client's lifecycle pauses the service on the first day and resumes it after the last. All in
 * one transaction: a hold the lifecycle cannot take is not recorded, and the client is not told of it.
 */
@Service
public class SubscriptionHolds {

    static final String DECISION_KEY = "holdAllowance";

    private final Subscriptions subscriptions;
    private final ClientDirectory clients;
    private final DecisionService decisions;
    private final RuntimeService runtime;
    private final ClientMessages messages;

    SubscriptionHolds(Subscriptions subscriptions, ClientDirectory clients, DecisionService decisions,
            RuntimeService runtime, ClientMessages messages) {
        this.messages = messages;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.decisions = decisions;
        this.runtime = runtime;
    }

    @Transactional
    public Hold schedule(UUID subscriptionId, LocalDate startsOn, LocalDate endsOn, String reason, String by) {
        var subscription = subscriptions.find(subscriptionId)
                .orElseThrow(() -> new SubscriptionNotFound(subscriptionId));
        var client = clients.find(subscription.clientId()).orElseThrow();
        var allowance = decisions.evaluateDecisionByKey(DECISION_KEY)
                .decisionDefinitionWithoutTenantId()
                .variables(Variables.createVariables()
                        .putValue("clientType", client.clientType().name().toLowerCase(Locale.ROOT))
                        .putValue("connectionType", client.connectionType().name().toLowerCase(Locale.ROOT)))
                .evaluate().getSingleResult();
        Hold hold = subscriptions.hold(subscriptionId, startsOn, endsOn, reason, by,
                ((Number) allowance.getEntry("daysPerYear")).intValue(),
                ((Number) allowance.getEntry("minimumDays")).intValue());
        runtime.createMessageCorrelation(HOLD_MESSAGE)
                .processInstanceBusinessKey(subscription.accountNumber())
                .tenantId(TenantContext.requireCompanyId().toString())
                .setVariable(HOLD_STARTS_AT, LifecyclePeriods.startOf(startsOn))
                .setVariable(HOLD_ENDS_AT, LifecyclePeriods.startOf(endsOn.plusDays(1)))
                .correlate();
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(), MessagePurpose.HOLD_SCHEDULED,
                Map.of("name", client.name(), "holdStart", hold.startsOn(), "holdEnd", hold.endsOn(),
                        "periodEnd", subscriptions.find(subscriptionId).orElseThrow().periodEnd()));
        return hold;
    }
}
