package io.ispflow.messaging;

import java.util.Set;

/**
 * Why a client is written to, and which values its message may name. The wording of each purpose is
 * a template in {@code messaging/client-messages.properties} (one file per language); a template that
 * names a placeholder its purpose does not declare stops the application at start-up.
 */
public enum MessagePurpose {

    /** The service is active; the first invoice and how to pay it. */
    WELCOME("welcome", false, "name", "accountNumber", "invoiceNumber", "invoiceTotal"),
    /** The next month is invoiced and still to be paid. */
    INVOICE_DUE("invoice_issued", false, "name", "invoiceNumber", "periodStart", "periodEnd", "amountDue", "dueDate",
            "accountNumber"),
    /** The next month is invoiced and the wallet has paid it already. */
    INVOICE_PAID_FROM_WALLET("invoice_issued", false, "name", "periodStart", "periodEnd", "invoiceNumber", "total"),
    /** A payment was credited to the client's account. */
    PAYMENT_RECEIVED("payment_receipt", true, "name", "amount", "paidBy", "receipt", "account"),
    /** An M-PESA payment failed; {@code reason} is a sentence in plain words. */
    PAYMENT_FAILED("payment_failed", true, "reason"),
    /** The renewal is still unpaid, before and on its due day. */
    PAYMENT_REMINDER("payment_reminder", false, "name", "amountDue", "dueDate", "accountNumber"),
    /** Service stopped for an unpaid renewal, and how to get it back. */
    SERVICE_SUSPENDED("service_suspended", false, "name", "amountDue", "accountNumber"),
    /** Service is back after the arrears were paid. */
    SERVICE_RESTORED("service_restored", true, "name", "periodEnd"),
    /** The account is closed after too long suspended: the final statement. */
    SERVICE_DISCONNECTED("service_disconnected", false, "name", "amountDue", "accountNumber"),
    SERVICE_ENDED("service_ended", false, "name", "periodEnd", "accountNumber"),
    /** A vacation hold is booked: the days the service pauses, not billed, and the period's new end. */
    HOLD_SCHEDULED("service_hold", false, "name", "holdStart", "holdEnd", "periodEnd"),
    /** The vacation hold is over and the service is back. */
    HOLD_OVER("service_hold", false, "name", "periodEnd");

    private final String code;
    private final boolean anyHour;
    private final Set<String> placeholders;

    MessagePurpose(String code, boolean anyHour, String... placeholders) {
        this.code = code;
        this.anyHour = anyHour;
        this.placeholders = Set.of(placeholders);
    }

    /**
     * Whether an SMS of this purpose leaves at any hour: receipts, failed payments (both answer what the
     * client just did) and restored service. The others wait for the end of the {@link QuietHours}.
     */
    public boolean anyHour() {
        return anyHour;
    }

    /** The purpose as stored with a queued message ({@code outbound_messages.purpose}). */
    public String code() {
        return code;
    }

    /** The values a template of this purpose may name, as {@code {name}}. */
    public Set<String> placeholders() {
        return placeholders;
    }

    /** The key of the purpose's templates: {@code payment_received}, and {@code payment_received.subject}. */
    String templateKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
