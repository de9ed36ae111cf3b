package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code suspensionPolicy} decision's answer as the process keeps it; an account manager's decision to
 * suspend a contract client has none, and takes the defaults.
 */
record PolicyAnswer(String action, String reason, int disconnectAfterDays) {

    static final int DEFAULT_DISCONNECT_AFTER_DAYS = 30;

    static PolicyAnswer of(VariableScope scope) {
        if (!(scope.getVariable(POLICY) instanceof Map<?, ?> answer)) {
            return new PolicyAnswer("suspend", "Suspended by the account manager", DEFAULT_DISCONNECT_AFTER_DAYS);
        }
        Object days = answer.get("disconnectAfterDays");
        String action = String.valueOf(answer.get("action"));
        // an escalation the account manager decided to suspend
        String reason = "escalate".equals(action) ? "Suspended by the account manager" : String.valueOf(answer.get("reason"));
        return new PolicyAnswer(action, reason, days instanceof Number n ? n.intValue() : DEFAULT_DISCONNECT_AFTER_DAYS);
    }
}
