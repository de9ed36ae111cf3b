package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.Notifier;

/** Tells the staff member who registered the client that it was rejected, and why. */
@Component("notifySalesOfRejectionDelegate")
class NotifySalesOfRejectionDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final OnboardedClient onboarded;

    NotifySalesOfRejectionDelegate(Notifier notifier, OnboardedClient onboarded) {
        this.notifier = notifier;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String registeredBy = (String) execution.getVariable(REGISTERED_BY);
        if (registeredBy == null) {
            return;
        }
        notifier.notifyStaff(registeredBy,
                "Client rejected: " + execution.getVariable(NAME) + " (" + execution.getVariable(ACCOUNT_NUMBER) + ")",
                "Reason: " + execution.getVariable(REJECTION_REASON),
                "client", onboarded.clientIdOf(execution));
    }
}
