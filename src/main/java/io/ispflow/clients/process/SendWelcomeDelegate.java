package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Invoicing;
import io.ispflow.clients.ClientDetails;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/** Welcomes the new client by SMS (and e-mail, if he gave one) with what he needs to pay. */
@Component("sendWelcomeDelegate")
class SendWelcomeDelegate implements JavaDelegate {

    private final ClientMessages messages;
    private final OnboardedClient onboarded;
    private final Invoicing invoicing;

    SendWelcomeDelegate(ClientMessages messages, OnboardedClient onboarded, Invoicing invoicing) {
        this.messages = messages;
        this.onboarded = onboarded;
        this.invoicing = invoicing;
    }

    /** Name, number and addresses as stored: variables could have been changed by a task's completion. */
    @Override
    public void execute(DelegateExecution execution) {
        ClientDetails client = onboarded.of(execution);
        var values = Map.of("name", client.name(), "accountNumber", client.accountNumber(),
                "invoiceNumber", invoiceNumber(execution),
                "invoiceTotal", execution.getVariable(INVOICE_TOTAL));
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(), MessagePurpose.WELCOME, values);
        if (client.email() != null && !client.email().isBlank()) {
            messages.email(client.id(), client.email(), client.language(), MessagePurpose.WELCOME, values);
        }
    }

    private Object invoiceNumber(DelegateExecution execution) {
        Object id = execution.getVariable(INVOICE_ID);
        return id == null ? execution.getVariable(INVOICE_NUMBER)
                : invoicing.find(java.util.UUID.fromString((String) id)).orElseThrow().number();
    }
}
