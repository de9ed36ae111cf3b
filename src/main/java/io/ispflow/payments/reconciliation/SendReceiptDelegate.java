package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.Notifier;

/** Queues the client's receipt and closes the payment's inbox row. */
@Component
class SendReceiptDelegate implements JavaDelegate {

    private final ClientDirectory clients;
    private final Notifier notifier;
    private final StoredPayments storedPayments;

    SendReceiptDelegate(ClientDirectory clients, Notifier notifier, StoredPayments storedPayments) {
        this.clients = clients;
        this.notifier = notifier;
        this.storedPayments = storedPayments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var client = clients.find(clientId(execution)).orElseThrow();
        notifier.textClient(client.id(), client.phone(), "payment_receipt", "Asante " + client.name()
                + "! We received KES " + execution.getVariable(AMOUNT) + " (" + paidBy(execution) + "), receipt "
                + execution.getVariable(RECEIPT_NUMBER) + ". Account " + client.accountNumber() + ".");
        storedPayments.markProcessed(execution);
    }
}
