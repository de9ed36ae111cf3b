package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An invoice in KES: {@code total} = {@code net} + {@code vat}; {@code paid} of it is settled. */
public record Invoice(UUID id, String number, UUID clientId, BigDecimal net, BigDecimal vat, BigDecimal total,
        BigDecimal paid, String status, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
        Instant issuedAt, Instant paidAt, String notes) {

    public BigDecimal outstanding() {
        return total.subtract(paid);
    }
}
