package io.ispflow.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of item it is; item ids are counted per company and category ({@code CPE-000001}). */
public enum InventoryCategory {
    ROUTER, SWITCH, ACCESS_POINT, CPE, ONU, OLT, RADIO, MODEM, FIREWALL, SERVER, CABLE, CONSUMABLE, OTHER;

    /** As stored and as the API writes it. */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InventoryCategory> fromText(String text) {
        return Arrays.stream(values()).filter(c -> c.db().equalsIgnoreCase(text.strip())).findFirst();
    }
}
