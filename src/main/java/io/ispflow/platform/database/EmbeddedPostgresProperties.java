package io.ispflow.platform.database;

import java.nio.file.Path;

/**
 * Settings of the in-process PostgreSQL used when no {@code spring.datasource.url} is given
 * ({@code isp.platform.embedded-postgres.*}). Bound before the application context exists, so it is
 * read by {@link EmbeddedPostgresEnvironment} rather than scanned as a bean.
 *
 * @param enabled   start the embedded server when no external URL is configured
 * @param dataDir   where the cluster lives; empty means a throw-away directory (tests)
 * @param port      fixed port, or 0 for any free one
 * @param durable   fsync and synchronous commit on; the default run keeps money, so it must be
 * @param database  database created for the application
 * @param username  non-superuser role the application connects as, so row-level security applies
 * @param password  that role's password (the server only listens on loopback)
 */
record EmbeddedPostgresProperties(
        boolean enabled, String dataDir, int port, boolean durable,
        String database, String username, String password) {

    static final String PREFIX = "isp.platform.embedded-postgres";

    EmbeddedPostgresProperties {
        database = database == null ? "ispflow" : database;
        username = username == null ? "ispflow" : username;
        password = password == null ? "ispflow" : password;
    }

    static EmbeddedPostgresProperties defaults() {
        return new EmbeddedPostgresProperties(true, "data/postgres", 0, true, null, null, null);
    }

    boolean ephemeral() {
        return dataDir == null || dataDir.isBlank();
    }

    Path dataPath() {
        return Path.of(dataDir).toAbsolutePath();
    }
}
