package io.ispflow.payments.reconciliation;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import io.ispflow.payments.reconciliation.ReconciliationProcess.PaymentToReconcile;
import io.ispflow.platform.inbox.Inbox;

/**
 * An inbox table of received payments, each of which starts a {@code paymentReconciliation}. The
 * tables share the dispatch columns ({@code dispatched_at}, {@code dispatch_attempts},
 * {@code dispatch_error}) and differ in what a row says.
 */
abstract class PaymentInboxTable implements Inbox<PaymentToReconcile> {

    private final String table;
    private final JdbcTemplate jdbc;
    private final ReconciliationProcess reconciliation;

    PaymentInboxTable(String table, JdbcTemplate jdbc, ReconciliationProcess reconciliation) {
        this.table = table;
        this.jdbc = jdbc;
        this.reconciliation = reconciliation;
    }

    /** The columns a row's payment is read from, besides {@code id} and {@code isp_company_id}. */
    abstract String columns();

    abstract PaymentToReconcile read(java.sql.ResultSet row) throws java.sql.SQLException;

    @Override
    public String name() {
        return table;
    }

    @Override
    public List<Message<PaymentToReconcile>> claim(int limit, int maxAttempts) {
        RowMapper<Message<PaymentToReconcile>> message = (rs, n) -> new Message<>(rs.getObject("id", UUID.class),
                rs.getObject("isp_company_id", UUID.class), read(rs));
        return jdbc.query("select id, isp_company_id, " + columns() + " from " + table
                + " where dispatched_at is null and dispatch_attempts < ?"
                + " order by received_at limit ? for update skip locked", message, maxAttempts, limit);
    }

    @Override
    public void dispatch(PaymentToReconcile payment) {
        reconciliation.start(payment);
    }

    @Override
    public void markDispatched(UUID id) {
        jdbc.update("update " + table + " set dispatched_at = now(), dispatch_error = null where id = ?", id);
    }

    @Override
    public void recordFailedAttempt(UUID id, String error) {
        jdbc.update("update " + table + " set dispatch_attempts = dispatch_attempts + 1, dispatch_error = ?"
                + " where id = ?", error, id);
    }
}
