package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/** Tells the client his new period is paid from his wallet. */
@Component("sendRenewalReceiptDelegate")
class SendRenewalReceiptDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final ClientMessages messages;

    SendRenewalReceiptDelegate(LifecycleSubject subject, ClientMessages messages) {
        this.subject = subject;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                MessagePurpose.INVOICE_PAID_FROM_WALLET, Map.of(
                "name", client.name(), "periodStart", subscription.periodStart(), "periodEnd", subscription.periodEnd(),
                "invoiceNumber", subject.invoiceNumber(execution), "total", subscription.monthlyRate()));
    }
}
