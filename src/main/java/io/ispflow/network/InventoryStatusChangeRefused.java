package io.ispflow.network;

/** The item's status cannot go where asked from where it is (retired is final, for one). */
public class InventoryStatusChangeRefused extends RuntimeException {

    public InventoryStatusChangeRefused(String itemId, InventoryStatus from, InventoryStatus to) {
        super("Item " + itemId + " is " + from.db() + " and cannot become " + to.db() + (from.next().isEmpty() ? "."
                : "; it may become " + String.join(", ", from.next().stream().map(InventoryStatus::db).toList()) + "."));
    }
}
