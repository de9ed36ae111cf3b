package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;
import io.ispflow.platform.camunda.FormValues;

/** The client is rejected (by NOC, or because installation was abandoned), with the reason. */
@Component("rejectClientDelegate")
class RejectClientDelegate implements JavaDelegate {

    private final ClientLifecycle lifecycle;
    private final OnboardedClient onboarded;

    RejectClientDelegate(ClientLifecycle lifecycle, OnboardedClient onboarded) {
        this.lifecycle = lifecycle;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String by = (String) execution.getVariable(COMPLETED_BY);
        lifecycle.reject(onboarded.clientIdOf(execution), by == null ? "system" : by,
                FormValues.text(execution.getVariable(REJECTION_REASON)));
    }
}
