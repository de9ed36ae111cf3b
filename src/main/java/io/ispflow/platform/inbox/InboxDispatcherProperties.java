package io.ispflow.platform.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * The inbox dispatcher ({@code isp.platform.inbox.*}).
 *
 * @param background  whether a background thread dispatches (tests dispatch explicitly)
 * @param sweep       how often the thread looks without being woken (rows of other nodes, after a crash)
 * @param batch       messages dispatched per transaction, shared among the inboxes
 * @param maxAttempts failed attempts after which a message is parked (its row keeps the error) for an operator
 */
@Validated
@ConfigurationProperties("isp.platform.inbox")
record InboxDispatcherProperties(
        @DefaultValue("true") boolean background,
        @DefaultValue("PT1S") Duration sweep,
        @DefaultValue("100") @Positive int batch,
        @DefaultValue("5") @Positive int maxAttempts) {
}
