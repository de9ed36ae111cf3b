package io.ispflow.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.ispflow.shared.Msisdn;

/**
 * Someone texted the company's number or shortcode: stored once ({@code inbound_messages}), published
 * after it committed, for whoever answers it.
 *
 * @param amount for {@link SmsCommand#PAY}, the whole shillings asked for, or null when none could be read
 */
public record ClientTexted(UUID companyId, UUID messageId, Msisdn from, String text, SmsCommand command,
        BigDecimal amount, Instant receivedAt) {
}
