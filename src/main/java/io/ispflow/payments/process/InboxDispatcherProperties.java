package io.ispflow.payments.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The inbox dispatcher ({@code isp.payments.inbox.*}).
 *
 * @param background whether a background thread dispatches (tests dispatch explicitly)
 * @param sweep      how often the thread looks without being woken (rows of other nodes, after a crash)
 * @param batch      process starts per transaction
 */
@ConfigurationProperties("isp.payments.inbox")
record InboxDispatcherProperties(
        @DefaultValue("true") boolean background,
        @DefaultValue("PT1S") Duration sweep,
        @DefaultValue("100") int batch) {
}
