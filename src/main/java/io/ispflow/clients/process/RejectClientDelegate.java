package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;

/** The client is rejected (by NOC, or because installation was abandoned), with the reason. */
@Component("rejectClientDelegate")
class RejectClientDelegate implements JavaDelegate {

    private final ClientLifecycle lifecycle;

    RejectClientDelegate(ClientLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = (String) execution.getVariable(COMPLETED_BY);
        lifecycle.reject(UUID.fromString((String) execution.getVariable(CLIENT_ID)), by == null ? "system" : by,
                (String) execution.getVariable(REJECTION_REASON));
    }
}
