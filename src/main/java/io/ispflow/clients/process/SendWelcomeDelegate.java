package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.Notifier;

/** Welcomes the new client by SMS (and e-mail, if he gave one) with what he needs to pay. */
@Component("sendWelcomeDelegate")
class SendWelcomeDelegate implements JavaDelegate {

    private final Notifier notifier;

    SendWelcomeDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID clientId = UUID.fromString((String) execution.getVariable(CLIENT_ID));
        String text = "Karibu " + execution.getVariable(NAME) + "! Your internet service is now active."
                + " Account number: " + execution.getVariable(ACCOUNT_NUMBER)
                + ". First invoice " + execution.getVariable(INVOICE_NUMBER) + ": KES "
                + execution.getVariable(INVOICE_TOTAL)
                + ". Pay by M-PESA with your account number as the reference.";
        notifier.textClient(clientId, (String) execution.getVariable(PHONE), "welcome", text);
        String email = (String) execution.getVariable(EMAIL);
        if (email != null && !email.isBlank()) {
            notifier.emailClient(clientId, email, "welcome", "Welcome to your new internet service", text);
        }
    }
}
