package io.ispflow.clients.process;

import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.network.ClientOfProcess;

/**
 * The client an onboarding (and the installation it calls) is about: the process's business key is his
 * account number, which staff read and search for in Tasklist. Unlike the {@code clientId} variable, no
 * task completion can change the business key, and the account number is unique in the company whose
 * tenant the process runs in, so a later step cannot be turned onto another client.
 */
@Component
class OnboardedClient implements ClientOfProcess {

    private final ClientDirectory clients;

    OnboardedClient(ClientDirectory clients) {
        this.clients = clients;
    }

    @Override
    public UUID clientIdOf(DelegateExecution execution) {
        return of(execution).id();
    }

    ClientDetails of(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null) {
            throw new IllegalStateException("The process has no client yet: he is registered first");
        }
        return legacyClientId(key).map(clients::find)
                .orElseGet(() -> clients.findByAccountNumber(key))
                .orElseThrow(() -> new IllegalStateException("No client with account number " + key));
    }

    /** Instances started before account numbers became business keys carry the client's id. */
    private static Optional<UUID> legacyClientId(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException accountNumber) {
            return Optional.empty();
        }
    }
}
