package io.ispflow.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An item of the company's inventory; {@code itemId} is its readable id, e.g. {@code CPE-000001}. */
public record InventoryItem(UUID id, String itemId, InventoryCategory category, String name, String manufacturer,
        String model, String serialNumber, String macAddress, LocalDate purchaseDate, LocalDate warrantyExpiryDate,
        String supplier, BigDecimal cost, String location, InventoryStatus status, UUID assignedClientId,
        Instant assignedAt, String notes, Instant createdAt, Instant updatedAt) {
}
