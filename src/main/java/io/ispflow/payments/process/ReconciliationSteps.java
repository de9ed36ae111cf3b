package io.ispflow.payments.process;

import static io.ispflow.payments.process.ReconciliationVariables.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.Invoicing;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientLifecycle;
import io.ispflow.clients.ClientStatus;
import io.ispflow.messaging.Notifier;
import io.ispflow.payments.DuplicatePayment;
import io.ispflow.payments.PaymentMethod;
import io.ispflow.payments.Payments;
import io.ispflow.payments.PossiblySamePayment;
import io.ispflow.payments.ReceivePayment;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.camunda.FormValues;
import io.ispflow.platform.security.SecurityEvents;

/**
 * The steps of {@code paymentReconciliation}, as methods the BPMN calls
 * ({@code ${reconciliation.matchClient(execution)}}): each reads ids from the process, calls the
 * business services and writes primitive results back.
 */
@Component("reconciliation")
public class ReconciliationSteps {

    static final String ALREADY_CREDITED = "ALREADY_CREDITED";
    static final String UNKNOWN_ACCOUNT = "UNKNOWN_ACCOUNT";
    static final String POSSIBLY_SAME_PAYMENT = "POSSIBLY_SAME_PAYMENT";
    static final String NOT_ON_RECORD = "NOT_ON_RECORD";
    private static final java.time.ZoneId NAIROBI = java.time.ZoneId.of("Africa/Nairobi");
    private static final java.time.format.DateTimeFormatter PAID_AT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcTemplate jdbc;
    private final ClientDirectory clients;
    private final Payments payments;
    private final ClientLifecycle lifecycle;
    private final Invoicing invoicing;
    private final Notifier notifier;
    private final StoredPayments storedPayments;
    private final SecurityEvents securityEvents;

    ReconciliationSteps(JdbcTemplate jdbc, ClientDirectory clients, Payments payments, ClientLifecycle lifecycle,
            Invoicing invoicing, Notifier notifier, StoredPayments storedPayments, SecurityEvents securityEvents) {
        this.jdbc = jdbc;
        this.storedPayments = storedPayments;
        this.securityEvents = securityEvents;
        this.clients = clients;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.invoicing = invoicing;
        this.notifier = notifier;
    }

    /**
     * Whether this M-PESA receipt or bank reference was credited already (earlier delivery, other channel).
     * First, whether the payment is the stored inbox row it names: one started by hand with made-up
     * values is refused ({@value #NOT_ON_RECORD}) and recorded as a security event.
     */
    @Transactional(readOnly = true, noRollbackFor = BpmnError.class)
    public void checkDuplicate(DelegateExecution execution) {
        requireOnRecord(execution);
        String receipt = receipt(execution);
        String bankReference = (String) execution.getVariable(BANK_REFERENCE);
        boolean duplicate = receipt != null && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from payments where mpesa_receipt_number = ?)", Boolean.class, receipt))
                || bankReference != null && Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from payments where payment_method = 'bank' and reference_number = ?)""",
                        Boolean.class, bankReference));
        execution.setVariable(DUPLICATE, gatewayInput(duplicate));
    }

    /** The client: the one we prompted, else by account number, else by phone, else by invoice number. */
    @Transactional(readOnly = true)
    public void matchClient(DelegateExecution execution) {
        String checkout = (String) execution.getVariable(CHECKOUT_REQUEST_ID);
        List<UUID> prompted = checkout == null ? List.of() : jdbc.queryForList(
                "select client_id from mpesa_stk_requests where checkout_request_id = ?", UUID.class, checkout);
        var client = prompted.stream().findFirst().flatMap(clients::find)
                .or(() -> accountReference(execution).flatMap(clients::findByAccountNumber))
                .or(() -> phone(execution).flatMap(clients::findByPhone))
                .or(() -> accountReference(execution).flatMap(invoicing::findByNumber)
                        .flatMap(invoice -> clients.find(invoice.clientId())));
        execution.setVariable(CLIENT_ID, client.map(c -> c.id().toString()).orElse(null));
    }

    /** Finance named the account the unmatched payment belongs to. */
    @Transactional(readOnly = true, noRollbackFor = BpmnError.class)
    public void assignByAccountNumber(DelegateExecution execution) {
        String account = FormValues.text(execution.getVariable(CLIENT_ACCOUNT_NUMBER));
        ClientDetails client = account == null ? null : clients.findByAccountNumber(account).orElse(null);
        if (client == null) {
            throw new BpmnError(UNKNOWN_ACCOUNT, "No client has account number " + account + ".");
        }
        execution.setVariable(CLIENT_ID, client.id().toString());
    }

    /**
     * Credits the wallet and settles open invoices, exactly once per receipt or bank reference. A
     * payment that may be one credited before under its other key goes to finance instead, unless
     * finance has already found it a separate payment.
     */
    @Transactional(noRollbackFor = {DuplicatePayment.class, PossiblySamePayment.class, BpmnError.class})
    public void credit(DelegateExecution execution) {
        UUID clientId = UUID.fromString((String) execution.getVariable(CLIENT_ID));
        boolean bank = isBank(execution);
        String receipt = receipt(execution);
        try {
            // the amount as received, whatever a task's form may have set since the start
            var payment = payments.receive(new ReceivePayment(clientId, onRecord(execution).amount(),
                    bank ? PaymentMethod.BANK : PaymentMethod.MPESA,
                    (String) execution.getVariable(bank ? BANK_REFERENCE : CHECKOUT_REQUEST_ID), receipt,
                    (String) execution.getVariable(PHONE), null, null), bank ? "bank" : "M-PESA",
                    "separate".equals(FormValues.text(execution.getVariable(SAME_MONEY))));
            execution.setVariable(RECEIPT, receipt);
            execution.setVariable(PAYMENT_ID, payment.id().toString());
            execution.setVariable(RECEIPT_NUMBER, payment.receiptNumber());
            markRequest(execution, "completed", receipt);
        } catch (DuplicatePayment e) {
            throw new BpmnError(ALREADY_CREDITED, e.getMessage());
        } catch (PossiblySamePayment e) {
            var credited = e.credited();
            execution.setVariable(RECEIPT, receipt);
            execution.setVariable(POSSIBLY_SAME_PAYMENT_ID, credited.id().toString());
            execution.setVariable(POSSIBLY_SAME_RECEIPT_NUMBER, credited.receiptNumber());
            execution.setVariable(POSSIBLY_SAME_MPESA_RECEIPT, credited.mpesaReceiptNumber());
            execution.setVariable(POSSIBLY_SAME_PAID_AT, credited.paidAt() == null ? null
                    : PAID_AT.format(credited.paidAt().atZone(NAIROBI)));
            throw new BpmnError(POSSIBLY_SAME_PAYMENT, e.getMessage());
        }
    }

    private void requireOnRecord(DelegateExecution execution) {
        var stored = stored(execution);
        BigDecimal amount;
        try {
            amount = FormValues.decimal(execution.getVariable(AMOUNT));
        } catch (RuntimeException notAnAmount) {
            amount = null;
        }
        String reference = text(execution, isBank(execution) ? BANK_REFERENCE : CHECKOUT_REQUEST_ID);
        if (stored.isEmpty() || !StoredPayments.matches(stored.get(), amount, reference, text(execution, RESULT_CODE),
                text(execution, RECEIPT))) {
            securityEvents.record(TenantContext.currentCompanyId().orElse(null), "reconciliation_not_on_record",
                    "process instance " + execution.getProcessInstanceId() + " names payment "
                            + execution.getVariable(CALLBACK_ID) + ", which is not stored as given",
                    "engine");
            throw new BpmnError(NOT_ON_RECORD, "The payment is not the stored inbox row it names.");
        }
    }

    private StoredPayments.StoredPayment onRecord(DelegateExecution execution) {
        return stored(execution).orElseThrow(() -> new IllegalStateException(
                "payment " + execution.getVariable(CALLBACK_ID) + " is no longer on record"));
    }

    private java.util.Optional<StoredPayments.StoredPayment> stored(DelegateExecution execution) {
        return storedPayments.find(text(execution, CALLBACK_ID), isBank(execution));
    }

    private static String text(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof String value ? value : null;
    }

    /** Finance found the payment to be the one credited before: it is joined to it and closed. */
    @Transactional
    public void joinToCreditedPayment(DelegateExecution execution) {
        String checkout = (String) execution.getVariable(CHECKOUT_REQUEST_ID);
        String receipt = receipt(execution);
        payments.joinKeys(UUID.fromString((String) execution.getVariable(POSSIBLY_SAME_PAYMENT_ID)), checkout, receipt);
        if (checkout != null) {
            markRequest(execution, "completed", receipt);
        }
        markProcessed(execution);
    }

    /** A suspended client whose invoices are now all paid is served again. */
    @Transactional(readOnly = true)
    public void checkStanding(DelegateExecution execution) {
        UUID clientId = UUID.fromString((String) execution.getVariable(CLIENT_ID));
        boolean suspended = clients.find(clientId).map(c -> c.status() == ClientStatus.SUSPENDED).orElse(false);
        execution.setVariable(REACTIVATE, gatewayInput(suspended && invoicing.openInvoices(clientId).isEmpty()));
    }

    /**
     * A decision the next gateway takes in the same transaction: not stored as a process variable (nor in
     * its history), since the path taken records it. Saves rows on every payment's job.
     */
    private static BooleanValue gatewayInput(boolean decision) {
        return Variables.booleanValue(decision, true);
    }

    @Transactional
    public void reactivate(DelegateExecution execution) {
        lifecycle.reactivate(UUID.fromString((String) execution.getVariable(CLIENT_ID)), "payments",
                "Paid: " + paidBy(execution));
    }

    @Transactional
    public void sendReceipt(DelegateExecution execution) {
        UUID clientId = UUID.fromString((String) execution.getVariable(CLIENT_ID));
        var client = clients.find(clientId).orElseThrow();
        notifier.textClient(clientId, client.phone(), "payment_receipt", "Asante " + client.name() + "! We received KES "
                + execution.getVariable(AMOUNT) + " (" + paidBy(execution) + "), receipt "
                + execution.getVariable(RECEIPT_NUMBER) + ". Account " + client.accountNumber() + ".");
        markProcessed(execution);
    }

    /** Tells the payer, in plain words, why nothing was paid. */
    @Transactional
    public void explainFailure(DelegateExecution execution) {
        markRequest(execution, "failed", null);
        String phone = (String) execution.getVariable(PHONE);
        List<UUID> prompted = jdbc.queryForList("select client_id from mpesa_stk_requests where checkout_request_id = ?",
                UUID.class, execution.getVariable(CHECKOUT_REQUEST_ID));
        var client = prompted.stream().findFirst().flatMap(clients::find);
        String to = phone != null ? phone : client.map(ClientDetails::phone).orElse(null);
        if (to != null) {
            notifier.textClient(client.map(ClientDetails::id).orElse(null), to, "payment_failed",
                    "Your M-PESA payment did not go through: " + plainWords((String) execution.getVariable(RESULT_CODE))
                            + " Nothing was charged. Please try again.");
        }
        markProcessed(execution);
    }

    /**
     * Closes a payment that was credited already. When it was credited by another channel first (a
     * paybill confirmation of the pushed money), the push is answered and the payment learns its
     * CheckoutRequestID.
     */
    @Transactional
    public void markDuplicate(DelegateExecution execution) {
        String checkout = (String) execution.getVariable(CHECKOUT_REQUEST_ID);
        String receipt = receipt(execution);
        if (checkout != null) {
            markRequest(execution, "completed", receipt);
            payments.learnCheckout(receipt, checkout);
        }
        markProcessed(execution);
    }

    static String plainWords(String resultCode) {
        return switch (resultCode == null ? "" : resultCode) {
            case "1032", "1031" -> "you cancelled the request on your phone.";
            case "1037" -> "your phone could not be reached in time.";
            case "2001" -> "the M-PESA PIN was wrong.";
            case "1" -> "your M-PESA balance was not enough.";
            case "1019" -> "the request expired before it was completed.";
            default -> "M-PESA could not complete it.";
        };
    }

    /** Records how the push ended; a payment that came after all overrides an earlier failure or expiry. */
    private void markRequest(DelegateExecution execution, String status, String receipt) {
        jdbc.update("""
                update mpesa_stk_requests set status = ?, result_code = ?, result_description = ?,
                       mpesa_receipt_number = ?, updated_at = now()
                where checkout_request_id = ? and (status = 'pending' or ? = 'completed' and status <> 'completed')""",
                status, execution.getVariable(RESULT_CODE), execution.getVariable(RESULT_DESC), receipt,
                execution.getVariable(CHECKOUT_REQUEST_ID), status);
    }

    private void markProcessed(DelegateExecution execution) {
        // the moment of this last step, not the start of the job's transaction (now()): how long a payment took
        jdbc.update("update " + (isBank(execution) ? "bank_notifications" : "mpesa_callbacks")
                + " set status = 'processed', processed_at = clock_timestamp() where id = ?",
                UUID.fromString((String) execution.getVariable(CALLBACK_ID)));
    }

    private static boolean isBank(DelegateExecution execution) {
        return ReconciliationProcess.BANK.equals(execution.getVariable(CHANNEL));
    }

    /**
     * The M-PESA receipt: as it came with the payment, or as Daraja's callback told it after a status
     * query had already answered for the push.
     */
    private String receipt(DelegateExecution execution) {
        String receipt = (String) execution.getVariable(RECEIPT);
        if (receipt != null || isBank(execution)) {
            return receipt;
        }
        return jdbc.queryForList("select mpesa_receipt_number from mpesa_callbacks where id = ?", String.class,
                UUID.fromString((String) execution.getVariable(CALLBACK_ID))).stream().filter(r -> r != null)
                .findFirst().orElse(null);
    }

    private static String paidBy(DelegateExecution execution) {
        if (isBank(execution)) {
            return "bank ref " + execution.getVariable(BANK_REFERENCE);
        }
        Object receipt = execution.getVariable(RECEIPT);
        return receipt != null ? "M-PESA " + receipt : "M-PESA";
    }

    private static java.util.Optional<String> accountReference(DelegateExecution execution) {
        return java.util.Optional.ofNullable(FormValues.text(execution.getVariable(ACCOUNT_REFERENCE)));
    }

    private static java.util.Optional<String> phone(DelegateExecution execution) {
        return java.util.Optional.ofNullable(FormValues.text(execution.getVariable(PHONE)));
    }
}
