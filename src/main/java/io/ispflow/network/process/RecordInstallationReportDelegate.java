package io.ispflow.network.process;

import static io.ispflow.network.process.InstallationVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.camunda.FormValues;

import io.ispflow.network.InstallationReport;
import io.ispflow.network.Installations;

/** Stores the technician's on-site report. */
@Component("recordInstallationReportDelegate")
class RecordInstallationReportDelegate implements JavaDelegate {

    private final Installations installations;

    RecordInstallationReportDelegate(Installations installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var report = new InstallationReport(
                "installed".equals(execution.getVariable(OUTCOME)),
                (String) execution.getVariable(EQUIPMENT_SERIAL),
                FormValues.text(execution.getVariable(MAC_ADDRESS)),
                FormValues.text(execution.getVariable(IP_ADDRESS)),
                FormValues.decimal(execution.getVariable(SIGNAL_DBM)),
                FormValues.text(execution.getVariable(FAILURE_REASON)),
                FormValues.text(execution.getVariable(NOTES)));
        installations.report(UUID.fromString((String) execution.getVariable(INSTALLATION_ID)), report,
                (String) execution.getVariable(COMPLETED_BY));
    }
}
