package io.ispflow.messaging.staff;

import java.time.Instant;
import java.util.UUID;

/** A notice in a staff member's inbox, about an entity (a client, a message), with where to look. */
public record Notification(UUID id, String title, String message, String type, boolean read, Instant createdAt,
        Instant readAt, String relatedEntityType, UUID relatedEntityId, String actionUrl) {
}
