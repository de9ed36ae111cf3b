package io.ispflow.tenancy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Licence limits as the business defines them in {@code dmn/license-limits.dmn} (decision
 * {@code licenseLimits}): analysts change a tier's client limit or features by editing that table. The
 * decision also answers the effective client limit, the tier's or the company's own contracted
 * {@code client_limit}, whichever is lower; the onboarding process asks the same decision.
 */
@Service
public class LicensePolicy {

    public static final String DECISION_KEY = "licenseLimits";
    /** Input of the decision: the tier, in lower case. */
    public static final String LICENSE_TYPE = "licenseType";
    /** Input of the decision: the company's own contracted cap. */
    public static final String COMPANY_CLIENT_LIMIT = "companyClientLimit";

    private final DecisionService decisions;
    private final Companies companies;

    LicensePolicy(DecisionService decisions, Companies companies) {
        this.decisions = decisions;
        this.companies = companies;
    }

    public LicenseTerms termsFor(Company company) {
        var variables = new HashMap<String, Object>();
        variables.put(LICENSE_TYPE, company.licenseType().name().toLowerCase(Locale.ROOT));
        variables.put(COMPANY_CLIENT_LIMIT, company.clientLimit());
        var result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .decisionDefinitionWithoutTenantId()
                .variables(variables)
                .evaluate()
                .getSingleResult();
        if (result == null || result.getEntry("clientLimit") == null) {
            throw new IllegalStateException("licenseLimits has no rule for licence " + company.licenseType());
        }
        String features = result.getEntry("features");
        return new LicenseTerms(((Number) result.getEntry("clientLimit")).intValue(),
                Arrays.stream(features == null ? new String[0] : features.split(","))
                        .map(String::trim).filter(f -> !f.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    /**
     * Fails with {@link ClientLimitReached} when a company that has {@code currentClients} clients may
     * not register another one.
     */
    public void checkRoomForAnotherClient(UUID companyId, long currentClients) {
        Company company = companies.find(companyId)
                .orElseThrow(() -> new IllegalStateException("unknown company " + companyId));
        int limit = termsFor(company).clientLimit();
        if (currentClients >= limit) {
            throw new ClientLimitReached(company.licenseType(), limit);
        }
    }
}
