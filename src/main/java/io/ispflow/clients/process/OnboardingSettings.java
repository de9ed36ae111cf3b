package io.ispflow.clients.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the onboarding process ({@code isp.clients.onboarding.*}), read by the BPMN as
 * {@code ${onboardingSettings.approvalSla}}: how long each user task may take (its due date in Tasklist).
 */
@Component("onboardingSettings")
public class OnboardingSettings {

    /**
     * @param approvalSla how long NOC has to approve a registration before isp_admin is alerted
     * @param followUpDue how long isp_admin has to chase an overdue approval
     * @param equipmentDue how long the asset team has to assign equipment to an approved client
     */
    @ConfigurationProperties("isp.clients.onboarding")
    record Properties(@DefaultValue("PT24H") Duration approvalSla, @DefaultValue("PT4H") Duration followUpDue,
            @DefaultValue("P2D") Duration equipmentDue) {
    }

    private final Properties properties;

    OnboardingSettings(Properties properties) {
        this.properties = properties;
    }

    /** ISO-8601 duration, as BPMN timers want it. */
    public String getApprovalSla() {
        return properties.approvalSla().toString();
    }

    public String getFollowUpDue() {
        return properties.followUpDue().toString();
    }

    public String getEquipmentDue() {
        return properties.equipmentDue().toString();
    }
}
