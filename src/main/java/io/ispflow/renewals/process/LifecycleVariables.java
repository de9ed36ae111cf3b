package io.ispflow.renewals.process;

/** Names of the variables of {@code subscriptionLifecycle}, as the BPMN and its forms use them. */
public final class LifecycleVariables {

    public static final String PROCESS_KEY = "subscriptionLifecycle";
    /** Correlated when a payment clears the arrears of a subscription in grace or suspended. */
    public static final String PAID_MESSAGE = "SubscriptionPaid";
    public static final String HOLD_MESSAGE = "HoldScheduled";

    // whose subscription (shown in Tasklist; process code reads the client from the business key)
    public static final String SUBSCRIPTION_ID = "subscriptionId";
    public static final String CLIENT_ID = "clientId";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    public static final String NAME = "name";
    public static final String PHONE = "phone";
    public static final String CLIENT_TYPE = "clientType";
    public static final String CONNECTION_TYPE = "connectionType";

    // timers (dates)
    public static final String PERIOD_ENDS_AT = "periodEndsAt";
    public static final String NEXT_CHECK_AT = "nextCheckAt";
    public static final String DISCONNECT_AT = "disconnectAt";

    // the renewal: paid, unpaid or ended
    public static final String RENEWAL = "renewal";
    /** The period's invoice; instances renewed before invoices were numbered at commit have {@link #INVOICE_NUMBER}. */
    public static final String INVOICE_ID = "invoiceId";
    /** {@link #RENEWAL}'s value when the period's end moved later (a vacation hold): nothing renewed yet. */
    public static final String NOT_DUE = "not_due";
    public static final String HOLD_STARTS_AT = "holdStartsAt";
    public static final String HOLD_ENDS_AT = "holdEndsAt";
    public static final String INVOICE_NUMBER = "invoiceNumber";

    // arrears and the policy's inputs and answer
    public static final String ARREARS_CLEARED = "arrearsCleared";
    public static final String AMOUNT_DUE = "amountDue";
    public static final String DUE_DATE = "dueDate";
    public static final String DAYS_OVERDUE = "daysOverdue";
    public static final String AMOUNT_OVERDUE = "amountOverdue";
    public static final String DAY_OF_WEEK = "dayOfWeek";
    public static final String PUBLIC_HOLIDAY = "publicHoliday";
    public static final String PROMISE_TO_PAY = "promiseToPay";
    public static final String ON_HOLD = "onHold";
    /** The {@code suspensionPolicy} decision's answer: {@code action}, {@code reason}, {@code disconnectAfterDays}. */
    public static final String POLICY = "policy";
    public static final String SUSPENDED = "suspended";

    // user tasks
    public static final String PROMISED_UNTIL = "promisedUntil";
    public static final String LAST_PAYMENTS = "lastPayments";
    public static final String WALLET_BALANCE = "walletBalance";
    public static final String CONTRACT_DECISION = "contractDecision";
    public static final String AGREED_DATE = "agreedDate";
    public static final String EQUIPMENT_HELD = "equipmentHeld";
    public static final String COMPLETED_BY = "completedBy";

    private LifecycleVariables() {
    }
}
