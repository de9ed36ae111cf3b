package io.ispflow.payments.process;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reconciliation's payment as its inbox row stores it. The process variables are only a copy made at
 * the start; what is credited is what was received, so the first step checks the copy against the row
 * (an instance started by hand with made-up values finds no matching row) and crediting reads the
 * amount from the row.
 */
@Component
class StoredPayments {

    /** What an inbox row says of a payment: amount, the channel's reference and (M-PESA) result. */
    record StoredPayment(BigDecimal amount, String reference, String resultCode, String receipt) {
    }

    private final JdbcTemplate jdbc;

    StoredPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of the company in context; empty for an unknown id or another company's row. */
    Optional<StoredPayment> find(String inboxId, boolean bank) {
        UUID id;
        try {
            id = UUID.fromString(Objects.requireNonNull(inboxId));
        } catch (RuntimeException notAnId) {
            return Optional.empty();
        }
        String sql = bank
                ? "select amount, bank_reference as reference, '0' as result_code, null as receipt"
                        + " from bank_notifications where id = ?"
                : "select amount, checkout_request_id as reference, result_code, mpesa_receipt_number as receipt"
                        + " from mpesa_callbacks where id = ?";
        return jdbc.query(sql, (rs, n) -> new StoredPayment(rs.getBigDecimal("amount"), rs.getString("reference"),
                rs.getString("result_code"), rs.getString("receipt")), id).stream().findFirst();
    }

    /** Whether the values a process was given are those of the stored payment. */
    static boolean matches(StoredPayment stored, BigDecimal amount, String reference, String resultCode,
            String receipt) {
        boolean sameAmount = stored.amount() == null ? amount == null
                : amount != null && stored.amount().compareTo(amount) == 0;
        return sameAmount && Objects.equals(stored.reference(), reference)
                && Objects.equals(stored.resultCode(), resultCode)
                && (receipt == null || receipt.equals(stored.receipt()));
    }
}
