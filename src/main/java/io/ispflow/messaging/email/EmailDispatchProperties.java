package io.ispflow.messaging.email;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.ispflow.messaging.delivery.DispatchPolicy;

/**
 * Sending queued client e-mail ({@code isp.messaging.email.*}); the same dispatcher settings as SMS
 * ({@link DispatchPolicy}), and the SMTP time-out.
 *
 * @param timeout how long connecting to the SMTP server, or waiting for one of its replies, may take
 *                before the attempt counts as failed and is tried again
 */
@Validated
@ConfigurationProperties("isp.messaging.email")
record EmailDispatchProperties(
        @DefaultValue("true") boolean background,
        @DefaultValue("2") @Positive int workers,
        @DefaultValue("10") @Positive int batch,
        @DefaultValue("PT1S") Duration sweep,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("8") @Positive int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("5") @Positive int perSecond,
        @DefaultValue("PT20S") Duration timeout) implements DispatchPolicy {
}
