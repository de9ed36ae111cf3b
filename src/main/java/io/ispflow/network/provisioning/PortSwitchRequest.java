package io.ispflow.network.provisioning;

import static io.ispflow.network.provisioning.PortSwitchVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import io.ispflow.network.ClientOfProcess;
import io.ispflow.platform.camunda.ProcessInputRefusals;

/**
 * What a {@code clientPortSwitch} instance switches, checked against stored data: the client is the one
 * its business key names, and the port must be recorded for him, so that no variable a completed task
 * set can turn the switch onto another client's port (refused as the caller's mistake).
 */
@Component
class PortSwitchRequest {

    record Switch(UUID clientId, AccessPort port, PortState wanted) {
    }

    private final ClientOfProcess clients;
    private final SwitchablePorts ports;

    PortSwitchRequest(ClientOfProcess clients, SwitchablePorts ports) {
        this.clients = clients;
        this.ports = ports;
    }

    Switch of(DelegateExecution execution) {
        UUID clientId = clients.clientIdOf(execution);
        UUID equipmentId = UUID.fromString(String.valueOf(execution.getVariable(EQUIPMENT_ID)));
        int ifIndex = ((Number) execution.getVariable(IF_INDEX)).intValue();
        AccessPort port = ports.find(clientId, equipmentId, ifIndex).orElseThrow(() -> ProcessInputRefusals.refuse(
                "Port " + ifIndex + " of device " + equipmentId + " is not recorded for the process's client"));
        return new Switch(clientId, port, PortState.of(execution.getVariable(WANTED_STATE)));
    }
}
