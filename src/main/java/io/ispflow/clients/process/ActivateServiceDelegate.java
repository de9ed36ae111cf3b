package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientLifecycle;

/** The installation is verified: the client becomes {@code active} and the network serves him. */
@Component("activateServiceDelegate")
class ActivateServiceDelegate implements JavaDelegate {

    private final ClientLifecycle lifecycle;
    private final OnboardedClient onboarded;

    ActivateServiceDelegate(ClientLifecycle lifecycle, OnboardedClient onboarded) {
        this.lifecycle = lifecycle;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        lifecycle.activate(onboarded.clientIdOf(execution), "onboarding");
    }
}
