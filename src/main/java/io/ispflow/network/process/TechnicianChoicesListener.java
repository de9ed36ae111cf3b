package io.ispflow.network.process;

import static io.ispflow.network.process.InstallationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import io.ispflow.network.Technician;
import io.ispflow.network.Technicians;
import io.ispflow.platform.camunda.FormValues;

/** Offers the company's technicians as the options of the scheduling form ({@code technicianOptions}). */
@Component("technicianChoicesListener")
class TechnicianChoicesListener implements TaskListener {

    private final Technicians technicians;

    TechnicianChoicesListener(Technicians technicians) {
        this.technicians = technicians;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariable(TECHNICIAN_OPTIONS,
                FormValues.selectOptions(technicians.available(), Technician::label, Technician::reference));
    }
}
