package io.ispflow.platform.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How failed logins slow down further attempts ({@code isp.platform.login.*}; the values and the
 * reasons for them are in {@code application.yml}). Three counters, each with its own back-off: one
 * account from one source address, one source address across all accounts (password spraying), and
 * one account across all sources (distributed guessing).
 *
 * @param pair           failures of one account from one source
 * @param source         failures from one source, whatever the account
 * @param account        failures of one account, whatever the source; its cap is kept short, because
 *                       it also delays the real user on a device he has not logged in from before
 * @param knownSourceFor how long a source stays known to an account after a successful login there;
 *                       a known source is spared the source and account back-offs, never its own
 */
@Validated
@ConfigurationProperties("isp.platform.login")
record LoginProperties(@NotNull @Valid Backoff pair, @NotNull @Valid Backoff source,
        @NotNull @Valid Backoff account, @NotNull Duration knownSourceFor) {

    /**
     * No delay for the first {@code freeFailures} failures; then {@code firstDelay}, doubling with every
     * further failure up to {@code maxDelay}. The count is forgotten {@code forgetAfter} after the last
     * failure, so nothing is permanent.
     */
    record Backoff(@Min(0) int freeFailures, @NotNull Duration firstDelay, @NotNull Duration maxDelay,
            @NotNull Duration forgetAfter) {

        /** A count forgotten while its delay still runs would let the next attempt through early. */
        @AssertTrue(message = "forget-after must be longer than max-delay")
        boolean isForgottenOnlyAfterTheLongestDelay() {
            return forgetAfter == null || maxDelay == null || forgetAfter.compareTo(maxDelay) > 0;
        }

        /** The delay that {@code failures} consecutive failures have earned (zero while still free). */
        Duration delayAfter(int failures) {
            int beyondFree = failures - freeFailures;
            if (beyondFree <= 0) {
                return Duration.ZERO;
            }
            // 2^30 seconds is decades: enough to reach any sensible cap without overflowing
            Duration delay = firstDelay.multipliedBy(1L << Math.min(beyondFree - 1, 30));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }
}
