package io.ispflow.renewals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.Subscriptions;

/** The arrears are paid while the client was still served: the subscription is active again. */
@Component("confirmPaymentDelegate")
class ConfirmPaymentDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final Subscriptions subscriptions;

    ConfirmPaymentDelegate(LifecycleSubject subject, Subscriptions subscriptions) {
        this.subject = subject;
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        subscriptions.restore(subject.subscription(execution).id(), LifecyclePeriods.today(), "Renewal paid");
    }
}
