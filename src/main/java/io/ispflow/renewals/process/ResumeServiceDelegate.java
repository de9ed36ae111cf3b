package io.ispflow.renewals.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.SubscriptionState;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/**
 * A vacation hold is over: the network serves the client again. Only a client paused by the hold and
 * whose subscription is still active: one suspended for arrears meanwhile stays so. The client is told.
 */
@Component("resumeServiceDelegate")
class ResumeServiceDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final ClientLifecycle clients;
    private final ClientMessages messages;

    ResumeServiceDelegate(LifecycleSubject subject, ClientLifecycle clients, ClientMessages messages) {
        this.messages = messages;
        this.subject = subject;
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        if (subscription.state() == SubscriptionState.ACTIVE && client.status() == ClientStatus.SUSPENDED) {
            clients.reactivate(client.id(), "subscription lifecycle", "Vacation hold over");
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(), MessagePurpose.HOLD_OVER,
                    Map.of("name", client.name(), "periodEnd", subscription.periodEnd()));
        }
    }
}
