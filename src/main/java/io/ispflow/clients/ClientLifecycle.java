package io.ispflow.clients;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.clients.internal.ClientEntity;
import io.ispflow.clients.internal.ClientRepository;
import io.ispflow.clients.internal.StatusHistory;
import io.ispflow.network.Installations;
import io.ispflow.network.NetworkProvisioner;
import io.ispflow.platform.TenantContext;

/**
 * Moves clients along their lifecycle, guarded: pending → approved (NOC) → active (only with a verified
 * installation) → suspended ⇄ active → disconnected; pending or approved → rejected. Every move is
 * recorded with who made it and why. The database refuses any other move as well.
 */
@Service
public class ClientLifecycle {

    private final ClientRepository clients;
    private final StatusHistory history;
    private final Installations installations;
    private final NetworkProvisioner network;

    ClientLifecycle(ClientRepository clients, StatusHistory history, Installations installations,
            NetworkProvisioner network) {
        this.clients = clients;
        this.history = history;
        this.installations = installations;
        this.network = network;
    }

    @Transactional
    public void approve(UUID clientId, String by, String notes) {
        move(load(clientId), ClientStatus.PENDING, ClientStatus.APPROVED, by, notes);
    }

    @Transactional
    public void reject(UUID clientId, String by, String reason) {
        ClientEntity client = load(clientId);
        if (client.status() != ClientStatus.PENDING && client.status() != ClientStatus.APPROVED) {
            throw new StatusChangeRefused("Only pending or approved clients can be rejected; this one is "
                    + client.status().name().toLowerCase());
        }
        move(client, client.status(), ClientStatus.REJECTED, by, reason);
    }

    /** Activates an approved client whose installation NOC verified, and tells the network. */
    @Transactional
    public void activate(UUID clientId, String by) {
        ClientEntity client = load(clientId);
        if (client.status() == ClientStatus.ACTIVE) {
            return;
        }
        if (!installations.isVerified(clientId)) {
            throw new StatusChangeRefused("Client " + client.accountNumber()
                    + " has no verified installation and cannot be activated");
        }
        move(client, ClientStatus.APPROVED, ClientStatus.ACTIVE, by, "Installation verified");
        network.activate(served(client), "Installation verified");
    }

    /** Service stops for an active client (unpaid renewal), and the network is told. */
    @Transactional
    public void suspend(UUID clientId, String by, String reason) {
        ClientEntity client = load(clientId);
        move(client, ClientStatus.ACTIVE, ClientStatus.SUSPENDED, by, reason);
        network.suspend(served(client), reason);
    }

    /** A suspended client is served again (he paid), and the network is told. */
    @Transactional
    public void reactivate(UUID clientId, String by, String reason) {
        ClientEntity client = load(clientId);
        move(client, ClientStatus.SUSPENDED, ClientStatus.ACTIVE, by, reason);
        network.reactivate(served(client), reason);
    }

    /** A suspended client is cut off for good (too long unpaid); the network already stopped serving him. */
    @Transactional
    public void disconnect(UUID clientId, String by, String reason) {
        move(load(clientId), ClientStatus.SUSPENDED, ClientStatus.DISCONNECTED, by, reason);
    }

    /** An active client leaves: his subscription ended without renewal; the network stops serving him. */
    @Transactional
    public void close(UUID clientId, String by, String reason) {
        ClientEntity client = load(clientId);
        move(client, ClientStatus.ACTIVE, ClientStatus.DISCONNECTED, by, reason);
        network.suspend(served(client), reason);
    }

    @Transactional(readOnly = true)
    public List<ClientStatusChange> history(UUID clientId) {
        load(clientId);
        return history.of(clientId);
    }

    private void move(ClientEntity client, ClientStatus expected, ClientStatus next, String by, String reason) {
        if (client.status() != expected) {
            throw new StatusChangeRefused("Client " + client.accountNumber() + " is "
                    + client.status().name().toLowerCase() + ", not " + expected.name().toLowerCase());
        }
        client.moveTo(next);
        clients.saveAndFlush(client);
        history.record(client.id(), expected, next, by, reason);
    }

    private static NetworkProvisioner.ServedClient served(ClientEntity client) {
        return new NetworkProvisioner.ServedClient(client.id(), client.accountNumber(), client.name());
    }

    private ClientEntity load(UUID clientId) {
        return clients.findByCompanyIdAndId(TenantContext.requireCompanyId(), clientId)
                .orElseThrow(() -> new ClientNotFound(clientId));
    }
}
