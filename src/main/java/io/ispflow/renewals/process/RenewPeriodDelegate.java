package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Renewal;
import io.ispflow.billing.Subscriptions;

/** Renews the subscription whose period ended: the next period's invoice, paid from the wallet if it can be. */
@Component("renewPeriodDelegate")
class RenewPeriodDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;

    RenewPeriodDelegate(LifecycleSubject subject, Subscriptions subscriptions) {
        this.subject = subject;
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        if (!subscription.periodEnd().isBefore(LifecyclePeriods.today())) {
            // a vacation hold moved the period's end since this timer was set: wait for the new one
            execution.setVariable(RENEWAL, NOT_DUE);
            execution.setVariable(PERIOD_ENDS_AT, LifecyclePeriods.periodEndsAt(subscription.periodEnd()));
            return;
        }
        Renewal renewal = subscriptions.renew(subscription.id(), "subscription lifecycle");
        execution.setVariable(RENEWAL, renewal.outcome().name().toLowerCase(Locale.ROOT));
        execution.setVariable(PERIOD_ENDS_AT, LifecyclePeriods.periodEndsAt(renewal.subscription().periodEnd()));
        if (renewal.invoice() != null) {
            // its number is written as this transaction commits: the next steps read it from the invoice
            execution.setVariable(INVOICE_ID, renewal.invoice().id().toString());
        }
    }
}
