package io.ispflow.network.snmp;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Talking SNMP to devices ({@code isp.network.snmp.*}).
 *
 * @param timeout          how long to wait for one answer before sending the request again
 * @param retries          how often a request is sent again before the device counts as not answering
 * @param maxRepetitions   rows asked for per GETBULK request
 * @param dispatcherThreads threads that decode answers
 */
@Validated
@ConfigurationProperties("isp.network.snmp")
record SnmpProperties(
        @DefaultValue("PT2S") Duration timeout,
        @DefaultValue("1") @Min(0) @Max(5) int retries,
        @DefaultValue("25") @Positive @Max(100) int maxRepetitions,
        @DefaultValue("2") @Positive int dispatcherThreads) {
}
