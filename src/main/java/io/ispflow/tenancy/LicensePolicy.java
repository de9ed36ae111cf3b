package io.ispflow.tenancy;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Licence limits as the business defines them in {@code dmn/license-limits.dmn} (decision
 * {@code licenseLimits}): analysts change a tier's client limit or features by editing that table. A
 * company's own contracted {@code client_limit} can only lower the tier's limit.
 */
@Service
public class LicensePolicy {

    public static final String DECISION_KEY = "licenseLimits";

    private final DecisionService decisions;
    private final Companies companies;

    LicensePolicy(DecisionService decisions, Companies companies) {
        this.decisions = decisions;
        this.companies = companies;
    }

    public LicenseTerms termsFor(Company company) {
        var result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .decisionDefinitionWithoutTenantId()
                .variables(Map.of("licenseType", company.licenseType().name().toLowerCase(java.util.Locale.ROOT)))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalStateException("licenseLimits has no rule for licence " + company.licenseType());
        }
        int tierLimit = ((Number) result.getEntry("clientLimit")).intValue();
        String features = result.getEntry("features");
        return new LicenseTerms(Math.min(tierLimit, company.clientLimit()),
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
