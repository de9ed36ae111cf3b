package io.ispflow.network.process;

import static io.ispflow.network.process.InstallationVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.network.Installations;

/** Stores NOC's verdict on the client's link. */
@Component("recordLinkVerificationDelegate")
class RecordLinkVerificationDelegate implements JavaDelegate {

    private final Installations installations;

    RecordLinkVerificationDelegate(Installations installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installations.verify(UUID.fromString((String) execution.getVariable(INSTALLATION_ID)),
                "up".equals(execution.getVariable(LINK_STATUS)), (String) execution.getVariable(COMPLETED_BY));
    }
}
