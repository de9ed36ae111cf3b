package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ispflow.testing.ApplicationProcess;

/**
 * With {@code SPRING_DATASOURCE_URL} (and user, password) set, the application uses that PostgreSQL
 * and starts no embedded one; it refuses a role that would bypass row-level security. The application
 * runs in a JVM of its own, as an installation does (and so that its engine's shutdown cannot touch
 * the engines of the test contexts in this one).
 */
class ExternalDatabaseIntegrationTests {

    static EmbeddedPostgres separateServer;

    @BeforeAll
    static void aSeparatelyStartedPostgres() throws IOException, SQLException {
        separateServer = EmbeddedPostgres.builder().start();
        try (var c = separateServer.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create role shop login nosuperuser nobypassrls password 'shop-pw'");
            st.execute("create database shop owner shop");
            st.execute("create database refused owner shop");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        separateServer.close();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + separateServer.getPort() + "/" + database;
    }

    @Test
    void startsAgainstTheGivenDatabaseAndReportsReady() throws Exception {
        // start() returns once /actuator/health/readiness answers UP
        try (var application = ApplicationProcess.start(url("shop"), "shop", "shop-pw")) {
            try (var c = separateServer.getDatabase("shop", "shop").getConnection(); var st = c.createStatement();
                    var migrations = st.executeQuery("select count(*) from flyway_schema_history where success")) {
                migrations.next();
                assertThat(migrations.getInt(1)).as("migrations applied to the given database").isPositive();
            }
        }
    }

    @Test
    void refusesASuperuserBecauseRowLevelSecurityWouldNotApply() {
        assertThatThrownBy(() -> ApplicationProcess.start(url("refused"), "postgres", ""))
                .hasMessageContaining("application exited")
                .satisfies(refused -> assertThat(Files.readString(logOf(refused.getMessage())))
                        .contains("row-level security would not isolate tenants"));
    }

    private static Path logOf(String message) {
        return Path.of(message.substring(message.indexOf("see ") + 4).trim());
    }
}
