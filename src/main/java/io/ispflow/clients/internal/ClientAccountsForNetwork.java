package io.ispflow.clients.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.network.ClientAccounts;

/** The company's clients as the network module asks for them (a client's access port). */
@Component
class ClientAccountsForNetwork implements ClientAccounts {

    private final ClientDirectory clients;

    ClientAccountsForNetwork(ClientDirectory clients) {
        this.clients = clients;
    }

    @Override
    public Optional<ClientAccount> find(UUID clientId) {
        return clients.find(clientId).map(c -> new ClientAccount(c.id(), c.accountNumber(), c.name()));
    }
}
