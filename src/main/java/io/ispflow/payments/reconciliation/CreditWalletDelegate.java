package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.time.format.DateTimeFormatter;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.ispflow.payments.DuplicatePayment;
import io.ispflow.payments.Payment;
import io.ispflow.payments.PaymentMethod;
import io.ispflow.payments.Payments;
import io.ispflow.payments.PossiblySamePayment;
import io.ispflow.payments.ReceivePayment;
import io.ispflow.platform.TenantContext;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.shared.Nairobi;
import io.ispflow.shared.PaymentCredited;

/**
 * Credits the wallet and settles open invoices, exactly once per receipt or bank reference, and
 * publishes {@link PaymentCredited} with the credit. A payment that may be one credited before under its
 * other key goes to finance instead, unless finance has already found it a separate payment.
 */
@Component
class CreditWalletDelegate implements JavaDelegate {

    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StoredPayments storedPayments;
    private final StkRequests stkRequests;
    private final Payments payments;
    private final ApplicationEventPublisher events;
    private final ClientDirectory clients;

    CreditWalletDelegate(StoredPayments storedPayments, StkRequests stkRequests, Payments payments,
            ApplicationEventPublisher events, ClientDirectory clients) {
        this.storedPayments = storedPayments;
        this.stkRequests = stkRequests;
        this.payments = payments;
        this.events = events;
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var stored = storedPayments.onRecord(execution);
        var receipt = stored.receipt(execution);
        receipt.ifPresent(number -> execution.setVariable(RECEIPT, number));
        boolean bank = isBank(execution);
        try {
            // the amount as received, whatever a task's form may have set since the start
            Payment payment = payments.receive(new ReceivePayment(clientId(execution), stored.amount(),
                    bank ? PaymentMethod.BANK : PaymentMethod.MPESA, reference(execution).orElse(null),
                    receipt.orElse(null), phone(execution).orElse(null), null, null), bank ? "bank" : "M-PESA",
                    confirmedSeparate(execution));
            execution.setVariable(PAYMENT_ID, payment.id().toString());
            stkRequests.completed(checkoutRequestId(execution), stored, receipt);
            events.publishEvent(new PaymentCredited(TenantContext.requireCompanyId(), payment.clientId(), payment.id(),
                    payment.amount(), channel(execution), paidBy(execution)));
        } catch (DuplicatePayment e) {
            throw new BpmnError(ALREADY_CREDITED, e.getMessage());
        } catch (PossiblySamePayment e) {
            Payment credited = e.credited();
            execution.setVariable(POSSIBLY_SAME_PAYMENT_ID, credited.id().toString());
            execution.setVariable(POSSIBLY_SAME_RECEIPT_NUMBER, credited.receiptNumber());
            execution.setVariable(POSSIBLY_SAME_MPESA_RECEIPT, credited.mpesaReceiptNumber());
            execution.setVariable(POSSIBLY_SAME_PAID_AT, credited.paidAt() == null ? null
                    : PAID_AT.format(credited.paidAt().atZone(Nairobi.ZONE)));
            // finance's task line and a search by account number name the client
            clients.find(clientId(execution)).ifPresent(client -> {
                execution.setVariable(CLIENT_NAME, client.name());
                execution.setVariable(ACCOUNT_NUMBER, client.accountNumber());
            });
            throw new BpmnError(POSSIBLY_SAME_PAYMENT, e.getMessage());
        }
    }
}
