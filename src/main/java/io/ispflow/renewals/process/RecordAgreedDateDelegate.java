package io.ispflow.renewals.process;

import static io.ispflow.renewals.process.LifecycleVariables.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;
import io.ispflow.platform.camunda.FormValues;
import io.ispflow.platform.camunda.ProcessInputRefusals;

/** The account manager agreed a payment date with the contract client: he stays served until then. */
@Component("recordAgreedDateDelegate")
class RecordAgreedDateDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;

    RecordAgreedDateDelegate(LifecycleSubject subject, Subscriptions subscriptions) {
        this.subject = subject;
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate until = SavePromiseDelegate.date(execution.getVariable(AGREED_DATE));
        if (until.isBefore(LifecyclePeriods.today())) {
            throw ProcessInputRefusals.refuse("The agreed date cannot be in the past.");
        }
        String by = FormValues.text(execution.getVariable(COMPLETED_BY));
        subscriptions.agreePaymentDate(subject.subscription(execution).id(), until, by == null ? "staff" : by);
    }
}
