package io.ispflow.platform.security;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much of a flood the security log writes row by row ({@code isp.platform.security-events.*}).
 *
 * @param rowsPerSourceMinute events of one source address in one minute kept as rows of their own;
 *                            the rest are counted into one summary row
 */
@Validated
@ConfigurationProperties("isp.platform.security-events")
record SecurityEventsProperties(@Positive Integer rowsPerSourceMinute) {

    SecurityEventsProperties {
        rowsPerSourceMinute = rowsPerSourceMinute == null ? 20 : rowsPerSourceMinute;
    }
}
