package io.ispflow.network;

import java.util.UUID;

/**
 * An inventory item of client equipment, as offered for assignment or listed as held: {@code label} is
 * what staff read, {@code deviceType} its inventory category.
 */
public record EquipmentChoice(UUID id, String label, String serialNumber, String deviceType) {
}
