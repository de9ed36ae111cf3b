package io.ispflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.HashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code licenseLimits} decision of {@code dmn/license-limits.dmn} answers the effective client
 * limit: the tier's limit or the company's own cap, whichever is lower.
 */
class LicenseLimitsDecisionTests {

    static DmnEngine engine;
    static DmnDecision licenseLimits;

    @BeforeAll
    static void readTheAnalystsTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var table = new FileInputStream("dmn/license-limits.dmn")) {
            licenseLimits = engine.parseDecision(LicensePolicy.DECISION_KEY, table);
        }
    }

    @Test
    void aCapBelowTheTierLimitIsTheLimit() {
        assertThat(limitFor("starter", 5)).isEqualTo(5);
        assertThat(limitFor("professional", 999)).isEqualTo(999);
    }

    @Test
    void aCapAboveTheTierLimitLeavesTheTierLimit() {
        assertThat(limitFor("starter", 100)).isEqualTo(50);
        assertThat(limitFor("professional", 100000)).isEqualTo(1000);
        assertThat(limitFor("enterprise", 250000)).isEqualTo(100000);
    }

    @Test
    void aCapEqualToTheTierLimitIsThatLimit() {
        assertThat(limitFor("starter", 50)).isEqualTo(50);
    }

    @Test
    void withoutACapTheTierLimitHolds() {
        assertThat(limitFor("starter", null)).isEqualTo(50);
        assertThat(limitFor("enterprise", null)).isEqualTo(100000);
    }

    @Test
    void aCapOfZeroAllowsNoClients() {
        assertThat(limitFor("enterprise", 0)).isZero();
    }

    @Test
    void theTiersFeaturesComeWithTheLimit() {
        assertThat((String) evaluate("starter", 5).get("features")).isEqualTo("clients,billing,mpesa,support");
        assertThat((String) evaluate("professional", null).get("features")).contains("hotspots");
    }

    /** There is no unlimited tier: a tier the table does not know gets no limit at all. */
    @Test
    void anUnknownTierGetsNoLimit() {
        assertThat(engine.evaluateDecision(licenseLimits, tierAndCap("platinum", 10)).getResultList()).isEmpty();
        assertThat(limitFor("platinum", null)).isNull();
    }

    private static Integer limitFor(String tier, Integer cap) {
        return evaluate(tier, cap).getEntry("clientLimit");
    }

    private static DmnDecisionResultEntries evaluate(String tier, Integer cap) {
        return engine.evaluateDecision(licenseLimits, tierAndCap(tier, cap)).getSingleResult();
    }

    private static HashMap<String, Object> tierAndCap(String tier, Integer cap) {
        var variables = new HashMap<String, Object>();
        variables.put(LicensePolicy.LICENSE_TYPE, tier);
        variables.put(LicensePolicy.COMPANY_CLIENT_LIMIT, cap);
        return variables;
    }
}
