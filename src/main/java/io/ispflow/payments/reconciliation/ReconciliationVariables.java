package io.ispflow.payments.reconciliation;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;

import io.ispflow.platform.camunda.FormValues;

/**
 * Names of the variables and errors of {@code paymentReconciliation}, as the BPMN and its forms use
 * them, and typed readers for the delegates.
 */
public final class ReconciliationVariables {

    public static final String PROCESS_KEY = "paymentReconciliation";

    public static final String CALLBACK_ID = "callbackId";
    public static final String CHANNEL = "channel";
    /** How the payment ended at its channel: {@value #PAID} or {@value #FAILED}; the model branches on it. */
    public static final String OUTCOME = "outcome";
    public static final String PAID = "paid";
    public static final String FAILED = "failed";
    /** M-PESA's ResultCode of a failed push, which the explanation to the payer puts in plain words. */
    public static final String RESULT_CODE = "resultCode";
    public static final String RECEIPT = "mpesaReceiptNumber";
    public static final String AMOUNT = "amount";
    public static final String PHONE = "phone";
    public static final String CHECKOUT_REQUEST_ID = "checkoutRequestId";
    public static final String ACCOUNT_REFERENCE = "accountReference";
    public static final String BANK_REFERENCE = "bankReference";

    public static final String DUPLICATE = "duplicate";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_ACCOUNT_NUMBER = "clientAccountNumber";
    /** The matched client's name and account number, set when finance is to look at the payment. */
    public static final String CLIENT_NAME = "name";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String MATCH_PROBLEM = "matchProblem";
    public static final String PAYMENT_ID = "paymentId";
    /** Set by instances that credited before receipts were numbered at commit. */
    public static final String RECEIPT_NUMBER = "receiptNumber";
    public static final String COMPLETED_BY = "completedBy";
    public static final String POSSIBLY_SAME_PAYMENT_ID = "possiblySamePaymentId";
    public static final String POSSIBLY_SAME_RECEIPT_NUMBER = "possiblySameReceiptNumber";
    public static final String POSSIBLY_SAME_MPESA_RECEIPT = "possiblySameMpesaReceipt";
    public static final String POSSIBLY_SAME_PAID_AT = "possiblySamePaidAt";
    /** Finance's decision: {@code same} or {@code separate}. */
    public static final String SAME_MONEY = "sameMoney";

    /** BPMN error codes the model catches. */
    public static final String ALREADY_CREDITED = "ALREADY_CREDITED";
    public static final String UNKNOWN_ACCOUNT = "UNKNOWN_ACCOUNT";
    public static final String POSSIBLY_SAME_PAYMENT = "POSSIBLY_SAME_PAYMENT";
    public static final String NOT_ON_RECORD = "NOT_ON_RECORD";

    /** Channels a payment arrives by. */
    public static final String MPESA_STK = "mpesa_stk";
    public static final String MPESA_PAYBILL = "mpesa_c2b";
    public static final String BANK = "bank";

    private ReconciliationVariables() {
    }

    /** The payment's inbox row; empty when the variable is missing or not an id. */
    static Optional<UUID> inboxId(VariableScope scope) {
        try {
            return text(scope, CALLBACK_ID).map(UUID::fromString);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    static String channel(VariableScope scope) {
        return text(scope, CHANNEL).orElseThrow(() -> new IllegalStateException("no channel"));
    }

    static boolean isBank(VariableScope scope) {
        return BANK.equals(scope.getVariable(CHANNEL));
    }

    static Optional<String> outcome(VariableScope scope) {
        return text(scope, OUTCOME);
    }

    static Optional<String> resultCode(VariableScope scope) {
        return text(scope, RESULT_CODE);
    }

    /** The M-PESA receipt as it came with the payment (a status query's answer has none). */
    static Optional<String> receipt(VariableScope scope) {
        return text(scope, RECEIPT);
    }

    static Optional<String> checkoutRequestId(VariableScope scope) {
        return text(scope, CHECKOUT_REQUEST_ID);
    }

    static Optional<String> bankReference(VariableScope scope) {
        return text(scope, BANK_REFERENCE);
    }

    /** The channel's reference: the STK push's CheckoutRequestID or the bank's transaction reference. */
    static Optional<String> reference(VariableScope scope) {
        return isBank(scope) ? bankReference(scope) : checkoutRequestId(scope);
    }

    static Optional<String> accountReference(VariableScope scope) {
        return Optional.ofNullable(FormValues.text(scope.getVariable(ACCOUNT_REFERENCE)));
    }

    static Optional<String> phone(VariableScope scope) {
        return Optional.ofNullable(FormValues.text(scope.getVariable(PHONE)));
    }

    /** The amount as the process was given it; empty when it is missing or not an amount. */
    static Optional<BigDecimal> amount(VariableScope scope) {
        try {
            return Optional.ofNullable(FormValues.decimal(scope.getVariable(AMOUNT)));
        } catch (RuntimeException notAnAmount) {
            return Optional.empty();
        }
    }

    /** The client the payment was matched or assigned to; empty before that. */
    static Optional<UUID> matchedClient(VariableScope scope) {
        return text(scope, CLIENT_ID).map(UUID::fromString);
    }

    static UUID clientId(VariableScope scope) {
        return matchedClient(scope).orElseThrow(() -> new IllegalStateException("no client matched yet"));
    }

    static Optional<String> clientAccountNumber(VariableScope scope) {
        return Optional.ofNullable(FormValues.text(scope.getVariable(CLIENT_ACCOUNT_NUMBER)));
    }

    static UUID possiblySamePaymentId(VariableScope scope) {
        return text(scope, POSSIBLY_SAME_PAYMENT_ID).map(UUID::fromString).orElseThrow();
    }

    /** Whether finance found the payment a separate one, not the one credited before. */
    static boolean confirmedSeparate(VariableScope scope) {
        return "separate".equals(FormValues.text(scope.getVariable(SAME_MONEY)));
    }

    /** How the payment was paid, as receipts and status history tell it: "bank ref …" or "M-PESA …". */
    static String paidBy(VariableScope scope) {
        if (isBank(scope)) {
            return "bank ref " + bankReference(scope).orElse(null);
        }
        return receipt(scope).map(receipt -> "M-PESA " + receipt).orElse("M-PESA");
    }

    private static Optional<String> text(VariableScope scope, String name) {
        return scope.getVariable(name) instanceof String value ? Optional.of(value) : Optional.empty();
    }
}
