package io.ispflow.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.QuietHours;
import io.ispflow.messaging.email.EmailDispatcher;
import io.ispflow.messaging.sms.SmsDispatcher;
import io.ispflow.platform.TenantContext;

/**
 * Queues a message in {@code outbound_messages} in the caller's transaction, and wakes the channel's
 * dispatcher after the commit when it is due at once. An SMS waits for the end of the
 * {@link QuietHours} when its purpose does; an e-mail leaves at any hour (one that arrives at night
 * wakes nobody).
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final SmsDispatcher sms;
    private final EmailDispatcher email;
    private final Clock clock;

    Outbox(JdbcTemplate jdbc, SmsDispatcher sms, EmailDispatcher email, Clock clock) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.email = email;
        this.clock = clock;
    }

    /** @param clientId the client written to, or null (a payer who is no client, a staff member) */
    @Transactional
    public void sms(UUID clientId, String phone, MessagePurpose purpose, String text) {
        Instant now = clock.instant();
        Instant sendFrom = QuietHours.sendFrom(now, purpose);
        queue(clientId, "sms", phone, purpose.code(), null, text, sendFrom);
        if (!sendFrom.isAfter(now)) {
            sms.wakeUpAfterCommit();
        }
    }

    @Transactional
    public void email(UUID clientId, String address, String purpose, String subject, String text) {
        queue(clientId, "email", address, purpose, subject, text, clock.instant());
        email.wakeUpAfterCommit();
    }

    private void queue(UUID clientId, String channel, String recipient, String purpose, String subject, String body,
            Instant sendFrom) {
        jdbc.update("""
                insert into outbound_messages (client_id, channel, recipient, subject, body, purpose, next_attempt_at,
                                               isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                clientId, channel, recipient, subject, body, purpose, Timestamp.from(sendFrom),
                TenantContext.requireCompanyId());
    }
}
