package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.checkoutRequestId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.Payments;

/**
 * Closes a payment that was credited already. When it was credited by another channel first (a paybill
 * confirmation of the pushed money), the push is answered and the payment learns its CheckoutRequestID.
 */
@Component
class CloseDuplicateDelegate implements JavaDelegate {

    private final StoredPayments storedPayments;
    private final StkRequests stkRequests;
    private final Payments payments;

    CloseDuplicateDelegate(StoredPayments storedPayments, StkRequests stkRequests, Payments payments) {
        this.storedPayments = storedPayments;
        this.stkRequests = stkRequests;
        this.payments = payments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var checkout = checkoutRequestId(execution);
        if (checkout.isPresent()) {
            var stored = storedPayments.onRecord(execution);
            var receipt = stored.receipt(execution);
            stkRequests.completed(checkout, stored, receipt);
            payments.learnCheckout(receipt.orElse(null), checkout.get());
        }
        storedPayments.markProcessed(execution);
    }
}
