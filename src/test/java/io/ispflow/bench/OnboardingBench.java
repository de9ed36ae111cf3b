package io.ispflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Onboarding throughput through the public interfaces: clients registered with {@code POST
 * /api/clients}, each of their five user tasks completed through the Camunda REST API by the demo user
 * of the right role, the three asynchronous service tasks run by the job executor; from 4 threads.
 * Baseline in the same run: a bare process with the same five user tasks and no service logic,
 * started and worked through the same REST API by the same kind of user.
 *
 * <p>Run: {@code ./mvnw -Pbench -DskipTests verify} (see BENCHMARKS.md).
 */
public final class OnboardingBench {

    static final int THREADS = 4;
    static final int WARM_UP = 40;
    static final int CLIENTS = Integer.getInteger("bench.clients", 200);
    static final String BARE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Bench" targetNamespace="http://ispflow.io/bench">
              <bpmn:process id="benchFiveUserTasks" name="Bench: five user tasks" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="T1" />
                %s
                <bpmn:endEvent id="End" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private final RunningApplication app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private OnboardingBench(RunningApplication app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ispflow-onboarding-bench");
        try (var app = RunningApplication.start(work.resolve("data"))) {
            var bench = new OnboardingBench(app);
            bench.stockEquipment(WARM_UP + CLIENTS);
            bench.deployBare();
            bench.run(WARM_UP, bench::onboardOne);
            bench.run(WARM_UP, bench::bareOne);
            double bare = bench.run(CLIENTS, bench::bareOne);
            double ours = bench.run(CLIENTS, bench::onboardOne);
            String text = String.join("\n",
                    RunningApplication.runLine(), "",
                    CLIENTS + " processes per variant after " + WARM_UP + " warm-up runs each, " + THREADS + " threads:", "",
                    "| process | completed per second | ratio to bare |",
                    "|---|---|---|",
                    String.format("| bare: start + 5 user tasks via REST | %.1f | 1.00 |", bare),
                    String.format("| clientOnboarding + installation: POST /api/clients, 5 user tasks via REST,"
                            + " 3 async service tasks | %.1f | %.2f |", ours, ours / bare)) + "\n";
            System.out.println(text);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/onboarding.md"), text);
        }
    }

    /** Runs {@code count} processes from 4 threads; returns processes completed per second. */
    private double run(int count, Onboarding one) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                List<String> keys = new ArrayList<>();
                while (next.getAndIncrement() < count) {
                    keys.add(one.run());
                }
                return keys;
            }));
        }
        List<String> businessKeys = new ArrayList<>();
        for (var worker : workers) {
            businessKeys.addAll(worker.get());
        }
        pool.shutdown();
        awaitEnded(businessKeys);
        return count / ((System.nanoTime() - start) / 1e9);
    }

    interface Onboarding {
        String run() throws Exception;
    }

    private String onboardOne() throws Exception {
        JsonNode client = send("POST", "/api/clients", "acmesales", """
                {"name": "Bench Client", "phone": "0712345678", "address": "Bench Rd", "county": "Nairobi",
                 "subCounty": "Westlands", "clientType": "individual", "connectionType": "fiber", "monthlyRate": 2999}""");
        String key = client.path("accountNumber").asText(); // the onboarding's business key
        complete(key, "acmenoc", "{\"nocDecision\": {\"value\": \"approve\"}}");
        // threads compete for the same stock: a choice taken meanwhile comes back for another pick
        JsonNode task = task(key, "acmeassets");
        while ("Task_AssignEquipment".equals(task.path("taskDefinitionKey").asText())) {
            JsonNode value = send("GET", "/engine-rest/task/" + task.path("id").asText()
                    + "/variables/equipmentOptions?deserializeValue=false", "acmeassets", null).path("value");
            JsonNode options = value.isTextual() ? json.readTree(value.asText()) : value;
            String equipment = options.get(ThreadLocalRandom.current().nextInt(options.size())).path("value").asText();
            send("POST", "/engine-rest/task/" + task.path("id").asText() + "/complete", "acmeassets",
                    "{\"variables\": {\"equipmentId\": {\"value\": \"" + equipment + "\"}}}");
            task = task(key, "acmeadmin");
        }
        complete(key, "acmenoc", "{\"visitDate\": {\"value\": \"2026-12-01T10:00+03:00\"},"
                + " \"technician\": {\"value\": \"staff:acmenoc\"}}");
        complete(key, "acmenoc", "{\"installationOutcome\": {\"value\": \"installed\"}, \"macAddress\": {\"value\": \""
                + mac() + "\"}, \"ipAddress\": {\"value\": \"10.1.2.3\"}, \"signalDbm\": {\"value\": -60}}");
        complete(key, "acmenoc", "{\"linkStatus\": {\"value\": \"up\"}}");
        return key;
    }

    private String bareOne() throws Exception {
        String key = UUID.randomUUID().toString();
        send("POST", "/engine-rest/process-definition/key/benchFiveUserTasks/start", "acmenoc",
                "{\"businessKey\": \"" + key + "\"}");
        for (int i = 0; i < 5; i++) {
            complete(key, "acmenoc", "{\"step\": {\"value\": " + i + "}}");
        }
        return key;
    }

    private void complete(String businessKey, String user, String variables) throws Exception {
        String taskId = task(businessKey, user).path("id").asText();
        send("POST", "/engine-rest/task/" + taskId + "/complete", user, "{\"variables\": " + variables + "}");
    }

    private JsonNode task(String businessKey, String user) throws Exception {
        JsonNode tasks = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey, user, null);
        if (tasks.size() != 1) {
            throw new IllegalStateException("expected one task for " + businessKey + ", got " + tasks);
        }
        return tasks.get(0);
    }

    private void awaitEnded(List<String> businessKeys) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        for (String key : businessKeys) {
            while (send("GET", "/engine-rest/process-instance/count?businessKey=" + key, "superadmin", null)
                    .path("count").asInt() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("process " + key + " did not finish");
                }
                Thread.sleep(20);
            }
        }
    }

    private JsonNode send(String method, String path, String user, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    private void deployBare() throws Exception {
        StringBuilder tasks = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            tasks.append("<bpmn:userTask id=\"T").append(i).append("\" name=\"Step ").append(i)
                    .append("\" camunda:candidateGroups=\"network_operations\" />")
                    .append("<bpmn:sequenceFlow id=\"F").append(i).append("\" sourceRef=\"T").append(i)
                    .append("\" targetRef=\"").append(i == 5 ? "End" : "T" + (i + 1)).append("\" />");
        }
        app.deploy("bare.bpmn", BARE.formatted(tasks));
        app.allowStart("benchFiveUserTasks", "network_operations");
    }

    /** ONUs in acme's store, one per onboarding. */
    private void stockEquipment(int count) throws Exception {
        try (var c = app.superuser(); var st = c.prepareStatement("""
                insert into inventory_items (category, name, manufacturer, model, serial_number, isp_company_id)
                select t.device_type, t.name, t.brand, t.model, 'BENCH-' || n, (select id from isp_companies where slug = 'acme')
                from equipment_types t, generate_series(1, ?) n where t.model = 'EG8145V5'""")) {
            st.setInt(1, count);
            st.executeUpdate();
        }
    }

    private static final AtomicInteger MACS = new AtomicInteger();

    private static String mac() {
        int n = MACS.incrementAndGet();
        return String.format("02:00:00:%02X:%02X:%02X", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff);
    }
}
