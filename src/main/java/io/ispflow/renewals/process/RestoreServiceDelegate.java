package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/**
 * The suspended client paid: served again from today for a full period (days suspended are not
 * billed), his status says so, and an SMS confirms it.
 */
@Component("restoreServiceDelegate")
class RestoreServiceDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final ClientLifecycle clients;
    private final ClientMessages messages;

    RestoreServiceDelegate(LifecycleSubject subject, Subscriptions subscriptions, ClientLifecycle clients,
            ClientMessages messages) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        subscriptions.restore(subscription.id(), LifecyclePeriods.today(), "Arrears paid");
        var restored = subject.subscription(execution);
        var client = subject.client(restored);
        if (client.status() == ClientStatus.SUSPENDED) {
            clients.reactivate(client.id(), "subscription lifecycle", "Arrears paid");
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                    MessagePurpose.SERVICE_RESTORED, Map.of(
                    "name", client.name(), "periodEnd", restored.periodEnd()));
        }
        execution.setVariable(PERIOD_ENDS_AT, LifecyclePeriods.periodEndsAt(restored.periodEnd()));
    }
}
