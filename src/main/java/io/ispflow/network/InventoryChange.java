package io.ispflow.network;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of an item's history: {@code created}, {@code updated} or {@code status_changed}, each
 * changed field with its value before and after, who did it (a staff profile; none for system work)
 * and when.
 */
public record InventoryChange(String action, Map<String, List<Object>> changes, UUID performedBy, Instant at) {
}
