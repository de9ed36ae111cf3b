package io.ispflow.clients.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.ClientAccounts;
import io.ispflow.platform.TenantContext;

/** Tells billing which clients exist in the company in context. */
@Component
class BillableClients implements ClientAccounts {

    private final ClientRepository clients;

    BillableClients(ClientRepository clients) {
        this.clients = clients;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(UUID clientId) {
        // by id: a payment's steps ask again in the same transaction and are answered from the persistence context
        return find(clientId).isPresent();
    }

    private Optional<ClientEntity> find(UUID clientId) {
        UUID company = TenantContext.requireCompanyId();
        return clients.findById(clientId).filter(client -> client.companyId().equals(company));
    }
}
