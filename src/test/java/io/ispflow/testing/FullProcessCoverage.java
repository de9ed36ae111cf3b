package io.ispflow.testing;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Condition;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Process test classes import this: they must cover every flow node and sequence flow of the processes
 * they run, or the class fails (report in {@code target/process-test-coverage}). It changes the engine,
 * so those classes share a context of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(ProcessEngineCoverageConfiguration.class)
public class FullProcessCoverage {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return new ProcessEngineCoverageProperties(false, true, List.of(),
                List.of(new Condition<>(coverage -> coverage >= 1.0, "every flow node and sequence flow covered")),
                Map.of(), List.of(), "target/process-test-coverage");
    }
}
