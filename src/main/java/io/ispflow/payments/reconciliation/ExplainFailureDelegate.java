package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.Notifier;

/** Tells the payer, in plain words, why nothing was paid. */
@Component
class ExplainFailureDelegate implements JavaDelegate {

    private final StoredPayments storedPayments;
    private final StkRequests stkRequests;
    private final ClientDirectory clients;
    private final Notifier notifier;

    ExplainFailureDelegate(StoredPayments storedPayments, StkRequests stkRequests, ClientDirectory clients,
            Notifier notifier) {
        this.storedPayments = storedPayments;
        this.stkRequests = stkRequests;
        this.clients = clients;
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stkRequests.failed(checkoutRequestId(execution), storedPayments.onRecord(execution));
        var client = stkRequests.promptedClient(checkoutRequestId(execution)).flatMap(clients::find);
        phone(execution).or(() -> client.map(ClientDetails::phone)).ifPresent(to -> notifier.textClient(
                client.map(ClientDetails::id).orElse(null), to, "payment_failed",
                "Your M-PESA payment did not go through: "
                        + MpesaResultTexts.plainWords(resultCode(execution).orElse(null))
                        + " Nothing was charged. Please try again."));
        storedPayments.markProcessed(execution);
    }
}
