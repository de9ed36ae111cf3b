package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.web.client.RestClient;

import io.ispflow.IspFlowApplication;

/**
 * With {@code SPRING_DATASOURCE_URL} (and user, password) set, the application uses that PostgreSQL
 * and starts no embedded one; it refuses a role that would bypass row-level security.
 */
class ExternalDatabaseIntegrationTests {

    static EmbeddedPostgres separateServer;
    /** Engines of test contexts that were running before: closing an application here drops them too. */
    static Map<String, ProcessEngine> runningEngines;

    @BeforeAll
    static void aSeparatelyStartedPostgres() throws IOException, SQLException {
        runningEngines = Map.copyOf(ProcessEngines.getProcessEngines());
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
        // Camunda keeps engines in a static registry that a closing application empties; the engine
        // REST API of a test context still running here looks its engine up there
        runningEngines.values().forEach(ProcessEngines::registerProcessEngine);
    }

    @Test
    void startsAgainstTheGivenDatabaseAndReportsReady() {
        String url = "jdbc:postgresql://localhost:" + separateServer.getPort() + "/shop";
        try (var context = new SpringApplicationBuilder(IspFlowApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=shop",
                        "--spring.datasource.password=shop-pw", "--server.port=0")) {
            HikariDataSource dataSource = (HikariDataSource) context.getBean(DataSource.class);
            assertThat(dataSource.getJdbcUrl()).isEqualTo(url);

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            String readiness = RestClient.create("http://localhost:" + port).get()
                    .uri("/actuator/health/readiness").retrieve().body(String.class);
            assertThat(readiness).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void refusesASuperuserBecauseRowLevelSecurityWouldNotApply() {
        String url = "jdbc:postgresql://localhost:" + separateServer.getPort() + "/refused";
        assertThatThrownBy(() -> new SpringApplicationBuilder(IspFlowApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0"))
                .rootCause().hasMessageContaining("row-level security would not isolate tenants");
    }
}
