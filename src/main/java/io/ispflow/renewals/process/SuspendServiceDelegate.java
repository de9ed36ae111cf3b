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
 * Suspends the client: the network stops serving him, his status says why, and an SMS tells him how to
 * pay. The arrears are read under his wallet's lock, which crediting a payment takes too: a payment
 * credited first is seen here (nothing is suspended); one credited after waits until this commits, and
 * then finds the process waiting for it.
 */
@Component("suspendServiceDelegate")
class SuspendServiceDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final ClientLifecycle clients;
    private final ClientMessages messages;

    SuspendServiceDelegate(LifecycleSubject subject, Subscriptions subscriptions, ClientLifecycle clients,
            ClientMessages messages) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var arrears = subscriptions.arrears(subscription.id(), true);
        if (arrears.cleared()) {
            execution.setVariable(SUSPENDED, false);
            return;
        }
        PolicyAnswer policy = PolicyAnswer.of(execution);
        var client = subject.client(subscription);
        subscriptions.suspend(subscription.id(), policy.reason());
        if (client.status() == ClientStatus.ACTIVE) {
            clients.suspend(client.id(), "subscription lifecycle", policy.reason());
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                    MessagePurpose.SERVICE_SUSPENDED, Map.of(
                    "name", client.name(), "amountDue", arrears.amount(), "accountNumber", client.accountNumber()));
        }
        execution.setVariable(SUSPENDED, true);
        execution.setVariable(DISCONNECT_AT, LifecyclePeriods.morningIn(policy.disconnectAfterDays()));
    }
}
