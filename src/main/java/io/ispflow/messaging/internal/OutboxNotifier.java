package io.ispflow.messaging.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.Notifier;
import io.ispflow.messaging.QuietHours;
import io.ispflow.messaging.email.EmailDispatcher;
import io.ispflow.messaging.sms.SmsDispatcher;
import io.ispflow.messaging.staff.StaffNotifications;
import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Records notifications in the same transaction as the business step that causes them: staff notices
 * through {@link StaffNotifications}, client messages in {@code outbound_messages} with status {@code queued}.
 * Delivery to the SMS and e-mail gateways reads the queue ({@link io.ispflow.messaging.delivery.MessageDispatcher}).
 */
@Component
class OutboxNotifier implements Notifier {

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final SmsDispatcher sms;
    private final EmailDispatcher email;
    private final Clock clock;
    private final StaffNotifications notifications;

    OutboxNotifier(JdbcTemplate jdbc, StaffDirectory staff, SmsDispatcher sms, EmailDispatcher email, Clock clock,
            StaffNotifications notifications) {
        this.clock = clock;
        this.notifications = notifications;
        this.sms = sms;
        this.email = email;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    @Override
    @Transactional
    public void notifyStaff(String userId, String title, String message, String entityType, UUID entityId) {
        var profile = staff.profileOf(userId)
                .orElseThrow(() -> new IllegalArgumentException("no staff member " + userId + " in this company"));
        notifications.notify(profile.id(), title, message, entityType, entityId, null);
    }

    @Override
    @Transactional
    public void textClient(UUID clientId, String phone, MessagePurpose purpose, String text) {
        Instant now = clock.instant();
        Instant sendFrom = QuietHours.sendFrom(now, purpose);
        queue(clientId, "sms", phone, purpose.code(), null, text, sendFrom);
        if (!sendFrom.isAfter(now)) {
            sms.wakeUpAfterCommit();
        }
    }

    /** E-mails leave at any hour: unlike an SMS, one that arrives at night wakes nobody. */
    @Override
    @Transactional
    public void emailClient(UUID clientId, String address, String purpose, String subject, String text) {
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
