package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.clients.ClientDetails;

/**
 * Billing starts: the package subscription and the first invoice, at the package and rate stored for the
 * client (process variables could have been changed by a task's completion). Safe to retry.
 */
@Component("setUpBillingDelegate")
class SetUpBillingDelegate implements JavaDelegate {

    private final Subscriptions subscriptions;
    private final OnboardedClient onboarded;

    SetUpBillingDelegate(Subscriptions subscriptions, OnboardedClient onboarded) {
        this.subscriptions = subscriptions;
        this.onboarded = onboarded;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClientDetails client = onboarded.of(execution);
        var invoice = subscriptions.start(client.id(), client.accountNumber(), client.servicePackageId(), client.monthlyRate());
        execution.setVariable(INVOICE_ID, invoice.id().toString()); // its number is written as this commits
        execution.setVariable(INVOICE_TOTAL, invoice.total().toPlainString());
    }
}
