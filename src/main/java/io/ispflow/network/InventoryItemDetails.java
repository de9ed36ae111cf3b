package io.ispflow.network;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What staff record about an item, all of it editable; blank text is none. */
public record InventoryItemDetails(String name, String manufacturer, String model, String serialNumber,
        String macAddress, LocalDate purchaseDate, LocalDate warrantyExpiryDate, String supplier, BigDecimal cost,
        String location, String notes) {

    /**
     * MAC addresses as {@code aa-bb-cc-dd-ee-ff}, {@code aabb.ccdd.eeff}, {@code aabbccddeeff} or with
     * colons, in either case; stored as {@code AA:BB:CC:DD:EE:FF}.
     */
    public static final String MAC = "(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}|(?:[0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}"
            + "|[0-9A-Fa-f]{12}";

    /** Text stripped, blanks as none, the MAC address in its stored notation. */
    InventoryItemDetails normalised() {
        return new InventoryItemDetails(text(name), text(manufacturer), text(model), text(serialNumber),
                EquipmentStock.normaliseMac(text(macAddress)), purchaseDate, warrantyExpiryDate, text(supplier), cost,
                text(location), text(notes));
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
