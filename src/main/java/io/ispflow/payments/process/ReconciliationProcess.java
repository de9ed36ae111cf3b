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

    /** A payment as it arrived, for reconciliation. */
    public record ReceivedPayment(UUID callbackId, String channel, String resultCode, String resultDesc,
            String mpesaReceiptNumber, BigDecimal amount, String phone, String checkoutRequestId,
            String accountReference) {
    }

    public void start(ReceivedPayment payment) {
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey(payment.mpesaReceiptNumber() != null ? payment.mpesaReceiptNumber()
                        : payment.checkoutRequestId())
                .setVariables(Variables.createVariables()
                        .putValue(CALLBACK_ID, payment.callbackId().toString())
                        .putValue(CHANNEL, payment.channel())
                        .putValue(RESULT_CODE, payment.resultCode())
                        .putValue(RESULT_DESC, payment.resultDesc())
                        .putValue(RECEIPT, payment.mpesaReceiptNumber())
                        .putValue(AMOUNT, payment.amount() == null ? null : payment.amount().toPlainString())
                        .putValue(PHONE, payment.phone())
                        .putValue(CHECKOUT_REQUEST_ID, payment.checkoutRequestId())
                        .putValue(ACCOUNT_REFERENCE, payment.accountReference()))
                .execute();
    }
}
