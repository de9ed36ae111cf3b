package io.ispflow.network.devices;

/** The SNMP access given is incomplete or inconsistent (a v3 user without keys, a community for v3 …). */
public class InvalidDeviceAccess extends RuntimeException {

    private final String field;

    public InvalidDeviceAccess(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
