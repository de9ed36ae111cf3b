package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.LedgerEntry;
import io.ispflow.billing.Subscriptions;
import io.ispflow.billing.WalletLedger;
import io.ispflow.shared.Nairobi;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.shared.Msisdn;

/**
 * The renewal is unpaid: the subscription is in grace (still served) and the client gets the invoice and
 * how to pay it. The first check of the arrears is the next morning.
 */
@Component("enterGraceDelegate")
class EnterGraceDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;
    private final ClientMessages messages;
    private final WalletLedger ledger;

    EnterGraceDelegate(LifecycleSubject subject, Subscriptions subscriptions, ClientMessages messages,
            WalletLedger ledger) {
        this.subject = subject;
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var subscription = subject.subscription(execution);
        var client = subject.client(subscription);
        var arrears = subscriptions.arrears(subscription.id(), false);
        // what support sees on the promise-to-pay form
        execution.setVariable(AMOUNT_DUE, arrears.amount().toPlainString());
        execution.setVariable(DUE_DATE, arrears.oldestDueDate() == null ? null : arrears.oldestDueDate().toString());
        execution.setVariable(WALLET_BALANCE, ledger.balance(client.id()).toPlainString());
        execution.setVariable(LAST_PAYMENTS, lastPayments(client.id()));
        if (subscriptions.enterGrace(subscription.id(), "Renewal unpaid")) {
            messages.text(client.id(), Msisdn.parse(client.phone()), client.language(),
                    MessagePurpose.INVOICE_DUE, Map.of(
                    "name", client.name(), "invoiceNumber", subject.invoiceNumber(execution),
                    "periodStart", subscription.periodStart(), "periodEnd", subscription.periodEnd(),
                    "amountDue", arrears.amount(), "dueDate", arrears.oldestDueDate(),
                    "accountNumber", client.accountNumber()));
        }
        execution.setVariable(NEXT_CHECK_AT, LifecyclePeriods.nextMorning());
    }

    /** The client's three latest payments, newest first, one per line. */
    private String lastPayments(java.util.UUID clientId) {
        var payments = ledger.entries(clientId).stream()
                .filter(entry -> entry.type() == WalletLedger.EntryType.PAYMENT)
                .sorted(java.util.Comparator.comparing(LedgerEntry::createdAt).reversed())
                .limit(3)
                .map(entry -> LocalDate.ofInstant(entry.createdAt(), Nairobi.ZONE) + ": KES " + entry.amount().toPlainString()
                        + (entry.mpesaReceiptNumber() == null ? "" : " (" + entry.mpesaReceiptNumber() + ")"))
                .toList();
        return payments.isEmpty() ? "No payments yet" : String.join("\n", payments);
    }
}
