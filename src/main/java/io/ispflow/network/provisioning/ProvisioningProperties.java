package io.ispflow.network.provisioning;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Provisioning of client service on the network ({@code isp.network.provisioning.*}).
 *
 * @param mode            {@code snmp}: a client's access port is switched over SNMP (the default);
 *                        {@code logging}: no equipment is touched, each request is only recorded
 * @param attempts        SNMP attempts of one switch before staff are asked to switch the port by hand
 * @param retryWait       wait between two attempts
 * @param manualSwitchDue how long NOC has to switch a port by hand (the task's due date)
 */
@Validated
@ConfigurationProperties("isp.network.provisioning")
record ProvisioningProperties(
        @DefaultValue("snmp") @NotNull Mode mode,
        @DefaultValue("3") @Min(1) @Max(10) int attempts,
        @DefaultValue("PT1M") @NotNull Duration retryWait,
        @DefaultValue("PT4H") @NotNull Duration manualSwitchDue) {

    enum Mode {
        SNMP, LOGGING
    }
}
