package io.ispflow.platform.camunda;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the business analysts' files live ({@code isp.platform.models.*}). Relative paths resolve
 * against {@code base-dir}, by default the working directory, which is the repository root when run
 * from a checkout.
 */
@ConfigurationProperties("isp.platform.models")
record ModelFolders(
        Path baseDir,
        @DefaultValue("processes") String processes,
        @DefaultValue("dmn") String decisions,
        @DefaultValue("forms") String forms) {

    Path processesDir() {
        return baseDir.resolve(processes);
    }

    Path decisionsDir() {
        return baseDir.resolve(decisions);
    }

    Path formsDir() {
        return baseDir.resolve(forms);
    }
}
