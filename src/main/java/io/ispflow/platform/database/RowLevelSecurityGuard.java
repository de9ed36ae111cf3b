package io.ispflow.platform.database;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the application's database role would bypass row-level security (a
 * superuser, or a role with BYPASSRLS): tenant isolation underneath the API would silently be off.
 */
@Component
class RowLevelSecurityGuard implements InitializingBean {

    private final JdbcTemplate jdbc;

    RowLevelSecurityGuard(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        Boolean bypasses = jdbc.queryForObject(
                "select rolsuper or rolbypassrls from pg_roles where rolname = current_user", Boolean.class);
        if (Boolean.TRUE.equals(bypasses)) {
            String role = jdbc.queryForObject("select current_user", String.class);
            throw new IllegalStateException("The database role '" + role + "' is a superuser or has BYPASSRLS, so"
                    + " row-level security would not isolate tenants. Connect as an ordinary role that owns the"
                    + " schema (see docker-compose.yml for an example).");
        }
    }
}
