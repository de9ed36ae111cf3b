package io.ispflow.network.provisioning;

import static io.ispflow.network.provisioning.PortSwitchVariables.COMPLETED_BY;
import static io.ispflow.network.provisioning.PortSwitchVariables.NOTE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the manual switch": a {@code port_switched_manually} network event with who switched it. */
@Component("recordManualSwitchDelegate")
class RecordManualSwitchDelegate implements JavaDelegate {

    private static final int NOTE_LENGTH = 1000;

    private final PortSwitchRequest requests;
    private final PortSwitching switching;

    RecordManualSwitchDelegate(PortSwitchRequest requests, PortSwitching switching) {
        this.requests = requests;
        this.switching = switching;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var request = requests.of(execution);
        Object note = execution.getVariable(NOTE);
        String text = note == null || note.toString().isBlank() ? null : note.toString().strip();
        if (text != null && text.length() > NOTE_LENGTH) {
            text = text.substring(0, NOTE_LENGTH);
        }
        switching.recordManualSwitch(request.clientId(), request.port(), request.wanted(),
                String.valueOf(execution.getVariable(COMPLETED_BY)), text);
    }
}
