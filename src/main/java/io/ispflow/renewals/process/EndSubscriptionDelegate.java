package io.ispflow.renewals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;

/** The disconnected client's subscription ends, his equipment recovered. */
@Component("endSubscriptionDelegate")
class EndSubscriptionDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;

    EndSubscriptionDelegate(LifecycleSubject subject, Subscriptions subscriptions) {
        this.subject = subject;
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        subscriptions.end(subject.subscription(execution).id(), "Disconnected; equipment recovered");
    }
}
