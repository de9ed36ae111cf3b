package io.ispflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;

/** A flood of refused calls is counted in full but written as a bounded number of rows. */
@IntegrationTest
class SecurityEventsIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** A clock the test moves on, so that a minute ends without waiting for it. */
    static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-06-01T10:15:30Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    SettableClock clock;
    SecurityEvents events;
    String source;

    @BeforeEach
    void aLogThatKeepsFiveRowsPerSourceAndMinute() {
        clock = new SettableClock();
        events = new SecurityEvents(jdbc, tenantScope, transactionManager, clock, new SecurityEventsProperties(5));
        source = "198.51.100." + (1 + new java.util.Random().nextInt(250)) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Map<String, Object> rowsOf(String address) {
        return tenantScope.callPlatformWide(() -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.queryForMap("select count(*) as row_count, coalesce(sum(occurrences), 0) as total"
                        + " from security_events where source_address = ?", address)));
    }

    @Test
    void aThousandEventsFromOneSourceInAMinuteLeaveFiveRowsAndASummaryWithTheirCount() {
        for (int i = 0; i < 1_000; i++) {
            events.record(null, "stk_callback_malformed", "attempt " + i, source);
        }
        assertThat(rowsOf(source)).containsEntry("row_count", 5L);

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        events.flushEndedMinutes();

        var rows = rowsOf(source);
        assertThat(rows).containsEntry("row_count", 6L);
        assertThat(((Number) rows.get("total")).longValue()).isEqualTo(1_000);
    }

    @Test
    void eachSourceHasItsOwnAllowanceAndANewMinuteStartsAfresh() {
        String other = source + "-b";
        for (int i = 0; i < 10; i++) {
            events.record(null, "bank_ipn_bad_signature", "attempt " + i, source);
            events.record(null, "bank_ipn_bad_signature", "attempt " + i, other);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        events.record(null, "bank_ipn_bad_signature", "next minute", source);

        assertThat(rowsOf(source)).containsEntry("row_count", 6L);
        assertThat(rowsOf(other)).containsEntry("row_count", 5L);
    }

    @Test
    void whatACallerSentIsStoredCleanedAndCut() {
        events.record(null, "stk_callback_unknown_request", "CheckoutRequestID x\u0000y\u001b[31m" + "z".repeat(2_000),
                source);

        String detail = tenantScope.callPlatformWide(() -> new TransactionTemplate(transactionManager).execute(tx ->
                jdbc.queryForObject("select detail from security_events where source_address = ?", String.class,
                        source)));
        assertThat(detail).startsWith("CheckoutRequestID x?y?[31m").doesNotContain("\u0000").hasSizeLessThanOrEqualTo(500);
    }
}
