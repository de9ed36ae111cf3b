package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.Payments;

/** Finance found the payment to be the one credited before: it is joined to it and closed. */
@Component
class JoinToCreditedPaymentDelegate implements JavaDelegate {

    private final StoredPayments storedPayments;
    private final StkRequests stkRequests;
    private final Payments payments;

    JoinToCreditedPaymentDelegate(StoredPayments storedPayments, StkRequests stkRequests, Payments payments) {
        this.storedPayments = storedPayments;
        this.stkRequests = stkRequests;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var stored = storedPayments.onRecord(execution);
        var checkout = checkoutRequestId(execution);
        var receipt = stored.receipt(execution);
        payments.joinKeys(possiblySamePaymentId(execution), checkout.orElse(null), receipt.orElse(null));
        stkRequests.completed(checkout, stored, receipt);
        storedPayments.markProcessed(execution);
    }
}
