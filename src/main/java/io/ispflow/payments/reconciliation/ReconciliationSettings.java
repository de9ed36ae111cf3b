package io.ispflow.payments.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Settings of the payment reconciliation process ({@code isp.payments.reconciliation.*}), read by the
 * BPMN as {@code ${reconciliationSettings.assignmentDue}}: how long finance has for each user task (its
 * due date in Tasklist). A payer whose money is not credited may be cut off meanwhile.
 */
@Component("reconciliationSettings")
public class ReconciliationSettings {

    /**
     * @param assignmentDue how long finance has to find the client of an unmatched payment
     * @param reviewDue how long finance has to review a possible double payment
     */
    @ConfigurationProperties("isp.payments.reconciliation")
    record Properties(@DefaultValue("PT4H") Duration assignmentDue, @DefaultValue("PT4H") Duration reviewDue) {
    }

    private final Properties properties;

    ReconciliationSettings(Properties properties) {
        this.properties = properties;
    }

    public String getAssignmentDue() {
        return properties.assignmentDue().toString();
    }

    public String getReviewDue() {
        return properties.reviewDue().toString();
    }
}
