package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.payments.Payments;
import io.ispflow.shared.Msisdn;

/**
 * Queues the client's receipt and closes the payment's inbox row. A step of its own, after the credit
 * committed: the receipt's number is written at that commit.
 */
@Component
class SendReceiptDelegate implements JavaDelegate {

    private final ClientDirectory clients;
    private final ClientMessages messages;
    private final StoredPayments storedPayments;
    private final Payments payments;

    SendReceiptDelegate(ClientDirectory clients, ClientMessages messages, StoredPayments storedPayments,
            Payments payments) {
        this.clients = clients;
        this.messages = messages;
        this.storedPayments = storedPayments;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var client = clients.find(clientId(execution)).orElseThrow();
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                MessagePurpose.PAYMENT_RECEIVED, Map.of(
                "name", client.name(), "amount", execution.getVariable(AMOUNT), "paidBy", paidBy(execution),
                "receipt", receiptNumber(execution), "account", client.accountNumber()));
        storedPayments.markProcessed(execution);
    }

    /** Instances that credited before receipts were numbered at commit carry the number as a variable. */
    private Object receiptNumber(DelegateExecution execution) {
        Object number = execution.getVariable(RECEIPT_NUMBER);
        return number != null ? number : payments.find(UUID.fromString((String) execution.getVariable(PAYMENT_ID)))
                .orElseThrow().receiptNumber();
    }
}
