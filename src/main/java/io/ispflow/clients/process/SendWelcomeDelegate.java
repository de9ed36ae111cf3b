package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.Notifier;

/** Welcomes the new client by SMS (and e-mail, if he gave one) with what he needs to pay. */
@Component("sendWelcomeDelegate")
class SendWelcomeDelegate implements JavaDelegate {

    private final Notifier notifier;
    private final ClientDirectory clients;

    SendWelcomeDelegate(Notifier notifier, ClientDirectory clients) {
        this.notifier = notifier;
        this.clients = clients;
    }

    /** Name, number and addresses as stored: variables could have been changed by a task's completion. */
    @Override
    public void execute(DelegateExecution execution) {
        ClientDetails client = clients.find(clientOf(execution)).orElseThrow();
        String text = "Karibu " + client.name() + "! Your internet service is now active."
                + " Account number: " + client.accountNumber()
                + ". First invoice " + execution.getVariable(INVOICE_NUMBER) + ": KES "
                + execution.getVariable(INVOICE_TOTAL)
                + ". Pay by M-PESA with your account number as the reference.";
        notifier.textClient(client.id(), client.phone(), "welcome", text);
        if (client.email() != null && !client.email().isBlank()) {
            notifier.emailClient(client.id(), client.email(), "welcome", "Welcome to your new internet service", text);
        }
    }
}
