package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.network.EquipmentStock;
import io.ispflow.network.EquipmentUnavailable;
import io.ispflow.platform.camunda.FormValues;

/**
 * Assigns the chosen equipment to the client. If someone took it meanwhile the process goes back to
 * the choice, with the problem shown on the form.
 */
@Component("reserveEquipmentDelegate")
class ReserveEquipmentDelegate implements JavaDelegate {

    static final String EQUIPMENT_TAKEN = "EQUIPMENT_TAKEN";

    private final EquipmentStock stock;
    private final OnboardedClient onboarded;

    ReserveEquipmentDelegate(EquipmentStock stock, OnboardedClient onboarded) {
        this.stock = stock;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chosen = FormValues.text(execution.getVariable(EQUIPMENT_ID));
        try {
            if (chosen == null || chosen.isBlank()) {
                throw new EquipmentUnavailable(null);
            }
            var item = stock.assign(UUID.fromString(chosen), onboarded.clientIdOf(execution),
                    (String) execution.getVariable(COMPLETED_BY));
            execution.setVariable(EQUIPMENT_SERIAL, item.serialNumber());
            execution.setVariable(EQUIPMENT_LABEL, item.label());
            execution.removeVariable(EQUIPMENT_PROBLEM);
        } catch (EquipmentUnavailable | IllegalArgumentException e) {
            throw new BpmnError(EQUIPMENT_TAKEN,
                    "The equipment you chose is no longer available. Choose another item.");
        }
    }
}
