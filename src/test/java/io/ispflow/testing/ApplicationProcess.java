package io.ispflow.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.ispflow.platform.secrets.TestSecrets;

/**
 * The application in a JVM of its own (main classes and dependencies, not the tests'), on a given
 * PostgreSQL, as an installation runs it: job executor on, no demo profile. For tests that must kill
 * it hard.
 */
public final class ApplicationProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ApplicationProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application and waits until it reports ready. */
    public static ApplicationProcess start(String jdbcUrl, String user, String password, String... extraArguments)
            throws IOException {
        int port = freePort();
        Path log = Files.createTempFile(Path.of("target"), "application-", ".log");
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-XX:+UseSerialGC",
                "-cp", classpath, "io.ispflow.IspFlowApplication",
                "--spring.profiles.active=installation",
                "--server.port=" + port,
                // several applications may run on this machine at once: each its own trap port
                "--isp.network.traps.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password));
        command.addAll(List.of(extraArguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // a key for stored secrets, as every installation has one
        builder.environment().put("ISP_PLATFORM_SECRETS_KEY", TestSecrets.KEY);
        var application = new ApplicationProcess(builder.start(), port, log);
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create(application.url("/actuator/health/readiness")))
                .timeout(Duration.ofSeconds(2)).build();
        await("application on port " + port + " ready (log: " + log + ")").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!application.process.isAlive()) {
                        throw new IllegalStateException("application exited; see " + log);
                    }
                    try {
                        var response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200 && response.body().contains("UP");
                    } catch (IOException notYet) {
                        return false;
                    }
                });
        return application;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** {@code kill -9}: no shutdown hooks, no goodbye. */
    public void killHard() {
        process.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
