package io.ispflow.network.provisioning;

import java.util.Locale;

/** IF-MIB {@code ifAdminStatus} values a client's access port is switched to. */
enum PortState {
    UP(1, "up (service restored)"), DOWN(2, "down (service suspended)");

    private final int adminStatus;
    private final String text;

    PortState(int adminStatus, String text) {
        this.adminStatus = adminStatus;
        this.text = text;
    }

    int adminStatus() {
        return adminStatus;
    }

    /** The state in words, for staff. */
    String text() {
        return text;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PortState of(Object value) {
        return PortState.valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
    }
}
