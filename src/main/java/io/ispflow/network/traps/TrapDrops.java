package io.ispflow.network.traps;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Traps that are not stored: counted by reason ({@code isp.network.traps.dropped}) and logged, without
 * credentials, at most once per reason and {@code drop-log-interval}.
 */
@Component
class TrapDrops {

    private static final Logger log = LoggerFactory.getLogger(TrapDrops.class);

    /** Why a datagram on the trap port was not stored. */
    enum Reason {
        UNKNOWN_SOURCE, WRONG_COMMUNITY, UNKNOWN_USER, AUTHENTICATION_FAILED, DECRYPTION_FAILED,
        NOT_IN_TIME_WINDOW, UNSUPPORTED_SECURITY_LEVEL, UNSUPPORTED_VERSION, MALFORMED, NOT_A_NOTIFICATION;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final TrapProperties properties;
    private final Map<Reason, Instant> lastLogged = new ConcurrentHashMap<>();

    TrapDrops(MeterRegistry meters, Clock clock, TrapProperties properties) {
        this.meters = meters;
        this.clock = clock;
        this.properties = properties;
    }

    void drop(Reason reason, String sender) {
        Counter counter = counter(reason);
        counter.increment();
        Instant now = clock.instant();
        Instant last = lastLogged.get(reason);
        if ((last == null || !now.isBefore(last.plus(properties.dropLogInterval())))
                && (last == null ? lastLogged.putIfAbsent(reason, now) == null : lastLogged.replace(reason, last, now))) {
            log.warn("Dropped an SNMP datagram from {}: {} ({} so far for this reason)", sender, reason.tag(),
                    (long) counter.count());
        }
    }

    /** How many were dropped for this reason since start. */
    double count(Reason reason) {
        return counter(reason).count();
    }

    private Counter counter(Reason reason) {
        return Counter.builder("isp.network.traps.dropped").tag("reason", reason.tag())
                .description("SNMP datagrams on the trap port not stored").register(meters);
    }
}
