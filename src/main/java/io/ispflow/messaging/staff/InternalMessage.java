package io.ispflow.messaging.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message from one staff member to another ({@code from}, {@code to}: their user ids). Messages of a
 * thread share its id, which is the id of the message that started it.
 */
public record InternalMessage(UUID id, UUID threadId, UUID replyToId, String from, String to, String subject,
        String content, Instant sentAt, boolean read, Instant readAt, List<Attachment> attachments) {
}
