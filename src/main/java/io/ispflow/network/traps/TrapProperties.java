package io.ispflow.network.traps;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SNMP trap receiver ({@code isp.network.traps.*}).
 *
 * @param enabled         whether the receiver listens at all
 * @param address         the local address it listens on (loopback by default; {@code 0.0.0.0} for all)
 * @param port            its UDP port (1162 by default, as 162 needs privileges; 0 picks a free one)
 * @param sourceCacheTtl  how long the devices known at an address are kept before they are read again
 *                        (a device's changed access clears them at once)
 * @param dropLogInterval at most one log line per reason of dropping in this interval
 * @param threads         threads that decode and store traps
 */
@Validated
@ConfigurationProperties("isp.network.traps")
record TrapProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("127.0.0.1") @NotBlank String address,
        @DefaultValue("1162") @Min(0) @Max(65535) int port,
        @DefaultValue("PT30S") Duration sourceCacheTtl,
        @DefaultValue("PT1M") Duration dropLogInterval,
        @DefaultValue("2") @Positive int threads) {
}
