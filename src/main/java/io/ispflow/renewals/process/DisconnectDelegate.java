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
 * Too long suspended: the client is disconnected, gets his final statement, and the asset team is told
 * which equipment to recover.
 */
@Component("disconnectDelegate")
class DisconnectDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final ClientLifecycle clients;
    private final ClientMessages messages;
    private final EquipmentToRecover equipment;

    DisconnectDelegate(LifecycleSubject subject, Subscriptions subscriptions, ClientLifecycle clients,
            ClientMessages messages, EquipmentToRecover equipment) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.messages = messages;
        this.equipment = equipment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        var arrears = subscriptions.arrears(subscription.id(), false);
        subscriptions.disconnect(subscription.id(), "Suspended too long");
        if (client.status() == ClientStatus.SUSPENDED) {
            clients.disconnect(client.id(), "subscription lifecycle", "Suspended too long");
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                    MessagePurpose.SERVICE_DISCONNECTED, Map.of("name", client.name(), "amountDue", arrears.amount(),
                        "accountNumber", client.accountNumber()));
        }
        equipment.list(execution, client.id());
        execution.setVariable(AMOUNT_DUE, arrears.amount().toPlainString());
    }
}
