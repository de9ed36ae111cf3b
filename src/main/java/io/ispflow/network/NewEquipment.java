package io.ispflow.network;

/** Equipment received into stock. {@code brand}/{@code model} must match a catalogued equipment type. */
public record NewEquipment(String brand, String model, String serialNumber, String macAddress, String location) {
}
