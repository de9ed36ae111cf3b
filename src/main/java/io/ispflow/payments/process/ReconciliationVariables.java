package io.ispflow.payments.process;

/** Names of the variables of {@code paymentReconciliation}, as the BPMN and its form use them. */
public final class ReconciliationVariables {

    public static final String PROCESS_KEY = "paymentReconciliation";

    public static final String CALLBACK_ID = "callbackId";
    public static final String CHANNEL = "channel";
    public static final String RESULT_CODE = "resultCode";
    public static final String RESULT_DESC = "resultDesc";
    public static final String RECEIPT = "mpesaReceiptNumber";
    public static final String AMOUNT = "amount";
    public static final String PHONE = "phone";
    public static final String CHECKOUT_REQUEST_ID = "checkoutRequestId";
    public static final String ACCOUNT_REFERENCE = "accountReference";
    public static final String BANK_REFERENCE = "bankReference";

    public static final String DUPLICATE = "duplicate";
    public static final String CLIENT_ID = "clientId";
    public static final String CLIENT_ACCOUNT_NUMBER = "clientAccountNumber";
    public static final String MATCH_PROBLEM = "matchProblem";
    public static final String PAYMENT_ID = "paymentId";
    public static final String RECEIPT_NUMBER = "receiptNumber";
    public static final String REACTIVATE = "reactivate";
    public static final String COMPLETED_BY = "completedBy";
    public static final String POSSIBLY_SAME_PAYMENT_ID = "possiblySamePaymentId";
    public static final String POSSIBLY_SAME_RECEIPT_NUMBER = "possiblySameReceiptNumber";
    public static final String POSSIBLY_SAME_MPESA_RECEIPT = "possiblySameMpesaReceipt";
    public static final String POSSIBLY_SAME_PAID_AT = "possiblySamePaidAt";
    /** Finance's decision: {@code same} or {@code separate}. */
    public static final String SAME_MONEY = "sameMoney";

    private ReconciliationVariables() {
    }
}
