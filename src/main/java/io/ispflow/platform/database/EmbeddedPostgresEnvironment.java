package io.ispflow.platform.database;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Gives the application a real PostgreSQL 17 without any setup: when no {@code spring.datasource.url}
 * is configured (for example through {@code SPRING_DATASOURCE_URL}), it starts the embedded server and
 * points the data source at it. Everything after this point is identical for embedded and external
 * databases.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return;
        }
        var settings = Binder.get(environment)
                .bind(EmbeddedPostgresProperties.PREFIX, EmbeddedPostgresProperties.class)
                .orElseGet(EmbeddedPostgresProperties::defaults);
        if (!settings.enabled()) {
            return;
        }
        var server = EmbeddedPostgresServer.obtain(settings);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", server.jdbcUrl(),
                "spring.datasource.username", settings.username(),
                "spring.datasource.password", settings.password())));
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, profiles) has been loaded
        return Ordered.LOWEST_PRECEDENCE;
    }
}
