package io.ispflow.payments.reconciliation;

import static io.ispflow.payments.reconciliation.ReconciliationVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.ispflow.payments.Payments;
import io.ispflow.platform.TenantContext;
import io.ispflow.platform.security.SecurityEvents;

/**
 * Whether this M-PESA receipt or bank reference was credited already (earlier delivery, other channel).
 * First, whether the payment is the stored inbox row it names: one started by hand with made-up values
 * is refused ({@value ReconciliationVariables#NOT_ON_RECORD}) and recorded as a security event.
 */
@Component
class CheckDuplicateDelegate implements JavaDelegate {

    private final StoredPayments storedPayments;
    private final Payments payments;
    private final SecurityEvents securityEvents;

    CheckDuplicateDelegate(StoredPayments storedPayments, Payments payments, SecurityEvents securityEvents) {
        this.storedPayments = storedPayments;
        this.payments = payments;
        this.securityEvents = securityEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var stored = storedPayments.find(execution).filter(payment -> payment.matches(execution));
        if (stored.isEmpty()) {
            securityEvents.record(TenantContext.currentCompanyId().orElse(null), "reconciliation_not_on_record",
                    "process instance " + execution.getProcessInstanceId() + " names payment "
                            + execution.getVariable(CALLBACK_ID) + ", which is not stored as given",
                    "engine");
            throw new BpmnError(NOT_ON_RECORD, "The payment is not the stored inbox row it names.");
        }
        boolean duplicate = payments.alreadyCredited(stored.get().receipt(execution), bankReference(execution));
        // the next gateway decides in the same transaction: a transient value is not stored, nor in history
        execution.setVariable(DUPLICATE, Variables.booleanValue(duplicate, true));
    }
}
