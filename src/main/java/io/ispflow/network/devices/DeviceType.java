package io.ispflow.network.devices;

import java.util.Locale;

/** What kind of network device it is: the device types of the equipment catalogue. */
public enum DeviceType {
    ROUTER, SWITCH, ACCESS_POINT, CPE, ONU, OLT, RADIO, MODEM, FIREWALL, SERVER;

    /** As stored and as the API writes it. */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeviceType ofDb(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
