package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDirectory;

/** Finance named the account the unmatched payment belongs to. */
@Component
class LookUpAssignedAccountDelegate implements JavaDelegate {

    private final ClientDirectory clients;

    LookUpAssignedAccountDelegate(ClientDirectory clients) {
        this.clients = clients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var account = clientAccountNumber(execution);
        var client = account.flatMap(clients::findByAccountNumber).orElseThrow(() -> new BpmnError(UNKNOWN_ACCOUNT,
                "No client has account number " + account.orElse(null) + "."));
        execution.setVariable(CLIENT_ID, client.id().toString());
    }
}
