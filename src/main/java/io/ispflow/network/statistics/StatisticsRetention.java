package io.ispflow.network.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.locks.SingletonWork;
import io.ispflow.shared.Nairobi;

/**
 * Keeps interface and bandwidth statistics from growing without bound: complete hours of raw samples are
 * rolled up into hourly rows, complete days (Africa/Nairobi) of hours into daily rows, and raw samples,
 * hours and days past their retention are deleted in small batches, each in its own transaction. Runs on
 * one node at a time (a cluster lock), company by company, remembering per company how far it got.
 */
@Component
public class StatisticsRetention {

    /** Raw samples rolled up per transaction: a day's worth at most. */
    private static final Duration CHUNK = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final SingletonWork singletonWork;
    private final Rollups rollups;
    private final RetentionProperties properties;
    private final Clock clock;

    StatisticsRetention(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions,
            SingletonWork singletonWork, Rollups rollups, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.singletonWork = singletonWork;
        this.rollups = rollups;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one run did, over all companies. */
    public record Run(int companies, long hourlyRows, long dailyRows, long deletedRows) {
    }

    @Scheduled(fixedDelayString = "${isp.network.statistics.retention-interval:PT10M}",
            initialDelayString = "${isp.network.statistics.retention-interval:PT10M}")
    void onSchedule() {
        if (properties.retentionEnabled()) {
            singletonWork.runIfFree("network.statistics-retention", () -> runAt(clock.instant()));
        }
    }

    /** Rolls up and deletes as of {@code now}, for every company with devices. */
    public Run runAt(Instant now) {
        List<UUID> companies = transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select distinct isp_company_id from equipment", UUID.class)));
        long hourly = 0;
        long daily = 0;
        long deleted = 0;
        for (UUID company : companies) {
            hourly += tenantScope.callAs(company, () -> rollUpHours(now));
            daily += tenantScope.callAs(company, this::rollUpDays);
            deleted += tenantScope.callAs(company, () -> deleteExpired(now));
        }
        return new Run(companies.size(), hourly, daily, deleted);
    }

    private long rollUpHours(Instant now) {
        Instant end = now.minus(properties.settle()).truncatedTo(ChronoUnit.HOURS);
        Optional<Instant> from = progress("hour").or(this::firstRawHour);
        long rows = 0;
        for (Instant start = from.orElse(end); start.isBefore(end); ) {
            Instant chunkEnd = min(start.plus(CHUNK), end);
            Instant chunkStart = start;
            rows += transactions.execute(status -> {
                int written = rollups.hours(chunkStart, chunkEnd);
                recordProgress("hour", chunkEnd);
                return written;
            });
            singletonWork.stillRunning();
            start = chunkEnd;
        }
        return rows;
    }

    private long rollUpDays() {
        Optional<Instant> hoursDone = progress("hour");
        if (hoursDone.isEmpty()) {
            return 0;
        }
        Instant end = dayStart(hoursDone.get());
        Optional<Instant> from = progress("day").or(() -> firstHour().map(StatisticsRetention::dayStart));
        long rows = 0;
        for (Instant start = from.orElse(end); start.isBefore(end); ) {
            Instant chunkEnd = min(dayStart(start.plus(Duration.ofDays(7)).plus(Duration.ofHours(12))), end);
            Instant chunkStart = start;
            rows += transactions.execute(status -> {
                int written = rollups.days(chunkStart, chunkEnd);
                recordProgress("day", chunkEnd);
                return written;
            });
            singletonWork.stillRunning();
            start = chunkEnd;
        }
        return rows;
    }

    /** Raw rows go once past their days and rolled up; hours once past theirs and rolled into days. */
    private long deleteExpired(Instant now) {
        Instant rawBefore = min(now.minus(Duration.ofDays(properties.rawDays())), progress("hour").orElse(Instant.EPOCH));
        Instant hoursBefore = min(now.minus(Duration.ofDays(properties.hourlyDays())),
                progress("day").orElse(Instant.EPOCH));
        Instant daysBefore = now.minus(Duration.ofDays(properties.dailyDays()));
        return deleteInBatches("interface_statistics", "sampled_at", rawBefore)
                + deleteInBatches("bandwidth_statistics", "sampled_at", rawBefore)
                + deleteInBatches("interface_statistics_hourly", "period_start", hoursBefore)
                + deleteInBatches("bandwidth_statistics_hourly", "period_start", hoursBefore)
                + deleteInBatches("interface_statistics_daily", "period_start", daysBefore)
                + deleteInBatches("bandwidth_statistics_daily", "period_start", daysBefore);
    }

    private long deleteInBatches(String table, String timeColumn, Instant before) {
        long deleted = 0;
        int batch;
        do {
            batch = transactions.execute(status -> rollups.deleteOlder(table, timeColumn, before,
                    properties.deleteBatch()));
            deleted += batch;
            singletonWork.stillRunning();
        } while (batch == properties.deleteBatch());
        return deleted;
    }

    private Optional<Instant> progress(String period) {
        return transactions.execute(status -> jdbc.query(
                "select rolled_up_to from statistics_rollup_progress where period = ?",
                rs -> rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty(), period));
    }

    private void recordProgress(String period, Instant to) {
        jdbc.update("""
                insert into statistics_rollup_progress (isp_company_id, period, rolled_up_to)
                values (current_company_id(), ?, ?)
                on conflict (isp_company_id, period) do update set rolled_up_to = excluded.rolled_up_to""",
                period, Timestamp.from(to));
    }

    private Optional<Instant> firstRawHour() {
        return transactions.execute(status -> Optional.ofNullable(jdbc.queryForObject("""
                select date_trunc('hour', least((select min(sampled_at) from interface_statistics),
                                                (select min(sampled_at) from bandwidth_statistics)))""",
                Timestamp.class)).map(Timestamp::toInstant));
    }

    private Optional<Instant> firstHour() {
        return transactions.execute(status -> Optional.ofNullable(jdbc.queryForObject("""
                select least((select min(period_start) from interface_statistics_hourly),
                             (select min(period_start) from bandwidth_statistics_hourly))""",
                Timestamp.class)).map(Timestamp::toInstant));
    }

    private static Instant dayStart(Instant instant) {
        LocalDate day = instant.atZone(Nairobi.ZONE).toLocalDate();
        return day.atStartOfDay(Nairobi.ZONE).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
