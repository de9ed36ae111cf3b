package io.ispflow.clients.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.ispflow.billing.MonthlyInvoiceIssued;
import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.messaging.ClientMessages;
import io.ispflow.messaging.MessagePurpose;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Msisdn;

/**
 * Tells a client by SMS that his next month is invoiced: what is due, by when, and how to pay it, or
 * that his wallet has paid it already.
 */
@Component
class InvoiceNotices {

    private final ClientDirectory clients;
    private final ClientMessages messages;
    private final TenantScope tenantScope;

    InvoiceNotices(ClientDirectory clients, ClientMessages messages, TenantScope tenantScope) {
        this.clients = clients;
        this.messages = messages;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(MonthlyInvoiceIssued invoice) {
        tenantScope.runAs(invoice.companyId(), () -> clients.find(invoice.clientId()).ifPresent(client ->
                messages.text(client.id(), Msisdn.parse(client.phone()), purposeOf(invoice), values(invoice, client))));
    }

    private static MessagePurpose purposeOf(MonthlyInvoiceIssued invoice) {
        return invoice.stillDue().signum() == 0 ? MessagePurpose.INVOICE_PAID_FROM_WALLET : MessagePurpose.INVOICE_DUE;
    }

    private static Map<String, Object> values(MonthlyInvoiceIssued invoice, ClientDetails client) {
        var values = new HashMap<String, Object>(Map.of("name", client.name(), "invoiceNumber", invoice.invoiceNumber(),
                "periodStart", invoice.periodStart(), "periodEnd", invoice.periodEnd()));
        if (purposeOf(invoice) == MessagePurpose.INVOICE_PAID_FROM_WALLET) {
            values.put("total", invoice.total());
        } else {
            values.putAll(Map.of("amountDue", invoice.stillDue(), "dueDate", invoice.dueDate(),
                    "accountNumber", client.accountNumber()));
        }
        return values;
    }
}
