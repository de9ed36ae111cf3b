package io.ispflow.payments.mpesa;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When pushes without a callback are queried ({@code isp.payments.stk-query.*}).
 *
 * @param enabled     whether the scheduled check runs
 * @param firstAfter  how long a push may wait for its callback before the first query
 * @param backoff     wait after the first query; doubled after each further one
 * @param maxBackoff  the longest wait between two queries
 * @param maxAttempts queries after which a push still unanswered is given up as expired
 */
@ConfigurationProperties("isp.payments.stk-query")
record StkQueryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT60S") Duration firstAfter,
        @DefaultValue("PT20S") Duration backoff,
        @DefaultValue("PT5M") Duration maxBackoff,
        @DefaultValue("6") int maxAttempts) {
}
