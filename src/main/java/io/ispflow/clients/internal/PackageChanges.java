package io.ispflow.clients.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.billing.ServicePackageChanged;
import io.ispflow.platform.TenantScope;

/**
 * The client's record shows the package and rate his subscription is on: after an upgrade, and from the
 * renewal that starts a downgrade. Runs after billing's transaction committed, in one of its own; the
 * event publication registry keeps the event until this has succeeded.
 */
@Component
class PackageChanges {

    private final ClientRepository clients;
    private final TenantScope tenantScope;

    PackageChanges(ClientRepository clients, TenantScope tenantScope) {
        this.clients = clients;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(ServicePackageChanged change) {
        tenantScope.runAs(change.companyId(), () -> clients.findByCompanyIdAndId(change.companyId(), change.clientId())
                .ifPresent(client -> client.servedOn(change.servicePackageId(), change.monthlyRate())));
    }
}
