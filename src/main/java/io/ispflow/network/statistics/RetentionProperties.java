package io.ispflow.network.statistics;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long interface and bandwidth statistics are kept ({@code isp.network.statistics.*}).
 *
 * @param retentionEnabled whether the rollup and delete job runs on its schedule
 * @param retentionInterval how often it runs
 * @param rawDays          raw samples kept this many days (once rolled up)
 * @param hourlyDays       hourly rollups kept this many days
 * @param dailyDays        daily rollups kept this many days
 * @param settle           an hour is rolled up once it ended this long ago (polls of its last minute written)
 * @param deleteBatch      rows deleted per statement and transaction, so that no delete holds locks for long
 */
@Validated
@ConfigurationProperties("isp.network.statistics")
record RetentionProperties(
        @DefaultValue("true") boolean retentionEnabled,
        @DefaultValue("PT10M") Duration retentionInterval,
        @DefaultValue("7") @Min(1) int rawDays,
        @DefaultValue("90") @Min(2) int hourlyDays,
        @DefaultValue("730") @Min(2) int dailyDays,
        @DefaultValue("PT5M") Duration settle,
        @DefaultValue("10000") @Positive @Max(1_000_000) int deleteBatch) {
}
