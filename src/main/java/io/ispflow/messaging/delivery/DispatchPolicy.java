package io.ispflow.messaging.delivery;

import java.time.Duration;

/**
 * How a channel's dispatcher works, as its properties record says ({@code isp.messaging.sms.*},
 * {@code isp.messaging.email.*}).
 */
public interface DispatchPolicy {

    /** Whether worker threads send (tests send explicitly). */
    boolean background();

    /** Threads sending at once on this node (each has at most one message in flight). */
    int workers();

    /** Messages a worker claims at a time. */
    int batch();

    /** How often an idle worker looks without being woken. */
    Duration sweep();

    /** How long a claimed message is left to its node before another may send it. */
    Duration lease();

    /** Attempts after which a message that keeps failing is given up. */
    int maxAttempts();

    /** The wait after the first failed attempt, doubling with each further one. */
    Duration firstRetry();

    /** The longest wait between attempts. */
    Duration maxRetry();

    /** Messages a company sends per second at most, from this node. */
    int perSecond();

    /** The wait after the {@code attempts}-th failed attempt. */
    default Duration retryAfter(int attempts) {
        Duration wait = firstRetry().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(maxRetry()) > 0 ? maxRetry() : wait;
    }
}
