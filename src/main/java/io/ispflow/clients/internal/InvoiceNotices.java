package io.ispflow.clients.internal;

import java.time.format.DateTimeFormatter;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.billing.MonthlyInvoiceIssued;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.Notifier;
import io.ispflow.platform.TenantScope;

/**
 * Tells a client by SMS that his next month is invoiced: what is due, by when, and how to pay it, or
 * that his wallet has paid it already.
 */
@Component
class InvoiceNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    private final ClientDirectory clients;
    private final Notifier notifier;
    private final TenantScope tenantScope;

    InvoiceNotices(ClientDirectory clients, Notifier notifier, TenantScope tenantScope) {
        this.clients = clients;
        this.notifier = notifier;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(MonthlyInvoiceIssued invoice) {
        tenantScope.runAs(invoice.companyId(), () -> clients.find(invoice.clientId()).ifPresent(client -> {
            String period = DAY.format(invoice.periodStart()) + " to " + DAY.format(invoice.periodEnd());
            String text = invoice.stillDue().signum() == 0
                    ? "Hello " + client.name() + ", your internet for " + period + " is paid from your wallet (invoice "
                            + invoice.invoiceNumber() + ", KES " + invoice.total().toPlainString() + "). Thank you!"
                    : "Hello " + client.name() + ", invoice " + invoice.invoiceNumber() + " for your internet " + period
                            + ": KES " + invoice.stillDue().toPlainString() + " due by " + DAY.format(invoice.dueDate())
                            + ". Pay by M-PESA with account number " + client.accountNumber() + ".";
            notifier.textClient(client.id(), client.phone(), "invoice_issued", text);
        }));
    }
}
