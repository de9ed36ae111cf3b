package io.ispflow.clients.process;

import static io.ispflow.clients.process.OnboardingVariables.*;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientProfile;
import io.ispflow.platform.camunda.FormValues;
import io.ispflow.tenancy.ClientLimitReached;

/**
 * Starts and cancels {@code clientOnboarding}. The start runs, in the caller's transaction, up to the
 * first wait state: licence check, registration of the client, creation of the NOC approval task.
 */
@Component
public class OnboardingProcess {

    private final RuntimeService runtimeService;

    OnboardingProcess(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @return the id of the registered client
     * @throws ClientLimitReached when the licence check refused the registration
     */
    public UUID start(ClientProfile profile, String registeredBy) {
        var variables = Variables.createVariables()
                .putValue(NAME, profile.name())
                .putValue(EMAIL, profile.email())
                .putValue(PHONE, profile.phone().e164())
                .putValue(ADDRESS, profile.address())
                .putValue(COUNTY, profile.county())
                .putValue(SUB_COUNTY, profile.subCounty())
                .putValue(CLIENT_TYPE, profile.clientType().name().toLowerCase())
                .putValue(CONNECTION_TYPE, profile.connectionType().name().toLowerCase())
                .putValue(MONTHLY_RATE, profile.monthlyRate() == null ? null : profile.monthlyRate().toPlainString())
                .putValue(SERVICE_PACKAGE_ID, profile.servicePackageId() == null ? null : profile.servicePackageId().toString())
                .putValue(LANGUAGE, profile.language() == null ? null : profile.language().code())
                .putValue(REGISTERED_BY, registeredBy);
        var instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .setVariables(variables)
                .executeWithVariablesInReturn();
        var result = instance.getVariables();
        if (result.get(REFUSAL_REASON) != null) {
            throw new ClientLimitReached((String) result.get(REFUSAL_REASON),
                    FormValues.integer(result.get(CLIENT_LIMIT), 0));
        }
        return UUID.fromString((String) result.get(CLIENT_ID));
    }

    /**
     * Ends a client's running onboarding, e.g. when the client record is deleted. Its business key is
     * his account number (his id in instances started before account numbers were).
     */
    public void cancel(UUID companyId, UUID clientId, String accountNumber, String reason) {
        for (String key : List.of(accountNumber, clientId.toString())) {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .tenantIdIn(companyId.toString())
                    .processInstanceBusinessKey(key).list()
                    .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), reason));
        }
    }
}
