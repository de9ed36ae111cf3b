package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A client's invoice for his next month of service was issued; {@code stillDue} is what his wallet
 * did not cover (zero when prepaid).
 */
public record MonthlyInvoiceIssued(UUID companyId, UUID clientId, String invoiceNumber, BigDecimal total,
        BigDecimal stillDue, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate) {
}
