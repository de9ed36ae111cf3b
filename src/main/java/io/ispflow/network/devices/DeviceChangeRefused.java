package io.ispflow.network.devices;

/** The device is not in a state for the change: retired, or still serving clients on its ports. */
public class DeviceChangeRefused extends RuntimeException {

    public DeviceChangeRefused(String message) {
        super(message);
    }
}
