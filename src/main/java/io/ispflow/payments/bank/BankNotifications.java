package io.ispflow.payments.bank;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.callbacks.IntakeRefusals;
import io.ispflow.platform.inbox.InboxDispatcher;

/**
 * The bank's payment notifications, stored once per bank reference ({@code bank_notifications}) and
 * reconciled once committed. A repeat is counted; a repeat with another amount is refused.
 */
@Component
class BankNotifications {

    private final JdbcTemplate jdbc;
    private final InboxDispatcher dispatcher;
    private final IntakeRefusals refusals;

    BankNotifications(JdbcTemplate jdbc, InboxDispatcher dispatcher, IntakeRefusals refusals) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.refusals = refusals;
    }

    /** Stores a complete payment notification in the company's transaction; returns its row id. */
    UUID store(UUID company, BankCall payment, String body, String sourceAddress) {
        Map<String, Object> stored = jdbc.queryForMap("""
                insert into bank_notifications (bank_reference, customer_reference, amount, payer_name, payer_phone,
                    payment_mode, payload, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (isp_company_id, bank_reference) do update set deliveries = bank_notifications.deliveries + 1
                returning id, (xmax = 0) as first_delivery, amount""",
                payment.reference(), payment.customer(), payment.amount(), payment.payerName(), payment.payerPhone(),
                payment.paymentMode(), body, company);
        if (Boolean.TRUE.equals(stored.get("first_delivery"))) {
            dispatcher.wakeUpAfterCommit();
        } else if (((BigDecimal) stored.get("amount")).compareTo(payment.amount()) != 0) {
            throw refusals.refuse(409, company, "bank_ipn_conflicting_repeat", "reference " + payment.reference()
                    + " came before with " + stored.get("amount") + ", now with " + payment.amount(), sourceAddress);
        }
        return (UUID) stored.get("id");
    }
}
