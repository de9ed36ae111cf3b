package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The invoice that opens a subscription. Amounts in KES; {@code total} includes VAT. */
public record FirstInvoice(UUID invoiceId, String invoiceNumber, BigDecimal net, BigDecimal vat, BigDecimal total,
        LocalDate dueDate) {
}
