package io.ispflow.billing;

import java.util.UUID;

/** The client named in a billing request is not one of the caller's company. */
public class UnknownClient extends RuntimeException {

    public UnknownClient(UUID clientId) {
        super("No client " + clientId + " in your company.");
    }
}
