package io.ispflow.network.readings;

import java.util.Locale;

/** The kinds of network event on record. */
public enum NetworkEventType {
    SERVICE_ACTIVATED, SERVICE_SUSPENDED, SERVICE_REACTIVATED, SERVICE_DISCONNECTED, LINK_UP, LINK_DOWN,
    SNMP_POLL_FAILED, CONFIG_PUSHED, DEVICE_DOWN, DEVICE_UP, DEVICE_RESTARTED, PORT_DISABLED, PORT_ENABLED,
    PORT_SWITCH_FAILED, PORT_SWITCHED_MANUALLY;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static NetworkEventType ofDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
