package io.ispflow.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * The security log ({@code security_events}): refused calls, forged callbacks, tampering. A flood
 * cannot fill it: per source address and minute, the first few events (a setting, 20 by default) are
 * written (and logged) one row each; the rest are only counted, and each full minute's count is written
 * as one summary row whose {@code occurrences} keeps the total. What is attacker-controlled in a detail
 * is cleaned of control characters and cut to length. Counts are kept per node, in memory: with
 * several nodes, each writes its own summary.
 */
@Component
public class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

    private record Window(String source, Instant minute) {
    }

    private final Map<Window, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int rowsPerSourceMinute;

    SecurityEvents(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactionManager,
            Clock clock, SecurityEventsProperties properties) {
        this.rowsPerSourceMinute = properties.rowsPerSourceMinute();
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Records an event: in the caller's transaction when one runs (it commits or rolls back with it),
     * else in one of its own.
     *
     * @param company the company concerned, or {@code null} when none is known (an unknown path)
     */
    public void record(UUID company, String kind, String detail, String sourceAddress) {
        String source = clean(sourceAddress, 64);
        Window window = new Window(source == null ? "" : source, clock.instant().truncatedTo(ChronoUnit.MINUTES));
        int seen = counts.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet();
        if (seen > rowsPerSourceMinute) {
            return;
        }
        String cleanDetail = clean(detail, 500);
        log.warn("Security event {} from {}: {}{}", kind, source, cleanDetail,
                seen == rowsPerSourceMinute ? " (further events from this source this minute are only counted)" : "");
        insert(company, clean(kind, 40), cleanDetail, source, 1);
    }

    /** Writes the counts of the minutes that have ended: one summary row per flooding source. */
    @Scheduled(fixedDelayString = "${isp.platform.security-events.flush-interval:PT15S}")
    public void flushEndedMinutes() {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (var entry : counts.entrySet()) {
            Window window = entry.getKey();
            if (!window.minute().isBefore(current) || !counts.remove(window, entry.getValue())) {
                continue;
            }
            int beyond = entry.getValue().get() - rowsPerSourceMinute;
            if (beyond > 0) {
                log.warn("Security events: {} more from {} in the minute from {}", beyond, window.source(),
                        window.minute());
                insert(null, "flood_summary", beyond + " further events from this source in the minute from "
                        + window.minute(), window.source().isEmpty() ? null : window.source(), beyond);
            }
        }
    }

    private void insert(UUID company, String kind, String detail, String source, int occurrences) {
        tenantScope.callPlatformWide(() -> transaction.execute(tx -> jdbc.update("""
                insert into security_events (kind, detail, source_address, isp_company_id, occurrences)
                values (?, ?, ?, ?, ?)""", kind, detail == null ? "" : detail, source, company, occurrences)));
    }

    /** Printable text only (no NUL or other control characters, which PostgreSQL or a log would choke on). */
    static String clean(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        String printable = text.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
        return printable.length() <= maxLength ? printable : printable.substring(0, maxLength - 1) + "…";
    }
}
