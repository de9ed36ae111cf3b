package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

    @Test
    void startsAgainstTheGivenDatabaseAndReportsReady() {
        String url = "jdbc:postgresql://localhost:" + separateServer.getPort() + "/shop";
        try (var context = new SpringApplicationBuilder(IspFlowApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=shop",
                        "--spring.datasource.password=shop-pw", "--server.port=0",
                        // an engine of its own name: closing it must not unregister the shared context's
                        // "default" engine, which its engine REST API looks up by name
                        "--camunda.bpm.process-engine-name=external-database-check")) {
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
                        "--spring.datasource.password=", "--server.port=0",
                        "--camunda.bpm.process-engine-name=external-database-check"))
                .rootCause().hasMessageContaining("row-level security would not isolate tenants");
    }
}
