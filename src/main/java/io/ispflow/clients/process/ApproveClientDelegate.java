package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;

/** NOC approved coverage and feasibility: the client becomes {@code approved}. */
@Component("approveClientDelegate")
class ApproveClientDelegate implements JavaDelegate {

    private final ClientLifecycle lifecycle;

    ApproveClientDelegate(ClientLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.approve(UUID.fromString((String) execution.getVariable(CLIENT_ID)),
                (String) execution.getVariable(COMPLETED_BY), (String) execution.getVariable(NOC_NOTES));
    }
}
