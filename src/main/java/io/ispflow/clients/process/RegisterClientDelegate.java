package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.camunda.FormValues;

import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;
import io.ispflow.shared.Msisdn;
import io.ispflow.tenancy.ClientLimitReached;

/**
 * Creates the client (status pending) from the registration, and makes his id the business key. The
 * licence limit is checked once more, exactly, under the company's lock: a registration that raced
 * past the decision table ends as refused.
 */
@Component("registerClientDelegate")
class RegisterClientDelegate implements JavaDelegate {

    static final String LIMIT_REACHED = "LICENCE_LIMIT_REACHED";

    private final ClientDirectory clients;
    private final ServiceCatalogue catalogue;

    RegisterClientDelegate(ClientDirectory clients, ServiceCatalogue catalogue) {
        this.clients = clients;
        this.catalogue = catalogue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String packageId = FormValues.text(execution.getVariable(SERVICE_PACKAGE_ID));
        var profile = new ClientProfile(
                (String) execution.getVariable(NAME),
                FormValues.text(execution.getVariable(EMAIL)),
                Msisdn.parse((String) execution.getVariable(PHONE)),
                (String) execution.getVariable(ADDRESS),
                (String) execution.getVariable(COUNTY),
                (String) execution.getVariable(SUB_COUNTY),
                ClientType.valueOf(((String) execution.getVariable(CLIENT_TYPE)).toUpperCase()),
                ConnectionType.valueOf(((String) execution.getVariable(CONNECTION_TYPE)).toUpperCase()),
                FormValues.decimal(execution.getVariable(MONTHLY_RATE)),
                packageId == null ? null : UUID.fromString(packageId));
        try {
            var client = clients.createPending(profile, (String) execution.getVariable(REGISTERED_BY));
            execution.setProcessBusinessKey(client.id().toString());
            execution.setVariable(CLIENT_ID, client.id().toString());
            execution.setVariable(ACCOUNT_NUMBER, client.accountNumber());
            execution.setVariable(PHONE, client.phone());
            execution.setVariable(MONTHLY_RATE, client.monthlyRate().toPlainString());
            execution.setVariable(PACKAGE_NAME, client.servicePackageId() == null ? "Custom rate"
                    : catalogue.find(client.servicePackageId()).map(p -> p.name()).orElse("–"));
        } catch (ClientLimitReached e) {
            execution.setVariable(CLIENT_LIMIT, e.limit());
            throw new BpmnError(LIMIT_REACHED, e.getMessage());
        }
    }
}
