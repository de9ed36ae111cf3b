package io.ispflow.network.provisioning;

import org.springframework.stereotype.Component;

/**
 * The settings {@code processes/client-port-switch.bpmn} reads, as {@code ${portSwitchSettings.retryCycle}}
 * and {@code ${portSwitchSettings.manualSwitchDue}}.
 */
@Component("portSwitchSettings")
public class PortSwitchSettings {

    private final ProvisioningProperties properties;

    PortSwitchSettings(ProvisioningProperties properties) {
        this.properties = properties;
    }

    /** The switch task's retry cycle, e.g. {@code R3/PT1M}: attempts in all, and the wait between them. */
    public String getRetryCycle() {
        return "R" + properties.attempts() + "/" + properties.retryWait();
    }

    public String getManualSwitchDue() {
        return properties.manualSwitchDue().toString();
    }

    int attempts() {
        return properties.attempts();
    }
}
