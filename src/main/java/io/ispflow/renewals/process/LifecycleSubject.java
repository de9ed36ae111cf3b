package io.ispflow.renewals.process;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Invoicing;
import io.ispflow.billing.Subscription;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;

/**
 * What a lifecycle step works on: the subscription of the account number that is the process's
 * business key (no task completion can change it, unlike a variable), live or, once the last renewal
 * ended it, ended; and its client as stored.
 */
@Component
class LifecycleSubject {

    private final Subscriptions subscriptions;
    private final ClientDirectory clients;
    private final Invoicing invoicing;

    LifecycleSubject(Subscriptions subscriptions, ClientDirectory clients, Invoicing invoicing) {
        this.subscriptions = subscriptions;
        this.clients = clients;
        this.invoicing = invoicing;
    }

    Subscription subscription(DelegateExecution execution) {
        return subscriptions.latestByAccountNumber(execution.getProcessBusinessKey()).orElseThrow(
                () -> new IllegalStateException("No subscription for account " + execution.getProcessBusinessKey()));
    }

    /** The number of the period's invoice (set by the renewal). */
    Object invoiceNumber(DelegateExecution execution) {
        Object id = execution.getVariable(LifecycleVariables.INVOICE_ID);
        return id == null ? execution.getVariable(LifecycleVariables.INVOICE_NUMBER)
                : invoicing.find(UUID.fromString((String) id)).orElseThrow().number();
    }

    ClientDetails client(Subscription subscription) {
        return clients.find(subscription.clientId()).orElseThrow();
    }
}
