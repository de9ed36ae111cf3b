package io.ispflow.network.provisioning;

import static io.ispflow.network.provisioning.PortSwitchVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * While "Switch client manually" is open, Cockpit shows a {@code portSwitchFailed} incident on it (the
 * automatic switch failed; a port is in the wrong state); completing the task resolves it.
 */
@Component("portSwitchIncidentListener")
class PortSwitchIncidentListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        RuntimeService runtime = task.getProcessEngineServices().getRuntimeService();
        // system bookkeeping: the staff member completing the task may not manage incidents
        Context.getCommandContext().runWithoutAuthorization(() -> {
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                runtime.createIncident(INCIDENT_TYPE, task.getExecutionId(),
                        task.getVariable(EQUIPMENT_ID) + "/" + task.getVariable(IF_INDEX), message(task));
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId())
                        .incidentType(INCIDENT_TYPE).list()
                        .forEach(incident -> runtime.resolveIncident(incident.getId()));
            }
            return null;
        });
    }

    private static String message(DelegateTask task) {
        return "Port " + task.getVariable(PORT_NAME) + " (ifIndex " + task.getVariable(IF_INDEX) + ") of "
                + task.getVariable(DEVICE_NAME) + " for client " + task.getVariable(ACCOUNT_NUMBER)
                + " is not " + task.getVariable(WANTED_STATE) + ": " + task.getVariable(FAILURE);
    }
}
