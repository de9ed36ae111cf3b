package io.ispflow.platform.database;

import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Refuses to start, before any migration runs, when the application's database role would bypass
 * row-level security (a superuser, or a role with BYPASSRLS): tenant isolation underneath the API would
 * silently be off, and the schema would belong to the wrong role.
 */
@Component
class RowLevelSecurityGuard implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway flyway) {
        try (var connection = flyway.getConfiguration().getDataSource().getConnection();
                var query = connection.createStatement().executeQuery(
                        "select current_user, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
            query.next();
            if (query.getBoolean(2)) {
                throw new IllegalStateException("The database role '" + query.getString(1) + "' is a superuser or"
                        + " has BYPASSRLS, so row-level security would not isolate tenants. Connect as an ordinary"
                        + " role that owns the database (see docker-compose.yml for an example).");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check the database role", e);
        }
        flyway.migrate();
    }
}
