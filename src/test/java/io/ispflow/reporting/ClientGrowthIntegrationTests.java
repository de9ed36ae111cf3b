package io.ispflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ispflow.shared.Nairobi;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;

/** A registration reaches the reporting module through the event publication registry. */
@IntegrationTest
class ClientGrowthIntegrationTests {

    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    ClientGrowth growth;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registrationsAreCountedPerCompanyAndDayAfterCommit() {
        var company = testCompanies.create();
        var other = testCompanies.create();
        LocalDate today = LocalDate.now(Nairobi.ZONE);

        onboarding.register(company, "First");
        onboarding.register(company, "Second");
        onboarding.register(other, "Elsewhere");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(growth.registeredOn(company.id(), today)).isEqualTo(2);
            assertThat(growth.registeredOn(other.id(), today)).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject("""
                select count(*) from event_publication
                where listener_id like '%ClientGrowth%' and serialized_event like ? and completion_date is null""",
                Long.class, "%" + company.id() + "%")).isZero());
        assertThat(jdbc.queryForObject("""
                select count(*) from event_publication
                where listener_id like '%ClientGrowth%' and serialized_event like ?""",
                Long.class, "%" + company.id() + "%")).isEqualTo(2);
    }
}
