package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a client owes on his open invoices, and since when (the oldest due day; null when nothing is due). */
public record Arrears(BigDecimal amount, LocalDate oldestDueDate) {

    public boolean cleared() {
        return amount.signum() == 0;
    }
}
