package io.ispflow.network;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The client a process is about, found from its business key: his account number, which no task
 * completion can change (a {@code clientId} variable could be). Provided by the clients module, which
 * depends on network, not the other way round.
 */
public interface ClientOfProcess {

    /** @throws IllegalStateException when the business key names no client of the process's company */
    UUID clientIdOf(DelegateExecution execution);
}
