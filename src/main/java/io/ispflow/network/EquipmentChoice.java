package io.ispflow.network;

import java.util.UUID;

/** A piece of equipment in stock, as offered for assignment: {@code label} is what staff read. */
public record EquipmentChoice(UUID id, String label, String serialNumber, String deviceType) {
}
