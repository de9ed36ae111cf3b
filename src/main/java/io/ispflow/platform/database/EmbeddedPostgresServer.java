package io.ispflow.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test contexts and the default run ask
 * for it through {@link #obtain}; the server stops with the JVM.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    static EmbeddedPostgresServer obtain(EmbeddedPostgresProperties settings) {
        String key = settings.ephemeral() ? "<ephemeral>" : settings.dataPath().toString();
        return RUNNING.computeIfAbsent(key, k -> start(settings));
    }

    /** The JDBC URL of the application database, for the application role. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private static EmbeddedPostgresServer start(EmbeddedPostgresProperties settings) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPort(settings.port())
                    .setPGStartupWait(Duration.ofMinutes(1))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("listen_addresses", "localhost");
            if (settings.durable()) {
                // the library's test defaults (-F, synchronous_commit=off) lose commits on a crash
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            if (!settings.ephemeral()) {
                Path dir = settings.dataPath();
                Files.createDirectories(dir);
                stopOrphanedPostmaster(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            stopAfterApplicationContexts(postgres);
            createApplicationDatabase(postgres, settings);
            log.info("Embedded PostgreSQL {} listening on localhost:{} (data: {}, durable: {})",
                    serverVersion(postgres), postgres.getPort(),
                    settings.ephemeral() ? "temporary" : settings.dataPath(), settings.durable());
            return new EmbeddedPostgresServer(postgres, settings.database());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL", e);
        }
    }

    /**
     * The library stops the server from a JVM shutdown hook of its own, which runs at the same time as
     * Spring's: the application would lose its database while it still closes (job executor, outbox).
     * Disarm that hook and stop the server once every application context is closed instead.
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
                    log.warn("Could not stop the embedded PostgreSQL cleanly", e);
                }
            });
        } catch (ReflectiveOperationException e) {
            log.warn("Embedded PostgreSQL will stop in parallel with the application ({})", e.toString());
        }
    }

    /**
     * A JVM killed hard leaves its postmaster running on the data directory; the next start would
     * fail on it. Shut such an orphan down cleanly first (SIGTERM is PostgreSQL's smart shutdown).
     */
    private static void stopOrphanedPostmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid = Long.parseLong(lines.get(0).trim());
        ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping orphaned PostgreSQL (pid {}) left on {}", pid, dataDir);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("orphaned PostgreSQL " + pid + " did not stop", e);
                    }
                });
    }

    private static void createApplicationDatabase(EmbeddedPostgres postgres, EmbeddedPostgresProperties s)
            throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            try (var rs = st.executeQuery("select 1 from pg_roles where rolname = '" + s.username() + "'")) {
                if (!rs.next()) {
                    // deliberately NOSUPERUSER NOBYPASSRLS: row-level security must bind the application
                    st.execute("create role " + s.username() + " login nosuperuser nobypassrls nocreatedb"
                            + " password '" + s.password().replace("'", "''") + "'");
                }
            }
            try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + s.database() + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + s.database() + " owner " + s.username());
                }
            }
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
