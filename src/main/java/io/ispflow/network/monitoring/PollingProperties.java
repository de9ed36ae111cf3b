package io.ispflow.network.monitoring;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Polling managed devices ({@code isp.network.polling.*}). Timeouts and retries of each request are
 * SNMP's own ({@code isp.network.snmp.*}).
 *
 * @param background    whether a thread on this node polls due devices (tests drive rounds explicitly)
 * @param concurrency   devices polled at once by this node
 * @param batch         due devices claimed at a time
 * @param sweep         how often the background thread looks for due devices
 * @param lease         how long a claimed device is left to its node before another may poll it
 * @param downAfter     polls missed in a row after which a device is down
 * @param describeEvery how often sysName and sysDescr are read again
 */
@Validated
@ConfigurationProperties("isp.network.polling")
record PollingProperties(
        @DefaultValue("true") boolean background,
        @DefaultValue("16") @Positive @Max(1000) int concurrency,
        @DefaultValue("100") @Positive @Max(10000) int batch,
        @DefaultValue("PT1S") Duration sweep,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("3") @Positive int downAfter,
        @DefaultValue("PT1H") Duration describeEvery) {
}
