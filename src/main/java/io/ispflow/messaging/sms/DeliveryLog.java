package io.ispflow.messaging.sms;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Writes one line of a message's delivery history to {@code notification_logs}, in the caller's transaction. */
final class DeliveryLog {

    private DeliveryLog() {
    }

    static void write(JdbcTemplate jdbc, UUID messageId, String purpose, String recipient, String status,
            String metadataJson, UUID companyId) {
        jdbc.update("""
                insert into notification_logs (message_id, type, channels, recipients, status, metadata, isp_company_id)
                values (?, ?, array['sms'], array[?], ?, ?::jsonb, ?)""",
                messageId, purpose, recipient, status, metadataJson, companyId);
    }
}
