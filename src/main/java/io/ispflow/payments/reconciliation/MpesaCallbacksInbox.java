package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.reconciliation.ReconciliationProcess.PaymentToReconcile;

/**
 * The answers to STK pushes and the paybill confirmations ({@code mpesa_callbacks}): a confirmation is
 * paid, a push paid when M-PESA's ResultCode is 0.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MpesaCallbacksInbox extends PaymentInboxTable {

    MpesaCallbacksInbox(JdbcTemplate jdbc, ReconciliationProcess reconciliation) {
        super("mpesa_callbacks", jdbc, reconciliation);
    }

    @Override
    String columns() {
        return "kind, checkout_request_id, result_code, mpesa_receipt_number, amount, phone, bill_reference";
    }

    @Override
    PaymentToReconcile read(ResultSet rs) throws SQLException {
        boolean paybill = "c2b_confirmation".equals(rs.getString("kind"));
        String resultCode = rs.getString("result_code");
        return new PaymentToReconcile(rs.getObject("id", UUID.class), paybill ? MPESA_PAYBILL : MPESA_STK,
                paybill || "0".equals(resultCode), resultCode, rs.getString("mpesa_receipt_number"),
                rs.getObject("amount", BigDecimal.class), rs.getString("phone"), rs.getString("checkout_request_id"),
                rs.getString("bill_reference"));
    }
}
