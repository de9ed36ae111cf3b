package io.ispflow.network;

/** One item of a delivery as received, with the line of the delivery note it came from. */
public record DeliveryLine(int line, InventoryCategory category, InventoryItemDetails details) {
}
