package io.ispflow.payments.process;

import static io.ispflow.payments.process.ReconciliationVariables.*;

import java.math.BigDecimal;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts one {@code paymentReconciliation} per received payment, in the intake's transaction: the
 * start is durable with the inbox row, and the work runs later on the job executor (the start event is
 * asynchronous), so the sender's acknowledgement never waits for it.
 */
@Component
public class ReconciliationProcess {

    private final RuntimeService runtimeService;

    ReconciliationProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Channels a payment arrives by. */
    public static final String MPESA_STK = "mpesa_stk";
    public static final String MPESA_PAYBILL = "mpesa_c2b";
    public static final String BANK = "bank";

    /**
     * A payment as it arrived, for reconciliation: {@code inboxId} is its row in the channel's inbox
     * ({@code mpesa_callbacks} or {@code bank_notifications}); {@code reference} the CheckoutRequestID of
     * an STK push or the bank's transaction reference.
     */
    public record ReceivedPayment(UUID inboxId, String channel, String resultCode, String resultDesc,
            String mpesaReceiptNumber, BigDecimal amount, String phone, String reference,
            String accountReference) {
    }

    public void start(ReceivedPayment payment) {
        boolean bank = BANK.equals(payment.channel());
        var variables = Variables.createVariables();
        // only what the payment carries: every variable is a runtime row and, at history level full, more
        putIfPresent(variables, CALLBACK_ID, payment.inboxId().toString());
        putIfPresent(variables, CHANNEL, payment.channel());
        putIfPresent(variables, RESULT_CODE, payment.resultCode());
        putIfPresent(variables, RESULT_DESC, payment.resultDesc());
        putIfPresent(variables, RECEIPT, payment.mpesaReceiptNumber());
        putIfPresent(variables, AMOUNT, payment.amount() == null ? null : payment.amount().toPlainString());
        putIfPresent(variables, PHONE, payment.phone());
        putIfPresent(variables, bank ? BANK_REFERENCE : CHECKOUT_REQUEST_ID, payment.reference());
        putIfPresent(variables, ACCOUNT_REFERENCE, payment.accountReference());
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(payment.mpesaReceiptNumber() != null ? payment.mpesaReceiptNumber() : payment.reference())
                .setVariables(variables)
                .execute();
    }

    private static void putIfPresent(org.camunda.bpm.engine.variable.VariableMap variables, String name, Object value) {
        if (value != null) {
            variables.putValue(name, value);
        }
    }
}
