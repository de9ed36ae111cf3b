package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * On completion of a user task, records who completed it in the variable {@code completedBy}, for the
 * service task after it (the logged-in user, else the assignee).
 */
@Component("completedByListener")
class CompletedByListener implements TaskListener {

    static final String VARIABLE = "completedBy";

    @Override
    public void notify(DelegateTask task) {
        var commandContext = Context.getCommandContext();
        String user = commandContext == null ? null : commandContext.getAuthenticatedUserId();
        task.getExecution().setVariable(VARIABLE, user != null ? user : task.getAssignee());
    }
}
