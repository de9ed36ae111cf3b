package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.ispflow.network.EquipmentStock;
import io.ispflow.platform.camunda.FormValues;

/**
 * When the equipment task is created, offers the company's unassigned equipment that suits the
 * client's connection type, as the options of the form's select field ({@code equipmentOptions}).
 */
@Component("equipmentChoicesListener")
class EquipmentChoicesListener implements TaskListener {

    private final EquipmentStock stock;

    EquipmentChoicesListener(EquipmentStock stock) {
        this.stock = stock;
    }

    @Override
    public void notify(DelegateTask task) {
        var available = stock.availableFor((String) task.getVariable(CONNECTION_TYPE));
        task.getExecution().setVariable(EQUIPMENT_OPTIONS,
                FormValues.selectOptions(available, item -> item.label(), item -> item.id().toString()));
    }
}
