package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import jakarta.validation.Validator;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.ispflow.billing.ServiceCatalogue;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.UnknownServicePackage;
import io.ispflow.tenancy.ClientLimitReached;

/**
 * Creates the client (status pending) from the registration ({@link Registration}, refused when a field
 * does not fit), and makes his account number the business key (which staff read and search for). The licence limit is checked once more, exactly,
 * under the company's lock: a registration that raced past the decision table ends as refused.
 */
@Component("registerClientDelegate")
class RegisterClientDelegate implements JavaDelegate {

    static final String LIMIT_REACHED = "LICENCE_LIMIT_REACHED";

    private final ClientDirectory clients;
    private final ServiceCatalogue catalogue;
    private final Validator validator;

    RegisterClientDelegate(ClientDirectory clients, ServiceCatalogue catalogue, Validator validator) {
        this.clients = clients;
        this.catalogue = catalogue;
        this.validator = validator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ClientProfile profile = Registration.of(execution).toProfile(validator);
        try {
            var client = clients.createPending(profile, (String) execution.getVariable(REGISTERED_BY));
            execution.setProcessBusinessKey(client.accountNumber());
            execution.setVariable(CLIENT_ID, client.id().toString());
            execution.setVariable(ACCOUNT_NUMBER, client.accountNumber());
            execution.setVariable(PHONE, client.phone());
            execution.setVariable(MONTHLY_RATE, client.monthlyRate().toPlainString());
            execution.setVariable(PACKAGE_NAME, client.servicePackageId() == null ? "Custom rate"
                    : catalogue.find(client.servicePackageId()).map(p -> p.name()).orElse("–"));
        } catch (UnknownServicePackage e) {
            throw Registration.refused("servicePackageId is not a package your company offers");
        } catch (ClientLimitReached e) {
            execution.setVariable(CLIENT_LIMIT, e.limit());
            throw new BpmnError(LIMIT_REACHED, e.getMessage());
        }
    }
}
