package io.ispflow.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.delivery.DeliveryLog;
import io.ispflow.platform.TenantContext;

/**
 * Recipients who want no optional messages (reminders, invoice notices) on a channel: he texted
 * "STOP", or told the staff ({@code message_opt_outs}). Receipts, service notices and answers to his
 * texts still reach him. A message withheld for it is logged in {@code notification_logs}.
 */
@Service
public class MessageOptOuts implements RecipientHistory {

    /** Who opted out of what, when, and how. */
    public record OptOut(String channel, String recipient, String source, String recordedBy, Instant optedOutAt) {
    }

    private final JdbcTemplate jdbc;

    MessageOptOuts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the recipient refused optional messages on the channel ({@code sms}, {@code email}). */
    @Override
    @Transactional(readOnly = true)
    public boolean optedOut(String channel, String recipient) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from message_opt_outs where channel = ? and recipient = ?)", Boolean.class,
                channel, recipient));
    }

    /** @return whether this is news (he had not opted out before) */
    @Transactional
    public boolean optOut(String channel, String recipient, String source, String recordedBy) {
        return jdbc.update("""
                insert into message_opt_outs (isp_company_id, channel, recipient, source, recorded_by)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                TenantContext.requireCompanyId(), channel, recipient, source, recordedBy) == 1;
    }

    /** @return whether he had opted out */
    @Transactional
    public boolean optIn(String channel, String recipient) {
        return jdbc.update("delete from message_opt_outs where channel = ? and recipient = ?", channel, recipient) == 1;
    }

    @Transactional(readOnly = true)
    public List<OptOut> list(String recipient) {
        return jdbc.query("""
                select channel, recipient, source, recorded_by, opted_out_at from message_opt_outs
                where ?::text is null or recipient = ? order by opted_out_at desc limit 500""",
                (row, n) -> new OptOut(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class).toInstant()),
                recipient, recipient);
    }

    @Override
    public void withheld(MessagePurpose purpose, String channel, String recipient) {
        DeliveryLog.write(jdbc, channel, null, purpose.code(), recipient, "withheld", Map.of("reason", "opted out"),
                TenantContext.requireCompanyId());
    }

    @Override
    public boolean sentWithin(MessagePurpose purpose, String channel, String recipient, Duration window) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('outbound ' || ?))", Object.class, recipient);
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from outbound_messages
                               where recipient = ? and channel = ? and purpose = ? and created_at > now() - ?::interval)""",
                Boolean.class, recipient, channel, purpose.code(), window.toSeconds() + " seconds"));
    }
}
