package io.ispflow.messaging.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.messaging.MessagePurpose;
import io.ispflow.messaging.Notifier;
import io.ispflow.messaging.staff.StaffNotifications;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Records notifications in the same transaction as the business step that causes them: staff notices
 * through {@link StaffNotifications}, client messages in the {@link Outbox} with status {@code queued}.
 * Delivery to the SMS and e-mail gateways reads the queue ({@link io.ispflow.messaging.delivery.MessageDispatcher}).
 */
@Component
class OutboxNotifier implements Notifier {

    private final StaffDirectory staff;
    private final StaffNotifications notifications;
    private final Outbox outbox;

    OutboxNotifier(StaffDirectory staff, StaffNotifications notifications, Outbox outbox) {
        this.staff = staff;
        this.notifications = notifications;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public void notifyStaff(String userId, String title, String message, String entityType, UUID entityId) {
        var profile = staff.profileOf(userId)
                .orElseThrow(() -> new IllegalArgumentException("no staff member " + userId + " in this company"));
        notifications.notify(profile.id(), title, message, entityType, entityId, null);
    }

    @Override
    public void textClient(UUID clientId, String phone, MessagePurpose purpose, String text) {
        outbox.sms(clientId, phone, purpose, text);
    }

    @Override
    public void emailClient(UUID clientId, String address, String purpose, String subject, String text) {
        outbox.email(clientId, address, purpose, subject, text);
    }
}
