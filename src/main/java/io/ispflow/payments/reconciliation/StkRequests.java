package io.ispflow.payments.reconciliation;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.reconciliation.StoredPayments.StoredPayment;

/** The STK pushes we sent ({@code mpesa_stk_requests}): whom we prompted, and how each push ended. */
@Component
class StkRequests {

    private final JdbcTemplate jdbc;

    StkRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client we prompted with this push. */
    Optional<UUID> promptedClient(Optional<String> checkoutRequestId) {
        return checkoutRequestId.flatMap(checkout -> jdbc.queryForList(
                "select client_id from mpesa_stk_requests where checkout_request_id = ?", UUID.class, checkout)
                .stream().findFirst());
    }

    /** The push was paid; a payment that came after all overrides an earlier failure or expiry. */
    void completed(Optional<String> checkoutRequestId, StoredPayment answer, Optional<String> receipt) {
        checkoutRequestId.ifPresent(checkout -> mark(checkout, "completed", answer, receipt.orElse(null)));
    }

    void failed(Optional<String> checkoutRequestId, StoredPayment answer) {
        checkoutRequestId.ifPresent(checkout -> mark(checkout, "failed", answer, null));
    }

    private void mark(String checkout, String status, StoredPayment answer, String receipt) {
        jdbc.update("""
                update mpesa_stk_requests set status = ?, result_code = ?, result_description = ?,
                       mpesa_receipt_number = ?, updated_at = now()
                where checkout_request_id = ? and (status = 'pending' or ? = 'completed' and status <> 'completed')""",
                status, answer.resultCode(), answer.resultDescription(), receipt, checkout, status);
    }
}
