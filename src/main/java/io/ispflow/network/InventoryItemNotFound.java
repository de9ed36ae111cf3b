package io.ispflow.network;

import java.util.UUID;

/** No such inventory item in the caller's company. */
public class InventoryItemNotFound extends RuntimeException {

    public InventoryItemNotFound(UUID id) {
        super("No inventory item " + id + " in your company.");
    }
}
