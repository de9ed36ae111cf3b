package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/** Queues the client's receipt and closes the payment's inbox row. */
@Component
class SendReceiptDelegate implements JavaDelegate {

    private final ClientDirectory clients;
    private final ClientMessages messages;
    private final StoredPayments storedPayments;

    SendReceiptDelegate(ClientDirectory clients, ClientMessages messages, StoredPayments storedPayments) {
        this.clients = clients;
        this.messages = messages;
        this.storedPayments = storedPayments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var client = clients.find(clientId(execution)).orElseThrow();
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                MessagePurpose.PAYMENT_RECEIVED, Map.of(
                "name", client.name(), "amount", execution.getVariable(AMOUNT), "paidBy", paidBy(execution),
                "receipt", execution.getVariable(RECEIPT_NUMBER), "account", client.accountNumber()));
        storedPayments.markProcessed(execution);
    }
}
