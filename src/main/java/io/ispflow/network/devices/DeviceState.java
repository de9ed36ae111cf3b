package io.ispflow.network.devices;

import java.util.Locale;

/** What monitoring knows of a device: answering polls, not answering, or never polled yet. */
public enum DeviceState {
    UNKNOWN, UP, DOWN;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeviceState ofDb(String value) {
        return value == null ? UNKNOWN : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
