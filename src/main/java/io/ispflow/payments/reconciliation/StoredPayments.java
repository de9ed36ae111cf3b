package io.ispflow.payments.reconciliation;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A reconciliation's payment as its inbox row ({@code mpesa_callbacks} or {@code bank_notifications})
 * stores it. The process variables are only a copy made at the start; what is credited is what was
 * received, so the first step checks the copy against the row (an instance started by hand with
 * made-up values finds no matching row) and crediting reads the amount from the row.
 */
@Component
class StoredPayments {

    /**
     * What an inbox row says of a payment: amount, the channel's reference, how it ended and, for
     * M-PESA, its ResultCode, ResultDesc and receipt.
     */
    record StoredPayment(BigDecimal amount, String reference, String outcome, String resultCode,
            String resultDescription, String receipt) {

        /** Whether the values a process was given are those of this payment. */
        boolean matches(VariableScope given) {
            BigDecimal amount = ReconciliationVariables.amount(given).orElse(null);
            boolean sameAmount = this.amount == null ? amount == null
                    : amount != null && this.amount.compareTo(amount) == 0;
            return sameAmount && Objects.equals(reference, ReconciliationVariables.reference(given).orElse(null))
                    && outcome.equals(ReconciliationVariables.outcome(given).orElse(null))
                    && ReconciliationVariables.resultCode(given).map(code -> code.equals(resultCode)).orElse(true)
                    && ReconciliationVariables.receipt(given).map(given1 -> given1.equals(receipt)).orElse(true);
        }

        /**
         * The M-PESA receipt: as it came with the payment, or as Daraja's callback told it after a status
         * query had already answered for the push.
         */
        Optional<String> receipt(VariableScope given) {
            return ReconciliationVariables.receipt(given).or(() -> Optional.ofNullable(receipt));
        }
    }

    private final JdbcTemplate jdbc;

    StoredPayments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The row the process names, of the company in context; empty for an unknown id or another company's row. */
    Optional<StoredPayment> find(VariableScope process) {
        return ReconciliationVariables.inboxId(process).flatMap(id -> find(id, ReconciliationVariables.isBank(process)));
    }

    /** The row the process names, which its first step found. */
    StoredPayment onRecord(VariableScope process) {
        return find(process).orElseThrow(() -> new IllegalStateException(
                "payment " + process.getVariable(ReconciliationVariables.CALLBACK_ID) + " is no longer on record"));
    }

    private Optional<StoredPayment> find(UUID id, boolean bank) {
        String sql = bank
                ? "select amount, bank_reference as reference, 'paid' as outcome, null as result_code,"
                        + " null as result_description, null as receipt from bank_notifications where id = ?"
                : "select amount, checkout_request_id as reference,"
                        + " case when kind = 'c2b_confirmation' or result_code = '0' then 'paid' else 'failed' end as outcome,"
                        + " result_code, result_description, mpesa_receipt_number as receipt"
                        + " from mpesa_callbacks where id = ?";
        return jdbc.query(sql, (rs, n) -> new StoredPayment(rs.getBigDecimal("amount"), rs.getString("reference"),
                rs.getString("outcome"), rs.getString("result_code"), rs.getString("result_description"),
                rs.getString("receipt")), id).stream().findFirst();
    }

    /** The payment's reconciliation is over: its row says so, with the moment. */
    void markProcessed(VariableScope process) {
        // the moment of this last step, not the start of the job's transaction (now()): how long a payment took
        jdbc.update("update " + (ReconciliationVariables.isBank(process) ? "bank_notifications" : "mpesa_callbacks")
                + " set status = 'processed', processed_at = clock_timestamp() where id = ?",
                ReconciliationVariables.inboxId(process).orElseThrow());
    }
}
