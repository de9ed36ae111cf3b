package io.ispflow.renewals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.SubscriptionState;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;

/** A vacation hold begins: the network stops serving the client, his status says why. */
@Component("pauseServiceDelegate")
class PauseServiceDelegate implements JavaDelegate {

    static final String REASON = "Vacation hold";

    private final LifecycleSubject subject;
    private final ClientLifecycle clients;

    PauseServiceDelegate(LifecycleSubject subject, ClientLifecycle clients) {
        this.subject = subject;
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        if (subscription.state() == SubscriptionState.ACTIVE && client.status() == ClientStatus.ACTIVE) {
            clients.suspend(client.id(), "subscription lifecycle", REASON);
        }
    }
}
