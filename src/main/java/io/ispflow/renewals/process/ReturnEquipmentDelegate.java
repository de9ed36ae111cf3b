package io.ispflow.renewals.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.network.EquipmentStock;

/** The recovered equipment goes back to stock, available for the next client. */
@Component("returnEquipmentDelegate")
class ReturnEquipmentDelegate implements JavaDelegate {

    private final LifecycleSubject subject;
    private final EquipmentStock stock;

    ReturnEquipmentDelegate(LifecycleSubject subject, EquipmentStock stock) {
        this.subject = subject;
        this.stock = stock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stock.recover(subject.subscription(execution).clientId());
    }
}
