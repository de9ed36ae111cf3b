package io.ispflow.renewals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code suspensionPolicy} decision of {@code dmn/suspension-policy.dmn}, row by row. */
class SuspensionPolicyDecisionTests {

    static DmnEngine engine;
    static DmnDecision policy;

    @BeforeAll
    static void readTheAnalystsTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var table = new FileInputStream("dmn/suspension-policy.dmn")) {
            policy = engine.parseDecision("suspensionPolicy", table);
        }
    }

    @ParameterizedTest(name = "{8}")
    @CsvSource(delimiter = '|', value = {
            // hold | holiday | day | promise | type | days | amount | action | why
            "false | false | TUESDAY  | false | individual | -3 | 2999 | wait     | three days before the due day",
            "false | false | TUESDAY  | false | individual | -2 | 2999 | remind   | two days before the due day",
            "false | false | SUNDAY   | false | individual |  0 | 2999 | remind   | on the due day, even a Sunday",
            "false | false | TUESDAY  | false | individual |  2 | 2999 | wait     | in grace",
            "false | false | TUESDAY  | false | individual |  3 | 2999 | suspend  | three days past the due day",
            "false | false | SUNDAY   | false | individual |  3 | 2999 | wait     | never on a Sunday",
            "false | true  | MONDAY   | false | individual |  5 | 2999 | wait     | never on a public holiday",
            "false | false | TUESDAY  | true  | individual |  5 | 2999 | wait     | a promise to pay holds",
            "true  | false | TUESDAY  | false | individual |  5 | 2999 | wait     | on vacation hold",
            "false | false | TUESDAY  | false | individual |  9 |   50 | wait     | arrears below KES 100",
            "false | false | TUESDAY  | false | corporate  |  3 | 9999 | escalate | a corporate client goes to his account manager",
            "false | false | TUESDAY  | false | government |  4 | 9999 | escalate | so does the government",
            "false | false | TUESDAY  | false | business   |  3 | 4999 | suspend  | a business is suspended like a household"})
    void whatToDoToday(boolean onHold, boolean publicHoliday, String dayOfWeek, boolean promiseToPay, String clientType,
            int daysOverdue, double amountOverdue, String action, String why) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("onHold", onHold);
        inputs.put("publicHoliday", publicHoliday);
        inputs.put("dayOfWeek", dayOfWeek);
        inputs.put("promiseToPay", promiseToPay);
        inputs.put("clientType", clientType);
        inputs.put("connectionType", "fiber");
        inputs.put("daysOverdue", daysOverdue);
        inputs.put("amountOverdue", amountOverdue);
        var answer = engine.evaluateDecisionTable(policy, inputs).getSingleResult();
        assertThat((String) answer.getEntry("action")).as(why).isEqualTo(action);
        assertThat((String) answer.getEntry("reason")).isNotBlank();
        assertThat((Integer) answer.getEntry("disconnectAfterDays")).isPositive();
    }
}
