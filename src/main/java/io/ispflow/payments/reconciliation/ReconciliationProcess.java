package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one {@code paymentReconciliation} per received payment, in the transaction that marks its
 * inbox row dispatched: the start is durable with the row, and the work runs later on the job executor
 * (the start event is asynchronous).
 */
@Component
class ReconciliationProcess {

    private final RuntimeService runtimeService;

    ReconciliationProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * A payment as its inbox row tells it, to reconcile: {@code inboxId} is the row; {@code paid} whether
     * the channel says money moved; {@code resultCode} M-PESA's code of a failed push; {@code reference}
     * the CheckoutRequestID of an STK push or the bank's transaction reference.
     */
    record PaymentToReconcile(UUID inboxId, String channel, boolean paid, String resultCode,
            String mpesaReceiptNumber, BigDecimal amount, String phone, String reference, String accountReference) {
    }

    void start(PaymentToReconcile payment) {
        VariableMap variables = Variables.createVariables();
        // only what the payment carries: every variable is a runtime row and, at history level full, more
        putIfPresent(variables, CALLBACK_ID, payment.inboxId().toString());
        putIfPresent(variables, CHANNEL, payment.channel());
        putIfPresent(variables, OUTCOME, payment.paid() ? PAID : FAILED);
        putIfPresent(variables, RESULT_CODE, payment.paid() ? null : payment.resultCode());
        putIfPresent(variables, RECEIPT, payment.mpesaReceiptNumber());
        putIfPresent(variables, AMOUNT, payment.amount() == null ? null : payment.amount().toPlainString());
        putIfPresent(variables, PHONE, payment.phone());
        putIfPresent(variables, BANK.equals(payment.channel()) ? BANK_REFERENCE : CHECKOUT_REQUEST_ID,
                payment.reference());
        putIfPresent(variables, ACCOUNT_REFERENCE, payment.accountReference());
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(payment.mpesaReceiptNumber() != null ? payment.mpesaReceiptNumber() : payment.reference())
                .setVariables(variables)
                .execute();
    }

    private static void putIfPresent(VariableMap variables, String name, Object value) {
        if (value != null) {
            variables.putValue(name, value);
        }
    }
}
