package io.ispflow.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged application started as a newcomer starts it ({@code java -jar} with the default run's JVM
 * options, default profile, embedded durable PostgreSQL) on a given data directory, with what its start
 * cost; or, the same way, the bare Camunda application the foundation benchmark compares it with.
 */
final class RunningApplication implements AutoCloseable {

    /** The default run's JVM options, one place for spring-boot:run, the Docker image and the benchmarks. */
    static final String JVM_OPTIONS = "jvm.options";

    final Process process;
    final int httpPort;
    final int postgresPort;
    final Path data;
    final double bootSeconds;
    /** The application's output. */
    final Path log;

    private RunningApplication(Process process, int httpPort, int postgresPort, Path data, double bootSeconds,
            Path log) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
        this.postgresPort = postgresPort;
        this.data = data;
        this.bootSeconds = bootSeconds;
    }

    static RunningApplication start(Path data) throws Exception {
        return start(data, freePort(), freePort());
    }

    static RunningApplication start(Path data, int httpPort, int postgresPort) throws Exception {
        return start(data, httpPort, postgresPort, List.of());
    }

    /** @param settings further arguments, e.g. {@code --isp.messaging.africastalking.sandbox-url=...} */
    static RunningApplication start(Path data, List<String> settings) throws Exception {
        return start(data, freePort(), freePort(), settings);
    }

    private static RunningApplication start(Path data, int httpPort, int postgresPort, List<String> settings)
            throws Exception {
        var arguments = new ArrayList<>(List.of("--server.port=" + httpPort, "--isp.network.traps.port=0",
                "--isp.platform.embedded-postgres.data-dir=" + data,
                "--isp.platform.embedded-postgres.port=" + postgresPort));
        arguments.addAll(settings);
        return launch(jar(Path.of("target"), "ispflow-.*\\.jar"), arguments, data, httpPort, postgresPort);
    }

    /**
     * The baseline application of {@code bench/bare-camunda} (Camunda's starters and one trivial process on
     * an embedded PostgreSQL started like ours), started the same way: same JVM options, same readiness.
     */
    static RunningApplication startBareCamunda(Path data, int httpPort, int postgresPort) throws Exception {
        return launch(jar(Path.of("bench/bare-camunda/target"), "bare-camunda\\.jar"),
                List.of("--server.port=" + httpPort, "--postgres.data-dir=" + data, "--postgres.port=" + postgresPort),
                data, httpPort, postgresPort);
    }

    /**
     * The JVM options of the default run, as {@code ./mvnw spring-boot:run} and the Docker image use them:
     * the argument file {@value #JVM_OPTIONS}, then {@code BENCH_APP_JVM_ARGS} (whose options win).
     */
    static List<String> jvmOptions() {
        var options = new ArrayList<>(List.of("@" + Path.of(JVM_OPTIONS).toAbsolutePath()));
        // e.g. BENCH_APP_JVM_ARGS=-XX:StartFlightRecording=filename=target/bench/app.jfr to profile the application
        String extra = System.getenv("BENCH_APP_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.trim().split("\\s+")));
        }
        return options;
    }

    /** The effective JVM options as one line for a report: the file's options without comments, then the extra ones. */
    static String jvmOptionsText() throws IOException {
        var options = new ArrayList<String>();
        for (String line : Files.readAllLines(Path.of(JVM_OPTIONS))) {
            String option = line.replaceAll("#.*", "").trim();
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        jvmOptions().stream().skip(1).forEach(options::add);
        return String.join(" ", options);
    }

    /** The opening line of a benchmark's report: when, on which commit, with which JVM options. */
    static String runLine() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
        String commit = new String(git.getInputStream().readAllBytes()).trim();
        String dirty = new ProcessBuilder("git", "diff", "--quiet", "HEAD").start().waitFor() == 0 ? "" : " plus changes";
        return String.format("%s, commit `%s`%s, JVM options `%s`.", java.time.LocalDate.now(),
                git.waitFor() == 0 ? commit : "unknown", dirty, jvmOptionsText());
    }

    private static RunningApplication launch(Path jar, List<String> arguments, Path data, int httpPort,
            int postgresPort) throws Exception {
        Path log = data.resolveSibling("app-" + System.nanoTime() + ".log");
        long start = System.nanoTime();
        var command = new ArrayList<String>(List.of("java"));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("application exited; see " + log);
            }
            try {
                var response = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            // generous: on a machine shared with other builds a boot has taken more than five minutes
            if (System.nanoTime() - start > 600e9) {
                process.destroy();
                throw new IllegalStateException("not ready after 600 s; see " + log);
            }
            Thread.sleep(50);
        }
        return new RunningApplication(process, httpPort, postgresPort, data, (System.nanoTime() - start) / 1e9, log);
    }

    String url(String path) {
        return "http://localhost:" + httpPort + path;
    }

    /** Deploys a BPMN model through the engine REST API as the demo super admin. */
    void deploy(String fileName, String bpmn) throws IOException, InterruptedException {
        String boundary = "bench" + java.util.UUID.randomUUID();
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        var request = HttpRequest.newBuilder(URI.create(url("/engine-rest/deployment/create")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("superadmin:demo".getBytes()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart)).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(fileName + " deployment failed: " + response.body());
        }
    }

    /** Lets a staff role start a bench process by hand: staff may otherwise start only a client registration. */
    void allowStart(String processKey, String group) throws IOException, InterruptedException {
        grant(group, 6, processKey, "\"READ\", \"CREATE_INSTANCE\"");
        // starting also takes CREATE on process instances, which roles that start nothing lack
        grant(group, 8, "*", "\"CREATE\"");
    }

    private void grant(String group, int resourceType, String resourceId, String permissions)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url("/engine-rest/authorization/create")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("superadmin:demo".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type": 1, "permissions": [%s], "groupId": "%s", "resourceType": %d,
                         "resourceId": "%s"}""".formatted(permissions, group, resourceType, resourceId))).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("grant on " + resourceId + " refused: " + response.body());
        }
    }

    /** A superuser connection to the application database, past row-level security (for seeding). */
    Connection superuser() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/ispflow", "postgres", "");
    }

    Connection applicationRole() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/ispflow", "ispflow",
                "ispflow");
    }

    long jvmRssKiB() {
        return memory(process.pid(), "VmRSS:");
    }

    long postgresPssKiB() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        var postmaster = ProcessHandle.of(pid).orElseThrow();
        return Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .mapToLong(p -> memory(p.pid(), "Pss:")).sum();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** A figure in KiB from /proc: VmRSS from status, Pss from smaps_rollup. */
    private static long memory(long pid, String key) {
        Path file = Path.of("/proc", String.valueOf(pid), key.equals("Pss:") ? "smaps_rollup" : "status");
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static Path jar(Path folder, String name) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + " in " + folder + ": package first"));
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
