package io.ispflow.renewals.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/**
 * The subscription ended without renewal (auto-renew off): the network stops serving the client, his
 * status says why, he is told, and the asset team is told which equipment to collect.
 */
@Component("closeServiceDelegate")
class CloseServiceDelegate implements JavaDelegate {

    static final String REASON = "Subscription ended: not renewed";

    private final LifecycleSubject subject;
    private final ClientLifecycle clients;
    private final ClientMessages messages;
    private final EquipmentToRecover equipment;

    CloseServiceDelegate(LifecycleSubject subject, ClientLifecycle clients, ClientMessages messages,
            EquipmentToRecover equipment) {
        this.subject = subject;
        this.clients = clients;
        this.messages = messages;
        this.equipment = equipment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        if (client.status() == ClientStatus.ACTIVE) {
            clients.close(client.id(), "subscription lifecycle", REASON);
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(), MessagePurpose.SERVICE_ENDED,
                    Map.of("name", client.name(), "periodEnd", subscription.periodEnd(), "accountNumber",
                            client.accountNumber()));
        }
        equipment.list(execution, client.id());
    }
}
