package io.ispflow.testing;

import java.sql.DriverManager;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Where a Docker engine answers, tests run on PostgreSQL 17 in a container; elsewhere the application's
 * own embedded PostgreSQL takes over (it starts when no URL is set). Runs before that one.
 */
public class TestcontainersPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private static volatile String url;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url")) || !dockerAvailable()) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("testcontainersPostgres", Map.of(
                "spring.datasource.url", containerUrl(),
                "spring.datasource.username", "ispflow",
                "spring.datasource.password", "ispflow")));
    }

    private static synchronized String containerUrl() {
        if (url == null) {
            var container = new PostgreSQLContainer<>("postgres:17");
            container.start();
            try (var c = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
                    container.getPassword()); var st = c.createStatement()) {
                // the application refuses superusers: row-level security must apply to it
                st.execute("create role ispflow login nosuperuser nobypassrls password 'ispflow'");
                st.execute("create database ispflow owner ispflow");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            url = "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/ispflow";
        }
        return url;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
