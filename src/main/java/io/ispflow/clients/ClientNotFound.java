package io.ispflow.clients;

import java.util.UUID;

/** No client with this id exists in the caller's company. */
public class ClientNotFound extends RuntimeException {

    public ClientNotFound(UUID id) {
        super("No client " + id + " in your company.");
    }
}
