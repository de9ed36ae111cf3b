package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;
import io.ispflow.platform.camunda.FormValues;

/** NOC approved coverage and feasibility: the client becomes {@code approved}. */
@Component("approveClientDelegate")
class ApproveClientDelegate implements JavaDelegate {

    private final ClientLifecycle lifecycle;
    private final OnboardedClient onboarded;

    ApproveClientDelegate(ClientLifecycle lifecycle, OnboardedClient onboarded) {
        this.lifecycle = lifecycle;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.approve(onboarded.clientIdOf(execution), (String) execution.getVariable(COMPLETED_BY),
                FormValues.text(execution.getVariable(NOC_NOTES)));
    }
}
