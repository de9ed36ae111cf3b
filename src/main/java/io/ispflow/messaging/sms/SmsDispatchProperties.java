package io.ispflow.messaging.sms;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.ispflow.messaging.delivery.DispatchPolicy;

/**
 * Sending queued SMS ({@code isp.messaging.sms.*}).
 *
 * @param background      whether worker threads send (tests send explicitly)
 * @param workers         threads sending at once on this node (each has at most one message in flight)
 * @param batch           messages a worker claims at a time
 * @param sweep           how often an idle worker looks without being woken
 * @param lease           how long a claimed message is left to its node before another may send it
 * @param maxAttempts     attempts after which a message that keeps failing is given up
 * @param firstRetry      the wait after the first failed attempt, doubling with each further one
 * @param maxRetry        the longest wait between attempts
 * @param perSecond       messages a company sends per second at most, from this node
 */
@Validated
@ConfigurationProperties("isp.messaging.sms")
record SmsDispatchProperties(
        @DefaultValue("true") boolean background,
        @DefaultValue("4") @Positive int workers,
        @DefaultValue("10") @Positive int batch,
        @DefaultValue("PT1S") Duration sweep,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("8") @Positive int maxAttempts,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetry,
        @DefaultValue("20") @Positive int perSecond) implements DispatchPolicy {
}
