package io.ispflow.network.process;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the installation process ({@code isp.network.installation.*}), read by the BPMN as
 * {@code ${installationSettings.maxAttempts}}.
 */
@Component("installationSettings")
public class InstallationSettings {

    /** @param maxAttempts failed visits after which isp_admin decides how to go on */
    @ConfigurationProperties("isp.network.installation")
    record Properties(@DefaultValue("3") int maxAttempts) {
    }

    private final Properties properties;

    InstallationSettings(Properties properties) {
        this.properties = properties;
    }

    public int getMaxAttempts() {
        return properties.maxAttempts();
    }
}
