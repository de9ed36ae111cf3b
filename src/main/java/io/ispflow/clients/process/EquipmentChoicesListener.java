package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import io.ispflow.network.EquipmentStock;

/**
 * When the equipment task is created, offers the company's unassigned equipment that suits the
 * client's connection type, as the options of the form's select field ({@code equipmentOptions}).
 */
@Component("equipmentChoicesListener")
class EquipmentChoicesListener implements TaskListener {

    private final EquipmentStock stock;
    private final ObjectMapper json = new ObjectMapper();

    EquipmentChoicesListener(EquipmentStock stock) {
        this.stock = stock;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = stock.availableFor((String) task.getVariable(CONNECTION_TYPE)).stream()
                .map(item -> Map.of("label", item.label(), "value", item.id().toString()))
                .toList();
        try {
            task.getExecution().setVariable(EQUIPMENT_OPTIONS,
                    SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
