package io.ispflow.messaging;

import java.util.Set;

/**
 * Why a client is written to, and which values its message may name. The platform's wording of each
 * purpose is a template in {@code messaging/client-messages.properties} (one file per language); a
 * template there that names a placeholder its purpose does not declare stops the application at
 * start-up. A company may word a purpose its own way ({@link MessageTemplates}), checked when saved.
 */
public enum MessagePurpose {

    /** The service is active; the first invoice and how to pay it. */
    WELCOME("welcome", Kind.NOTICE, "name", "accountNumber", "invoiceNumber", "invoiceTotal"),
    /** A technician's visit to install the service is booked; {@code visitTime} as {@code 10:00}. */
    INSTALLATION_BOOKED("installation_booked", Kind.NOTICE, "name", "visitDate", "visitTime"),
    /** The next month is invoiced and still to be paid. */
    INVOICE_DUE("invoice_issued", Kind.REMINDER, "name", "invoiceNumber", "periodStart", "periodEnd", "amountDue",
            "dueDate", "accountNumber"),
    /** The next month is invoiced and the wallet has paid it already. */
    INVOICE_PAID_FROM_WALLET("invoice_issued", Kind.NOTICE, "name", "periodStart", "periodEnd", "invoiceNumber",
            "total"),
    /** A payment was credited to the client's account. */
    PAYMENT_RECEIVED("payment_receipt", Kind.RECEIPT, "name", "amount", "paidBy", "receipt", "account"),
    /** An M-PESA payment failed; {@code reason} is a sentence in plain words. */
    PAYMENT_FAILED("payment_failed", Kind.RECEIPT, "reason"),
    /** The renewal is still unpaid, before and on its due day. */
    PAYMENT_REMINDER("payment_reminder", Kind.REMINDER, "name", "amountDue", "dueDate", "accountNumber"),
    /** Service stopped for an unpaid renewal, and how to get it back. */
    SERVICE_SUSPENDED("service_suspended", Kind.NOTICE, "name", "amountDue", "accountNumber"),
    /** Service is back after the arrears were paid. */
    SERVICE_RESTORED("service_restored", Kind.RECEIPT, "name", "periodEnd"),
    /** The account is closed after too long suspended: the final statement. */
    SERVICE_DISCONNECTED("service_disconnected", Kind.NOTICE, "name", "amountDue", "accountNumber"),
    SERVICE_ENDED("service_ended", Kind.NOTICE, "name", "periodEnd", "accountNumber"),
    /** A vacation hold is booked: the days the service pauses, not billed, and the period's new end. */
    HOLD_SCHEDULED("service_hold", Kind.NOTICE, "name", "holdStart", "holdEnd", "periodEnd"),
    /** The vacation hold is over and the service is back. */
    HOLD_OVER("service_hold", Kind.NOTICE, "name", "periodEnd"),
    /** The answer to a client's "BAL" while something is due. */
    BALANCE("sms_reply", Kind.REPLY, "name", "balance", "accountNumber", "amountDue", "dueDate"),
    /** The answer to a client's "BAL" when nothing is due. */
    BALANCE_NOTHING_DUE("sms_reply", Kind.REPLY, "name", "balance", "accountNumber"),
    /** The answer to a "PAY" without a valid amount: how to ask. */
    PAY_HOW("sms_reply", Kind.REPLY, "accountNumber"),
    /** The answer to a "PAY" whose M-PESA prompt could not be started; {@code amount} is what he asked. */
    PAY_NOT_STARTED("sms_reply", Kind.REPLY, "amount", "accountNumber"),
    /** A client's text that is no command went to the support team. */
    TEXT_RECEIVED("sms_reply", Kind.REPLY, "name"),
    /** A text from a number that is no client's, answered once a day at most. */
    UNKNOWN_SENDER("sms_unknown_sender", Kind.REPLY),
    /** The answer to "STOP": no more reminders by SMS. */
    OPTED_OUT("sms_opt_out", Kind.REPLY),
    /** The answer to "START": reminders by SMS again. */
    OPTED_IN("sms_opt_out", Kind.REPLY),
    /** A staff member's notification, copied to his e-mail or phone as he prefers. */
    STAFF_NOTICE("staff_notice", Kind.NOTICE, "title", "message");

    /** What a message is to the client; it decides when it may leave and whether he may refuse it. */
    enum Kind {
        /** Answers what he just did or asked: receipts, failed payments, service back. Any hour. */
        RECEIPT,
        /** A notice about his service. Waits for the end of the quiet hours; cannot be refused. */
        NOTICE,
        /** A reminder or an invoice notice. Waits for the end of the quiet hours; "STOP" refuses it. */
        REMINDER,
        /** An answer to a text he sent. Any hour. */
        REPLY
    }

    private final String code;
    private final Kind kind;
    private final Set<String> placeholders;

    MessagePurpose(String code, Kind kind, String... placeholders) {
        this.code = code;
        this.kind = kind;
        this.placeholders = Set.of(placeholders);
    }

    /**
     * Whether an SMS of this purpose leaves at any hour: receipts, failed payments (both answer what the
     * client just did), restored service and answers to his texts. The others wait for the end of the
     * {@link QuietHours}.
     */
    public boolean anyHour() {
        return kind == Kind.RECEIPT || kind == Kind.REPLY;
    }

    /** Whether a client may refuse messages of this purpose ("STOP"): reminders and invoice notices. */
    public boolean optional() {
        return kind == Kind.REMINDER;
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
    public String templateKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The purpose of a template key, if any. */
    public static java.util.Optional<MessagePurpose> ofTemplateKey(String key) {
        return java.util.Arrays.stream(values()).filter(purpose -> purpose.templateKey().equals(key)).findFirst();
    }
}
