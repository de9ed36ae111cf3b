package io.ispflow.network.qos;

import java.util.UUID;

/** No client of the company by this id. */
public class ClientNotFound extends RuntimeException {

    public ClientNotFound(UUID id) {
        super("No client " + id + " in your company.");
    }
}
