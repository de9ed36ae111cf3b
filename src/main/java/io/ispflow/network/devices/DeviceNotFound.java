package io.ispflow.network.devices;

import java.util.UUID;

/** No such device in the caller's company. */
public class DeviceNotFound extends RuntimeException {

    public DeviceNotFound(UUID id) {
        super("No network device " + id + " in your company.");
    }
}
