package io.ispflow.testing;

import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded PostgreSQL of its own, with the application's database and login role, that outlives the
 * {@link ApplicationProcess}es started on it: for tests that kill the application and start it again.
 */
public final class SeparateDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private SeparateDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static SeparateDatabase start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create role ispflow login nosuperuser nobypassrls password 'ispflow-pw'");
            st.execute("create database ispflow owner ispflow");
        }
        return new SeparateDatabase(postgres);
    }

    /** Starts the application on this database (migrating it on first start). */
    public ApplicationProcess startApplication(String... arguments) throws Exception {
        return ApplicationProcess.start("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/ispflow", "ispflow",
                "ispflow-pw", arguments);
    }

    /** The whole database, as the superuser sees it (row-level security does not apply to him). */
    public JdbcTemplate superuser() {
        return new JdbcTemplate(postgres.getDatabase("postgres", "ispflow"));
    }

    @Override
    public void close() throws Exception {
        postgres.close();
    }
}
