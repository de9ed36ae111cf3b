package io.ispflow.messaging.delivery;

import java.util.UUID;

/**
 * A queued client message claimed for one attempt.
 *
 * @param subject the e-mail subject; null for an SMS
 * @param attempt the attempt this is, counting from 1
 */
public record OutboundMessage(UUID id, UUID companyId, String recipient, String subject, String body, String purpose,
        int attempt) {
}
