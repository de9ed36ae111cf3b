package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Invoicing;
import io.ispflow.clients.ClientDirectory;

/** The client: the one we prompted, else by account number, else by phone, else by invoice number. */
@Component
class MatchClientDelegate implements JavaDelegate {

    private final StkRequests stkRequests;
    private final ClientDirectory clients;
    private final Invoicing invoicing;

    MatchClientDelegate(StkRequests stkRequests, ClientDirectory clients, Invoicing invoicing) {
        this.stkRequests = stkRequests;
        this.clients = clients;
        this.invoicing = invoicing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var client = stkRequests.promptedClient(checkoutRequestId(execution)).flatMap(clients::find)
                .or(() -> accountReference(execution).flatMap(clients::findByAccountNumber))
                .or(() -> phone(execution).flatMap(clients::findByPhone))
                .or(() -> accountReference(execution).flatMap(invoicing::findByNumber)
                        .flatMap(invoice -> clients.find(invoice.clientId())));
        execution.setVariable(CLIENT_ID, client.map(c -> c.id().toString()).orElse(null));
    }
}
