package io.ispflow.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.TestCompanies;

/**
 * The dispatcher knows no inbox in particular: a second one, registered here as a bean beside
 * payments' two, has its messages dispatched exactly once, as their company, and a message that keeps
 * failing is parked without holding up the others.
 */
@IntegrationTest
@Tag("own-context")
@Import(InboxDispatcherIntegrationTests.TestInboxConfiguration.class)
class InboxDispatcherIntegrationTests {

    @Autowired
    InboxDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TestCompanies testCompanies;

    UUID company;

    @TestConfiguration
    static class TestInboxConfiguration {

        @Bean
        Inbox<String> testDeliveryReports(JdbcTemplate jdbc) {
            return new DeliveryReports(jdbc);
        }
    }

    /** An inbox as a later module would write it: its own table, its own SQL, its own effect. */
    record DeliveryReports(JdbcTemplate jdbc) implements Inbox<String> {

        @Override
        public String name() {
            return "test_delivery_reports";
        }

        @Override
        public List<Message<String>> claim(int limit, int maxAttempts) {
            return jdbc.query("""
                    select id, isp_company_id, body from test_delivery_reports
                    where dispatched_at is null and dispatch_attempts < ?
                    order by received_at limit ? for update skip locked""",
                    (rs, n) -> new Message<>(rs.getObject("id", UUID.class), rs.getObject("isp_company_id", UUID.class),
                            rs.getString("body")), maxAttempts, limit);
        }

        @Override
        public void dispatch(String body) {
            if (body.startsWith("poison")) {
                throw new IllegalStateException("cannot read " + body);
            }
            jdbc.update("insert into test_delivery_effects (body, company) values (?, ?)", body,
                    TenantContext.currentCompanyId().orElse(null));
        }

        @Override
        public void markDispatched(UUID id) {
            jdbc.update("update test_delivery_reports set dispatched_at = now() where id = ?", id);
        }

        @Override
        public void recordFailedAttempt(UUID id, String error) {
            jdbc.update("update test_delivery_reports set dispatch_attempts = dispatch_attempts + 1,"
                    + " dispatch_error = ? where id = ?", error, id);
        }
    }

    @BeforeEach
    void emptyInbox() {
        company = testCompanies.create().id();
        transactions.executeWithoutResult(tx -> tenantScope.callPlatformWide(() -> {
            jdbc.execute("""
                    create table if not exists test_delivery_reports (id uuid primary key default gen_random_uuid(),
                        isp_company_id uuid not null, body text not null,
                        received_at timestamptz not null default clock_timestamp(), dispatched_at timestamptz,
                        dispatch_attempts int not null default 0, dispatch_error text)""");
            jdbc.execute("create table if not exists test_delivery_effects (body text not null, company uuid)");
            jdbc.execute("truncate test_delivery_reports, test_delivery_effects");
            return null;
        }));
    }

    void received(String... bodies) {
        transactions.executeWithoutResult(tx -> tenantScope.callPlatformWide(() -> {
            for (String body : bodies) {
                jdbc.update("insert into test_delivery_reports (isp_company_id, body) values (?, ?)", company, body);
            }
            return null;
        }));
    }

    <T> T read(String sql, Class<T> type) {
        return transactions.execute(tx -> tenantScope.callPlatformWide(() -> jdbc.queryForObject(sql, type)));
    }

    @Test
    void messagesTakenByTwoDispatchersAtOnceAreEachDispatchedOnceAsTheirCompany() {
        String[] bodies = new String[250];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = "report-" + i;
        }
        received(bodies);

        var first = CompletableFuture.supplyAsync(dispatcher::dispatchPending);
        var second = CompletableFuture.supplyAsync(dispatcher::dispatchPending);

        assertThat(first.join() + second.join()).isEqualTo(250);
        assertThat(read("select count(*) from test_delivery_effects", Long.class)).isEqualTo(250);
        assertThat(read("select count(distinct body) from test_delivery_effects", Long.class)).isEqualTo(250);
        assertThat(read("select count(*) from test_delivery_effects where company = '" + company + "'", Long.class))
                .isEqualTo(250);
        assertThat(read("select count(*) from test_delivery_reports where dispatched_at is null", Long.class)).isZero();
        assertThat(dispatcher.dispatchPending()).as("nothing left to dispatch").isZero();
    }

    @Test
    void aMessageThatKeepsFailingIsParkedAndHoldsUpNoOther() {
        received("before", "poison-1", "after");

        dispatcher.dispatchPending();

        List<String> effects = transactions.execute(tx -> tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select body from test_delivery_effects order by body", String.class)));
        assertThat(effects).containsExactly("after", "before");
        assertThat(read("select dispatch_attempts from test_delivery_reports where body = 'poison-1'", Integer.class))
                .isEqualTo(5);
        assertThat(read("select dispatch_error from test_delivery_reports where body = 'poison-1'", String.class))
                .contains("cannot read poison-1");
        assertThat(read("select dispatched_at is null from test_delivery_reports where body = 'poison-1'",
                Boolean.class)).as("parked, not dispatched").isTrue();

        received("later");
        dispatcher.dispatchPending();

        assertThat(read("select dispatch_attempts from test_delivery_reports where body = 'poison-1'", Integer.class))
                .as("a parked message is not tried again").isEqualTo(5);
        assertThat(read("select count(*) from test_delivery_effects where body = 'later'", Long.class)).isEqualTo(1);
    }
}
