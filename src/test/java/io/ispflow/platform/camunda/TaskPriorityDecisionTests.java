package io.ispflow.platform.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.util.HashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code taskPriority} decision of {@code dmn/task-priority.dmn}: contract clients and large payments first. */
class TaskPriorityDecisionTests {

    static DmnEngine engine;
    static DmnDecision taskPriority;

    @BeforeAll
    static void readTheAnalystsTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (var table = new FileInputStream("dmn/task-priority.dmn")) {
            taskPriority = engine.parseDecision(TaskPriority.DECISION_KEY, table);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "corporate,  , 90",
            "government, , 90",
            "business,   , 75",
            "individual, , 50",
            "business, 80000, 75",
            ", 50000, 75",
            ", 49999.99, 60",
            ", 10000, 60",
            ", 9999, 50",
            ", , 50"})
    void clientTypeFirstThenTheAmount(String clientType, Double amount, int priority) {
        var inputs = new HashMap<String, Object>();
        inputs.put("clientType", clientType);
        inputs.put("amount", amount);
        Integer answer = engine.evaluateDecisionTable(taskPriority, inputs).getSingleResult().getSingleEntry();
        assertThat(answer).isEqualTo(priority);
    }
}
