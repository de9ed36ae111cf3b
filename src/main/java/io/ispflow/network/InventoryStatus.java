package io.ispflow.network;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an item is in its life. In stock it may go to a client, be found faulty or be retired; a
 * client's item comes back (returned) or breaks (faulty); a returned or repaired item goes back into
 * stock; retired is final.
 */
public enum InventoryStatus {
    IN_STOCK, ASSIGNED, FAULTY, RETURNED, RETIRED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InventoryStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public Set<InventoryStatus> next() {
        return switch (this) {
            case IN_STOCK -> EnumSet.of(ASSIGNED, FAULTY, RETIRED);
            case ASSIGNED -> EnumSet.of(RETURNED, FAULTY);
            case RETURNED -> EnumSet.of(IN_STOCK, FAULTY, RETIRED);
            case FAULTY -> EnumSet.of(IN_STOCK, RETIRED);
            case RETIRED -> EnumSet.noneOf(InventoryStatus.class);
        };
    }

    public boolean mayBecome(InventoryStatus status) {
        return next().contains(status);
    }
}
