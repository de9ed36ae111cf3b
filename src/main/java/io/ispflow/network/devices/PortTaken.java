package io.ispflow.network.devices;

import java.util.UUID;

/** Another client is on that port of the device already. */
public class PortTaken extends RuntimeException {

    private final UUID clientId;

    public PortTaken(String deviceName, int ifIndex, UUID clientId) {
        super("Port " + ifIndex + " of " + deviceName + " serves another client already.");
        this.clientId = clientId;
    }

    public UUID clientId() {
        return clientId;
    }
}
