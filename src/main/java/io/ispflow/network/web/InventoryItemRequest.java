package io.ispflow.network.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;

import io.ispflow.network.InventoryCategory;
import io.ispflow.network.InventoryItemDetails;

/**
 * An item as staff send it, in JSON or as a line of a CSV delivery. The category is required when the
 * item is added ({@link Creation}); on an update it may be left out.
 */
record InventoryItemRequest(@NotNull(groups = InventoryItemRequest.Creation.class) InventoryCategory category,
        @Size(max = 255) String name,
        @Size(max = 100) String manufacturer,
        @Size(max = 100) String model,
        @Size(max = 100) String serialNumber,
        @Pattern(regexp = InventoryItemDetails.MAC, message = "must be a MAC address such as AA:BB:CC:DD:EE:FF")
        String macAddress,
        LocalDate purchaseDate,
        LocalDate warrantyExpiryDate,
        @Size(max = 255) String supplier,
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must be shillings with at most 2 decimals") BigDecimal cost,
        @Size(max = 255) String location,
        @Size(max = 2000) String notes) {

    /** The validation of a new item: the default constraints and a category. */
    interface Creation extends Default {
    }

    InventoryItemDetails details() {
        return new InventoryItemDetails(name, manufacturer, model, serialNumber, macAddress, purchaseDate,
                warrantyExpiryDate, supplier, cost, location, notes);
    }
}
