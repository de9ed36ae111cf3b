package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/** Tells the payer, in plain words, why nothing was paid. */
@Component
class ExplainFailureDelegate implements JavaDelegate {

    private final StoredPayments storedPayments;
    private final StkRequests stkRequests;
    private final ClientDirectory clients;
    private final ClientMessages messages;

    ExplainFailureDelegate(StoredPayments storedPayments, StkRequests stkRequests, ClientDirectory clients,
            ClientMessages messages) {
        this.storedPayments = storedPayments;
        this.stkRequests = stkRequests;
        this.clients = clients;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stkRequests.failed(checkoutRequestId(execution), storedPayments.onRecord(execution));
        var client = stkRequests.promptedClient(checkoutRequestId(execution)).flatMap(clients::find);
        phone(execution).or(() -> client.map(ClientDetails::phone)).flatMap(Msisdn::tryParse)
                .ifPresent(to -> messages.text(client.map(ClientDetails::id).orElse(null), to,
                        client.map(ClientDetails::language).orElse(null), MessagePurpose.PAYMENT_FAILED,
                        Map.of("reason", MpesaResultTexts.plainWords(resultCode(execution).orElse(null)))));
        storedPayments.markProcessed(execution);
    }
}
