package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upgrading a database that already holds payments: the inbox rows stored before the dispatcher
 * existed had their processes started with them, and the migration (run, like the application, as an
 * ordinary role under row-level security) marks them so, rather than leaving them to be started again.
 */
class InboxMigrationTests {

    @Test
    void paymentsStoredBeforeTheDispatcherAreNotReconciledAgain() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                st.execute("create role ispflow login nosuperuser nobypassrls password 'pw'");
                st.execute("create database ispflow owner ispflow");
            }
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/ispflow";
            migrate(url, "8");
            JdbcTemplate superuser = new JdbcTemplate(postgres.getDatabase("postgres", "ispflow"));
            var company = superuser.queryForObject("""
                    insert into isp_companies (name, slug, license_type) values ('Old ISP', 'oldisp', 'starter')
                    returning id""", java.util.UUID.class);
            superuser.update("""
                    insert into mpesa_callbacks (kind, checkout_request_id, result_code, payload, isp_company_id)
                    values ('stk', 'ws_CO_OLD', '1032', '{}'::jsonb, ?)""", company);
            superuser.update("""
                    insert into bank_notifications (bank_reference, customer_reference, amount, payload, isp_company_id)
                    values ('FB-OLD', '100001', 10.00, '{}'::jsonb, ?)""", company);

            migrate(url, null);

            assertThat(superuser.queryForObject("select count(*) from mpesa_callbacks where dispatched_at is null",
                    Long.class)).isZero();
            assertThat(superuser.queryForObject("select count(*) from bank_notifications where dispatched_at is null",
                    Long.class)).isZero();
        }
    }

    private static void migrate(String url, String target) {
        var flyway = Flyway.configure().dataSource(url, "ispflow", "pw").locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
    }
}
