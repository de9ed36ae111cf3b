package io.ispflow.network.devices;

import java.util.UUID;

/** No such client in the caller's company, or he has no access port on record. */
public class ClientPortNotFound extends RuntimeException {

    private final boolean noClient;

    private ClientPortNotFound(String message, boolean noClient) {
        super(message);
        this.noClient = noClient;
    }

    /** Whether the client himself is not the company's (rather than his port missing). */
    public boolean noClient() {
        return noClient;
    }

    static ClientPortNotFound noClient(UUID clientId) {
        return new ClientPortNotFound("No client " + clientId + " in your company.", true);
    }

    static ClientPortNotFound noPort(UUID clientId) {
        return new ClientPortNotFound("Client " + clientId + " has no access port on record.", false);
    }
}
