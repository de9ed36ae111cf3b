package io.ispflow.network;

import java.util.UUID;

/** The chosen equipment is no longer in stock (assigned meanwhile, or not this company's). */
public class EquipmentUnavailable extends RuntimeException {

    public EquipmentUnavailable(UUID equipmentId) {
        super("Equipment " + equipmentId + " is no longer available; choose another item.");
    }
}
