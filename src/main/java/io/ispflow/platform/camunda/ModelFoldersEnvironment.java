package io.ispflow.platform.camunda;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Pins the default base directory of the model folders to the working directory the application was
 * started in. Relative paths resolved later can land elsewhere: the embedded Tomcat's web application
 * set-up changes {@code user.dir} to its temporary document base.
 */
public class ModelFoldersEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("modelFoldersDefaults",
                Map.of("isp.platform.models.base-dir", Path.of("").toAbsolutePath().toString())));
    }
}
