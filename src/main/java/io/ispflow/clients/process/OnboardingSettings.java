package io.ispflow.clients.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the onboarding process ({@code isp.clients.onboarding.*}), read by the BPMN as
 * {@code ${onboardingSettings.approvalSla}}.
 */
@Component("onboardingSettings")
public class OnboardingSettings {

    /** @param approvalSla how long NOC has to approve a registration before isp_admin is alerted */
    @ConfigurationProperties("isp.clients.onboarding")
    record Properties(@DefaultValue("PT24H") Duration approvalSla) {
    }

    private final Properties properties;

    OnboardingSettings(Properties properties) {
        this.properties = properties;
    }

    /** ISO-8601 duration, as BPMN timers want it. */
    public String getApprovalSla() {
        return properties.approvalSla().toString();
    }
}
