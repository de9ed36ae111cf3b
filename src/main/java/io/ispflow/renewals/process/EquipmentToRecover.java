package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.EQUIPMENT_HELD;

import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.ispflow.network.EquipmentChoice;
import io.ispflow.network.EquipmentStock;

/** Lists the equipment a client holds for the "Recover equipment" task's form. */
@Component
class EquipmentToRecover {

    private final EquipmentStock stock;

    EquipmentToRecover(EquipmentStock stock) {
        this.stock = stock;
    }

    void list(DelegateExecution execution, UUID clientId) {
        var held = stock.heldBy(clientId);
        execution.setVariable(EQUIPMENT_HELD, held.isEmpty() ? "No equipment on record"
                : held.stream().map(EquipmentChoice::label).collect(Collectors.joining("\n")));
    }
}
