package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.camunda.FormValues;

import io.ispflow.billing.Subscriptions;

/** Billing starts: the package subscription and the first invoice. Safe to retry. */
@Component("setUpBillingDelegate")
class SetUpBillingDelegate implements JavaDelegate {

    private final Subscriptions subscriptions;

    SetUpBillingDelegate(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String packageId = FormValues.text(execution.getVariable(SERVICE_PACKAGE_ID));
        var invoice = subscriptions.start(UUID.fromString((String) execution.getVariable(CLIENT_ID)),
                packageId == null ? null : UUID.fromString(packageId),
                FormValues.decimal(execution.getVariable(MONTHLY_RATE)));
        execution.setVariable(INVOICE_NUMBER, invoice.number());
        execution.setVariable(INVOICE_TOTAL, invoice.total().toPlainString());
    }
}
