package io.ispflow.network.provisioning;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * "Switch the client's port": SET and read-back over SNMP. A failed attempt fails the job, which the
 * engine retries ({@code ${portSwitchSettings.retryCycle}}); when the last attempt fails, or the port
 * cannot be switched over SNMP at all, the failure is recorded and handed to staff as the BPMN error
 * {@code PORT_SWITCH_FAILED}.
 */
@Component("switchClientPortDelegate")
class SwitchClientPortDelegate implements JavaDelegate {

    private final PortSwitchRequest requests;
    private final PortSwitching switching;
    private final PortSwitchSettings settings;

    SwitchClientPortDelegate(PortSwitchRequest requests, PortSwitching switching, PortSwitchSettings settings) {
        this.requests = requests;
        this.switching = switching;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var request = requests.of(execution);
        try {
            switching.switchPort(request.clientId(), request.port(), request.wanted());
        } catch (PortNotSwitchable e) {
            handOver(request, e.getMessage());
        } catch (PortSwitchFailed e) {
            if (attemptsLeft() > 1) {
                throw e;
            }
            handOver(request, e.getMessage());
        }
    }

    private void handOver(PortSwitchRequest.Switch request, String error) {
        switching.recordFailure(request.clientId(), request.port(), request.wanted(), error);
        throw new BpmnError(PortSwitchVariables.SWITCH_FAILED, error);
    }

    /**
     * Attempts left, this one included, from the job being executed (a message job is already deleted
     * from the job table while it runs, so it is not queried): the engine sets a job's retries from the
     * retry cycle only after its first failure, so a job that has not failed yet has all of them.
     */
    private int attemptsLeft() {
        Job job = Context.getCommandContext().getCurrentJob();
        if (job == null) {
            return 1;
        }
        return job.getExceptionMessage() == null ? settings.attempts() : job.getRetries();
    }
}
