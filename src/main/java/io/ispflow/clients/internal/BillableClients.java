package io.ispflow.clients.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.ClientAccounts;
import io.ispflow.clients.ClientStatus;
import io.ispflow.platform.TenantContext;

/** Tells billing which clients exist and which are billed, for the company in context. */
@Component
class BillableClients implements ClientAccounts {

    private final ClientRepository clients;
    private final StatusHistory history;

    BillableClients(ClientRepository clients, StatusHistory history) {
        this.clients = clients;
        this.history = history;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID clientId) {
        // by id: a payment's steps ask again in the same transaction and are answered from the persistence context
        return find(clientId).isPresent();
    }

    @Override
    @Transactional(readOnly = true)
    public List<UUID> active() {
        return clients.findIdsByStatus(TenantContext.requireCompanyId(), ClientStatus.ACTIVE);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Billable> billable(UUID clientId) {
        return find(clientId).filter(client -> client.status() == ClientStatus.ACTIVE)
                .map(client -> new Billable(clientId, client.monthlyRate(),
                        history.lastChange(clientId, ClientStatus.SUSPENDED, ClientStatus.ACTIVE).orElse(null)));
    }

    private Optional<ClientEntity> find(UUID clientId) {
        UUID company = TenantContext.requireCompanyId();
        return clients.findById(clientId).filter(client -> client.companyId().equals(company));
    }
}
