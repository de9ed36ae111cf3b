package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Issue an invoice. {@code total} includes VAT (Kenyan retail prices do); the VAT share is derived
 * with the company's rate.
 */
public record NewInvoice(UUID clientId, BigDecimal total, String description, LocalDate periodStart,
        LocalDate periodEnd, LocalDate dueDate) {
}
