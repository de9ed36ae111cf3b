package io.ispflow.messaging;

import java.util.UUID;

/** Tells staff and clients what happened. Delivery is asynchronous; these calls only enqueue. */
public interface Notifier {

    /** A notice in a staff member's inbox, about an entity (e.g. a client). */
    void notifyStaff(String userId, String title, String message, String entityType, UUID entityId);

    /**
     * An SMS to a client (E.164 number), for the given purpose; it leaves at once, or at the end of the
     * {@link QuietHours} when its purpose waits for them.
     */
    void textClient(UUID clientId, String phone, MessagePurpose purpose, String text);

    /** An e-mail to a client; it leaves at once, at any hour (quiet hours are for SMS). */
    void emailClient(UUID clientId, String email, String purpose, String subject, String text);
}
