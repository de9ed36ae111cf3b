package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.BANK;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.reconciliation.ReconciliationProcess.PaymentToReconcile;

/** The bank's payment notifications ({@code bank_notifications}): a notification is money received. */
@Component
class BankNotificationsInbox extends PaymentInboxTable {

    BankNotificationsInbox(JdbcTemplate jdbc, ReconciliationProcess reconciliation) {
        super("bank_notifications", jdbc, reconciliation);
    }

    @Override
    String columns() {
        return "bank_reference, customer_reference, amount, payer_phone";
    }

    @Override
    PaymentToReconcile read(ResultSet rs) throws SQLException {
        return new PaymentToReconcile(rs.getObject("id", UUID.class), BANK, true, null, null,
                rs.getObject("amount", BigDecimal.class), rs.getString("payer_phone"), rs.getString("bank_reference"),
                rs.getString("customer_reference"));
    }
}
