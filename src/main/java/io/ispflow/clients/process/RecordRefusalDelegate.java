package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.camunda.FormValues;

import io.ispflow.messaging.Notifier;
import io.ispflow.tenancy.ClientLimitReached;
import io.ispflow.tenancy.LicenseType;

/** Explains a refused registration in {@code refusalReason} and tells the staff member who tried. */
@Component("recordRefusalDelegate")
class RecordRefusalDelegate implements JavaDelegate {

    private final Notifier notifier;

    RecordRefusalDelegate(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int limit = clientLimit(execution);
        String reason = ClientLimitReached.explain(
                LicenseType.valueOf(((String) execution.getVariable(LICENSE_TYPE)).toUpperCase()), limit);
        execution.setVariable(CLIENT_LIMIT, limit);
        execution.setVariable(REFUSAL_REASON, reason);
        String registeredBy = (String) execution.getVariable(REGISTERED_BY);
        if (registeredBy != null) {
            notifier.notifyStaff(registeredBy, "Registration refused: " + execution.getVariable(NAME), reason,
                    "process_instance", null);
        }
    }

    /**
     * The limit the registration ran into: the one the register step met if another registration won
     * the race, else the {@code licenseLimits} decision's answer.
     */
    @SuppressWarnings("unchecked")
    private static int clientLimit(DelegateExecution execution) {
        int raced = FormValues.integer(execution.getVariable(CLIENT_LIMIT), -1);
        if (raced >= 0) {
            return raced;
        }
        var terms = (Map<String, Object>) execution.getVariable(LICENSE_TERMS);
        return ((Number) terms.get("clientLimit")).intValue();
    }
}
