package io.ispflow.network.devices;

import java.util.UUID;

/** Another device of the company has the same name or serial number. */
public class DeviceDuplicate extends RuntimeException {

    private final String field;
    private final UUID existingDeviceId;

    public DeviceDuplicate(String field, UUID existingDeviceId) {
        super("Device " + existingDeviceId + " has the same " + ("name".equals(field) ? "name" : "serial number")
                + " already.");
        this.field = field;
        this.existingDeviceId = existingDeviceId;
    }

    public String field() {
        return field;
    }

    public UUID existingDeviceId() {
        return existingDeviceId;
    }
}
