package io.ispflow.clients.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Invoicing;
import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.PaymentCredited;

/**
 * A suspended client whose invoices are all paid is served again once a payment of his is credited,
 * when no subscription lifecycle restores him (one billed before subscriptions existed).
 * Clients decide, since they own the service state; billing tells what is still open. Runs after the
 * crediting transaction committed, in a transaction of its own; the event publication registry keeps
 * the event until this has succeeded.
 */
@Component
class Reactivations {

    private final ClientDirectory clients;
    private final ClientLifecycle lifecycle;
    private final Invoicing invoicing;
    private final TenantScope tenantScope;
    private final Subscriptions subscriptions;

    Reactivations(ClientDirectory clients, ClientLifecycle lifecycle, Invoicing invoicing, TenantScope tenantScope,
            Subscriptions subscriptions) {
        this.clients = clients;
        this.lifecycle = lifecycle;
        this.invoicing = invoicing;
        this.tenantScope = tenantScope;
        this.subscriptions = subscriptions;
    }

    @ApplicationModuleListener
    void on(PaymentCredited payment) {
        tenantScope.runAs(payment.companyId(), () -> clients.find(payment.clientId())
                .filter(client -> client.status() == ClientStatus.SUSPENDED)
                .filter(client -> invoicing.openInvoices(client.id()).isEmpty())
                .filter(client -> subscriptions.liveOf(client.id()).isEmpty())
                .ifPresent(client -> lifecycle.reactivate(client.id(), "payments", "Paid: " + payment.paidBy())));
    }
}
