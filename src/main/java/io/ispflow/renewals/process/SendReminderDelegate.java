package io.ispflow.renewals.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/** Reminds the client what he owes and by when. */
@Component("sendReminderDelegate")
class SendReminderDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final ClientMessages messages;

    SendReminderDelegate(LifecycleSubject subject, Subscriptions subscriptions, ClientMessages messages) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        var arrears = subscriptions.arrears(subscription.id(), false);
        messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                MessagePurpose.PAYMENT_REMINDER, Map.of(
                "name", client.name(), "amountDue", arrears.amount(), "dueDate", arrears.oldestDueDate(),
                "accountNumber", client.accountNumber()));
    }
}
