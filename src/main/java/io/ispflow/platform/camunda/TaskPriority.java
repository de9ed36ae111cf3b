package io.ispflow.platform.camunda;

import java.math.BigDecimal;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * A user task's priority, from the {@code taskPriority} decision of {@code dmn/task-priority.dmn}: every
 * user task says {@code camunda:priority="${taskPriority.of(execution)}"}, so the rule lives in one
 * table that analysts edit. Its inputs are the process's {@code clientType} and {@code amount}, when it
 * has them.
 *
 * <p>The table is evaluated on behalf of the process, as a business rule task would be: the staff member
 * whose completion created the task needs no right to evaluate decisions.
 */
@Component("taskPriority")
public class TaskPriority {

    public static final String DECISION_KEY = "taskPriority";

    private final DecisionService decisions;

    TaskPriority(DecisionService decisions) {
        this.decisions = decisions;
    }

    public int of(VariableScope scope) {
        var inputs = Variables.createVariables()
                .putValue("clientType", FormValues.text(scope.getVariable("clientType")))
                .putValue("amount", amount(scope.getVariable("amount")));
        Integer priority = Context.getCommandContext().runWithoutAuthorization(() -> decisions
                .evaluateDecisionTableByKey(DECISION_KEY).decisionDefinitionWithoutTenantId()
                .variables(inputs).evaluate().getSingleResult().getSingleEntry());
        return priority;
    }

    /** The amount as a number for the table; none when the process has none or it is not a number. */
    private static Double amount(Object value) {
        try {
            BigDecimal amount = FormValues.decimal(value);
            return amount == null ? null : amount.doubleValue();
        } catch (NumberFormatException notAnAmount) {
            return null;
        }
    }
}
