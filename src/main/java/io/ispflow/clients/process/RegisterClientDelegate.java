package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
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
        ClientProfile profile = registration(execution);
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
        } catch (IllegalArgumentException | jakarta.validation.ValidationException invalid) {
            throw notValid(invalid);
        }
    }

    /**
     * The registration as the start form (Tasklist or the engine REST API) gave it. Anything missing,
     * of the wrong type or unreadable is the starter's mistake: Camunda answers it with 400 and rolls
     * the start back, so nothing is stored.
     */
    private static ClientProfile registration(DelegateExecution execution) {
        try {
            String packageId = FormValues.text(execution.getVariable(SERVICE_PACKAGE_ID));
            return new ClientProfile(
                    text(execution, NAME),
                    FormValues.text(text(execution, EMAIL)),
                    Msisdn.parse(text(execution, PHONE)),
                    text(execution, ADDRESS),
                    text(execution, COUNTY),
                    text(execution, SUB_COUNTY),
                    ClientType.valueOf(text(execution, CLIENT_TYPE).toUpperCase(java.util.Locale.ROOT)),
                    ConnectionType.valueOf(text(execution, CONNECTION_TYPE).toUpperCase(java.util.Locale.ROOT)),
                    FormValues.decimal(execution.getVariable(MONTHLY_RATE)),
                    packageId == null ? null : UUID.fromString(packageId));
        } catch (RuntimeException invalid) {
            throw notValid(invalid);
        }
    }

    /** A text variable, refused if it is not text or holds control characters (which no field may). */
    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(name + " must be text");
        }
        if (value != null && ((String) value).chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new IllegalArgumentException(name + " holds control characters");
        }
        return (String) value;
    }

    private static BadUserRequestException notValid(RuntimeException cause) {
        return new BadUserRequestException("The registration is not valid: "
                + (cause.getMessage() == null ? "a required field is missing" : cause.getMessage()));
    }
}
