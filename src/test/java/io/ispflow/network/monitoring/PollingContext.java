package io.ispflow.network.monitoring;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.MutableClock;

/**
 * The application with a clock the polling tests move (a device is due again when its interval has
 * passed on this clock) and short SNMP timeouts (a stopped agent is a missed poll in a moment). The
 * polling test classes share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Tag("own-context")
@Import(PollingContext.MovableClock.class)
@TestPropertySource(properties = {"isp.network.snmp.timeout=PT0.5S", "isp.network.snmp.retries=0"})
@interface PollingContext {

    @TestConfiguration
    class MovableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
