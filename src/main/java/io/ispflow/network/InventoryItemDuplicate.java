package io.ispflow.network;

/** Another item of the company has the same serial number or MAC address. */
public class InventoryItemDuplicate extends RuntimeException {

    private final String field;
    private final String existingItemId;

    public InventoryItemDuplicate(String field, String existingItemId) {
        super("Item " + existingItemId + " has the same " + ("macAddress".equals(field) ? "MAC address" : "serial number")
                + " already.");
        this.field = field;
        this.existingItemId = existingItemId;
    }

    public String field() {
        return field;
    }

    public String existingItemId() {
        return existingItemId;
    }
}
