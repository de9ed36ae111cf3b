package io.ispflow.messaging.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to an internal message: its name as given (made safe), its size, the type detected
 * from its bytes, where to download it, and the SHA-256 of its bytes (hex).
 */
public record Attachment(UUID id, UUID messageId, String fileName, long size, String type, String url, String sha256,
        Instant uploadedAt) {
}
