package io.ispflow.renewals.process;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the subscription lifecycle ({@code isp.renewals.*}), read by its BPMN as
 * {@code ${lifecycleSettings.promiseDue}}.
 */
@Component("lifecycleSettings")
public class LifecycleSettings {

    /**
     * @param promiseMaxDays how far past the due day a promise to pay may reach
     * @param promiseDue how long support has to call a client whose renewal is unpaid
     * @param contractDecisionDue how long an account manager has to decide on a contract client's arrears
     * @param recoveryDue how long the asset team has to recover a disconnected client's equipment
     */
    @ConfigurationProperties("isp.renewals")
    record Properties(@DefaultValue("7") int promiseMaxDays, @DefaultValue("P2D") Duration promiseDue,
            @DefaultValue("P1D") Duration contractDecisionDue, @DefaultValue("P7D") Duration recoveryDue) {
    }

    private final Properties properties;

    LifecycleSettings(Properties properties) {
        this.properties = properties;
    }

    public int getPromiseMaxDays() {
        return properties.promiseMaxDays();
    }

    public String getPromiseDue() {
        return properties.promiseDue().toString();
    }

    public String getContractDecisionDue() {
        return properties.contractDecisionDue().toString();
    }

    public String getRecoveryDue() {
        return properties.recoveryDue().toString();
    }
}
