package io.ispflow.network.process;

import static io.ispflow.network.process.InstallationVariables.*;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import io.ispflow.network.Technicians;

/** Offers the company's technicians as the options of the scheduling form ({@code technicianOptions}). */
@Component("technicianChoicesListener")
class TechnicianChoicesListener implements TaskListener {

    private final Technicians technicians;
    private final ObjectMapper json = new ObjectMapper();

    TechnicianChoicesListener(Technicians technicians) {
        this.technicians = technicians;
    }

    @Override
    public void notify(DelegateTask task) {
        List<Map<String, String>> options = technicians.available().stream()
                .map(t -> Map.of("label", t.label(), "value", t.reference()))
                .toList();
        try {
            task.getExecution().setVariable(TECHNICIAN_OPTIONS,
                    SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
