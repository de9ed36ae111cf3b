package io.ispflow.messaging.delivery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes one line of a message's delivery history to {@code notification_logs}, in the caller's transaction. */
public final class DeliveryLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveryLog() {
    }

    /**
     * @param channel  {@code sms} or {@code email}
     * @param metadata what the line records; entries without a value (null or blank) are left out
     */
    public static void write(JdbcTemplate jdbc, String channel, UUID messageId, String purpose, String recipient,
            String status, Map<String, ?> metadata, UUID companyId) {
        var present = new LinkedHashMap<String, Object>();
        metadata.forEach((key, value) -> {
            if (value != null && !(value instanceof String text && text.isBlank())) {
                present.put(key, value);
            }
        });
        jdbc.update("""
                insert into notification_logs (message_id, type, channels, recipients, status, metadata, isp_company_id)
                values (?, ?, array[?], array[?], ?, ?::jsonb, ?)""",
                messageId, purpose, channel, recipient, status, json(present), companyId);
    }

    private static String json(Map<String, Object> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
