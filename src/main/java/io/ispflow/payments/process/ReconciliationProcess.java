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
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(payment.mpesaReceiptNumber() != null ? payment.mpesaReceiptNumber()
                        : payment.reference())
                .setVariables(Variables.createVariables()
                        .putValue(CALLBACK_ID, payment.inboxId().toString())
                        .putValue(CHANNEL, payment.channel())
                        .putValue(RESULT_CODE, payment.resultCode())
                        .putValue(RESULT_DESC, payment.resultDesc())
                        .putValue(RECEIPT, payment.mpesaReceiptNumber())
                        .putValue(AMOUNT, payment.amount() == null ? null : payment.amount().toPlainString())
                        .putValue(PHONE, payment.phone())
                        .putValue(CHECKOUT_REQUEST_ID, BANK.equals(payment.channel()) ? null : payment.reference())
                        .putValue(BANK_REFERENCE, BANK.equals(payment.channel()) ? payment.reference() : null)
                        .putValue(ACCOUNT_REFERENCE, payment.accountReference()))
                .execute();
    }
}
