package io.ispflow.network.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the installation process ({@code isp.network.installation.*}), read by the BPMN as
 * {@code ${installationSettings.maxAttempts}}, and how long each user task may take (its due date in
 * Tasklist; the visit itself is due at the booked time).
 */
@Component("installationSettings")
public class InstallationSettings {

    /**
     * @param maxAttempts failed visits after which isp_admin decides how to go on
     * @param schedulingDue how long NOC has to book a visit
     * @param verificationDue how long NOC has to verify an installed link
     * @param decisionDue how long isp_admin has to decide after repeated failures
     */
    @ConfigurationProperties("isp.network.installation")
    record Properties(@DefaultValue("3") int maxAttempts, @DefaultValue("P1D") Duration schedulingDue,
            @DefaultValue("PT4H") Duration verificationDue, @DefaultValue("P1D") Duration decisionDue) {
    }

    private final Properties properties;

    InstallationSettings(Properties properties) {
        this.properties = properties;
    }

    public int getMaxAttempts() {
        return properties.maxAttempts();
    }

    public String getSchedulingDue() {
        return properties.schedulingDue().toString();
    }

    public String getVerificationDue() {
        return properties.verificationDue().toString();
    }

    public String getDecisionDue() {
        return properties.decisionDue().toString();
    }
}
