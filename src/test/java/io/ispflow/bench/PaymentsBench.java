package io.ispflow.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ispflow.testing.DarajaPayloads;

/**
 * Payments on the durable embedded PostgreSQL of a default run ({@code java -jar}, history level full,
 * job executor as configured in application.yml), through HTTP as Daraja would call:
 * <ol>
 * <li>(a) a storm of STK callbacks from 8 threads: acknowledgements per second and ack latency, next to
 * single-row insert transactions per second (plain JDBC, autocommit, 8 threads) on the same server;</li>
 * <li>(b) end to end, callback to wallet credited, invoice settled and receipt queued, next to a bare
 * process with one {@code asyncBefore} service task started through the engine REST API from as many
 * threads;</li>
 * <li>(c) suspended clients paying their invoice at 50 payments per second: callback received to client
 * active again, p50/p99.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench -DskipTests package exec:exec@payments} (see BENCHMARKS.md).
 */
public final class PaymentsBench {

    static final int THREADS = 8;
    static final int WARM_UP = 300;
    static final int STORM = Integer.getInteger("bench.payments", 3000);
    static final int PACED = Integer.getInteger("bench.paced", 500);
    static final int PACED_RATE = 50;
    /** Below what (b) sustains here, so that no backlog builds: the intake's latency when keeping up. */
    static final int STEADY_RATE = Integer.getInteger("bench.steady-rate", 20);
    static final int STEADY = Integer.getInteger("bench.steady", 600);
    static final String BARE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="BenchAsync" targetNamespace="http://ispflow.io/bench">
              <bpmn:process id="benchOneAsyncTask" name="Bench: one async service task" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" name="Started" />
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />
                <bpmn:serviceTask id="Work" name="Do nothing" camunda:asyncBefore="true" camunda:expression="${true}" />
                <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End" />
                <bpmn:endEvent id="End" name="Done" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private final RunningApplication app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String callbackPath;
    private UUID company;

    PaymentsBench(RunningApplication app) {
        this.app = app;
    }

    record Push(String checkout, String receipt, BigDecimal amount) {
    }

    record Timed(int count, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return count / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ispflow-payments-bench");
        try (var app = RunningApplication.start(work.resolve("data"))) {
            var bench = new PaymentsBench(app);
            bench.findAcme();
            bench.deployBare();

            bench.storm(bench.seedActiveClients("W", WARM_UP, 10), WARM_UP);
            bench.bare(WARM_UP);

            Timed bare = bench.bare(STORM);
            List<Push> pushes = bench.seedActiveClients("B", STORM, 50);
            long start = System.nanoTime();
            Timed acks = bench.storm(pushes, STORM);
            bench.awaitProcessed("ws_CO_BENCHB", STORM);
            double endToEndSeconds = (System.nanoTime() - start) / 1e9;
            Load.Result inserts = bench.jdbcInserts(10);

            List<Push> suspended = bench.seedSuspendedClients(PACED);
            Timed pacedAcks = bench.paced(suspended, PACED_RATE);
            bench.awaitProcessed("ws_CO_BENCHS", PACED);
            double[] reactivation = bench.reactivationMillis("ws_CO_BENCHS", PACED);
            double[] creditedFirst = bench.creditMillis("ws_CO_BENCHS", PACED);
            double endToEnd = STORM / endToEndSeconds;

            Timed steadyAcks = bench.paced(bench.seedActiveClients("D", STEADY, STEADY), STEADY_RATE);
            bench.awaitProcessed("ws_CO_BENCHD", STEADY);
            double[] credited = bench.receivedToProcessedMillis("ws_CO_BENCHD", STEADY);

            String text = String.join("\n",
                    RunningApplication.runLine(), "",
                    "| what | ours | baseline in the same run | ratio |",
                    "|---|---|---|---|",
                    String.format("| (a) STK callbacks acknowledged, closed loop from %d threads | %.0f/s, p99 %.0f ms |"
                            + " single-row JDBC inserts %,.0f/s | %.2f |", THREADS, acks.perSecond(), acks.p99Millis(),
                            inserts.perSecond(), acks.perSecond() / inserts.perSecond()),
                    String.format("| (b) end to end: callback → credit → settle → receipt | %.1f/s | bare one-job process"
                            + " %.1f/s | %.2f |", endToEnd, bare.perSecond(), endToEnd / bare.perSecond()),
                    String.format("| (c) reactivation of suspended clients at %d payments/s | p50 %,.0f ms, p99 %,.0f ms"
                            + " | – | – |", PACED_RATE, reactivation[0], reactivation[1]),
                    String.format("| (d) steady %d payments/s: ack p99; received → reconciled p99 | %.1f ms; %,.0f ms"
                            + " | – | – |", STEADY_RATE, steadyAcks.p99Millis(), credited[1]),
                    "",
                    "In detail:", "",
                    "Default run (`java -jar`, durable embedded PostgreSQL 17, fsync on), history level full, job executor"
                            + " 3–6 threads, 30 jobs per acquisition; " + THREADS + " sender threads; " + STORM
                            + " payments per variant after " + WARM_UP + " warm-up ones.", "",
                    "(a) STK callback intake: acknowledgement rate and latency (client side)", "",
                    "| what | per second | p50 ms | p99 ms | ratio |",
                    "|---|---|---|---|---|",
                    inserts.row(null),
                    String.format("| STK callbacks acknowledged over HTTP (inbox row committed) | %.0f | %.2f | %.2f | %.2f |",
                            acks.perSecond(), acks.p50Millis(), acks.p99Millis(), acks.perSecond() / inserts.perSecond()),
                    "",
                    "(b) End to end: from the first callback until every payment is credited, its invoice settled"
                            + " and its receipt queued", "",
                    "| what | completed per second | ratio to bare |",
                    "|---|---|---|",
                    String.format("| bare: one asyncBefore service task, started via engine REST (start p50 %.1f ms,"
                            + " p99 %.1f ms) | %.1f | 1.00 |", bare.p50Millis(), bare.p99Millis(), bare.perSecond()),
                    String.format("| paymentReconciliation: callback → credit → settle → receipt | %.1f | %.2f |",
                            endToEnd, endToEnd / bare.perSecond()),
                    "",
                    String.format("(c) %d suspended clients paying their invoice at %d payments/s: callback received →"
                            + " client active again: p50 %.0f ms, p99 %.0f ms, max %.0f ms (of which callback received →"
                            + " payment credited: p50 %.0f ms, p99 %.0f ms). Acknowledgement at that rate:"
                            + " p50 %.1f ms, p99 %.1f ms.", PACED, PACED_RATE, reactivation[0], reactivation[1],
                            reactivation[2], creditedFirst[0], creditedFirst[1], pacedAcks.p50Millis(),
                            pacedAcks.p99Millis()),
                    "",
                    String.format("(d) %d payments of active clients at a steady %d payments/s: acknowledgement p50 %.1f ms,"
                            + " p99 %.1f ms; callback received → reconciled (credited, invoice settled, receipt queued): p50 %.0f ms,"
                            + " p99 %.0f ms.", STEADY, STEADY_RATE, steadyAcks.p50Millis(), steadyAcks.p99Millis(),
                            credited[0], credited[1]),
                    "",
                    String.format("Application JVM RSS after the run: %d MiB.", app.jvmRssKiB() / 1024)) + "\n";
            System.out.println(text);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/payments.md"), text);
        }
    }

    RunningApplication app() {
        return app;
    }

    /** The demo company {@code acme}, once {@link #findAcme()} has found it. */
    UUID company() {
        return company;
    }

    void findAcme() throws Exception {
        try (Connection c = app.superuser(); var st = c.createStatement();
                var rs = st.executeQuery("""
                        select s.isp_company_id, s.callback_token from mpesa_settings s
                        join isp_companies c on c.id = s.isp_company_id where c.slug = 'acme'""")) {
            rs.next();
            company = rs.getObject(1, UUID.class);
            callbackPath = "/api/payments/mpesa/callback/" + rs.getString(2);
        }
    }

    /** {@code clients} active clients with one large open invoice each, and {@code count} pushes to them. */
    private List<Push> seedActiveClients(String tag, int count, int clients) throws Exception {
        return seed(tag, count, clients, "active", null);
    }

    /** {@code count} suspended clients, each with an open invoice and a push paying exactly that. */
    private List<Push> seedSuspendedClients(int count) throws Exception {
        return seed("S", count, count, "suspended", new BigDecimal("1000.00"));
    }

    List<Push> seed(String tag, int count, int clients, String status, BigDecimal fixedAmount) throws Exception {
        Random random = new Random(tag.hashCode());
        List<Push> pushes = new ArrayList<>();
        try (Connection c = app.superuser()) {
            c.setAutoCommit(false);
            List<UUID> ids = new ArrayList<>();
            try (var client = c.prepareStatement("""
                    insert into clients (account_number, name, phone, address, county, sub_county, status, client_type,
                                         connection_type, monthly_rate, isp_company_id)
                    values (?, ?, '+254712345678', 'Bench Rd', 'Nairobi', 'Westlands', ?, 'individual', 'fiber', 1000, ?)
                    returning id""");
                    var invoice = c.prepareStatement("""
                    insert into invoices (invoice_number, client_id, amount, total_amount, status, due_date, issued_at,
                                          isp_company_id)
                    values (?, ?, ?, ?, 'issued', current_date + 7, now(), ?)""")) {
                for (int i = 0; i < clients; i++) {
                    client.setString(1, "BN" + tag + i);
                    client.setString(2, "Bench " + tag + i);
                    client.setString(3, status);
                    client.setObject(4, company);
                    try (var rs = client.executeQuery()) {
                        rs.next();
                        ids.add(rs.getObject(1, UUID.class));
                    }
                    BigDecimal total = fixedAmount != null ? fixedAmount : new BigDecimal("10000000.00");
                    invoice.setString(1, "BENCH-" + tag + i);
                    invoice.setObject(2, ids.get(i));
                    invoice.setBigDecimal(3, total);
                    invoice.setBigDecimal(4, total);
                    invoice.setObject(5, company);
                    invoice.executeUpdate();
                }
            }
            try (var push = c.prepareStatement("""
                    insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                    requested_by, isp_company_id)
                    values (?, ?, '+254712345678', ?, 'BENCH', 'bench', ?)""")) {
                for (int i = 0; i < count; i++) {
                    var p = new Push("ws_CO_BENCH" + tag + i, "BN" + tag + String.format("%07d", i),
                            fixedAmount != null ? fixedAmount : BigDecimal.valueOf(10 + random.nextInt(5000)).setScale(2));
                    push.setString(1, p.checkout());
                    push.setObject(2, ids.get(i % ids.size()));
                    push.setBigDecimal(3, p.amount());
                    push.setObject(4, company);
                    push.addBatch();
                    pushes.add(p);
                }
                push.executeBatch();
            }
            c.commit();
        }
        Collections.shuffle(pushes, random);
        return pushes;
    }

    /** Delivers the callbacks from 8 threads as fast as they are acknowledged. */
    private Timed storm(List<Push> pushes, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return timed(count, () -> {
            int i = next.getAndIncrement();
            return i < count ? post(callbackPath, callback(pushes.get(i)), null) : -1;
        });
    }

    /** Starts the bare process from 8 threads; measures until every instance has ended. */
    private Timed bare(int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        Timed starts = timed(count, () -> next.getAndIncrement() < count
                ? post("/engine-rest/process-definition/key/benchOneAsyncTask/start", "{}", "superadmin") : -1);
        while (count("select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                + " where d.key_ = 'benchOneAsyncTask'") > 0) {
            Thread.sleep(20);
        }
        return new Timed(count, (System.nanoTime() - start) / 1e9, starts.p50Millis(), starts.p99Millis());
    }

    interface Call {
        /** One call; its latency in nanoseconds, or -1 when there is nothing left to do. */
        long run() throws Exception;
    }

    Timed timed(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (long latency = call.run(); latency >= 0; latency = call.run()) {
                    latencies.add(latency);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var worker : workers) {
            all.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new Timed(all.size(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** Delivers one push's success callback as Daraja would; its acknowledgement latency in nanoseconds. */
    long deliver(Push push) throws Exception {
        return post(callbackPath, callback(push), null);
    }

    /** Callbacks at a fixed rate, whatever the acknowledgement latency (open loop); their ack latencies. */
    Timed paced(List<Push> pushes, int rate) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(THREADS);
        List<java.util.concurrent.ScheduledFuture<Long>> sent = new ArrayList<>();
        long periodNanos = 1_000_000_000L / rate;
        for (int i = 0; i < pushes.size(); i++) {
            Push push = pushes.get(i);
            sent.add(clock.schedule(() -> deliver(push), i * periodNanos,
                    TimeUnit.NANOSECONDS));
        }
        List<Long> latencies = new ArrayList<>();
        for (var future : sent) {
            latencies.add(future.get());
        }
        clock.shutdown();
        Collections.sort(latencies);
        return new Timed(latencies.size(), pushes.size() / (double) rate, percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    /** Callback received (inbox row) to its reconciliation's last step (inbox row processed). */
    private double[] receivedToProcessedMillis(String checkoutPrefix, int expected) throws Exception {
        return latencyMillis("payments processed", expected, """
                select extract(epoch from (processed_at - received_at)) * 1000 as ms from mpesa_callbacks
                where status = 'processed' and checkout_request_id like '%s%%'""".formatted(checkoutPrefix));
    }

    /** Callback received (inbox row) to payment credited (the crediting transaction's start). */
    private double[] creditMillis(String checkoutPrefix, int expected) throws Exception {
        return latencyMillis("payments credited", expected, """
                select extract(epoch from (p.created_at - m.received_at)) * 1000 as ms
                from mpesa_callbacks m join payments p on p.reference_number = m.checkout_request_id
                where m.checkout_request_id like '%s%%'""".formatted(checkoutPrefix));
    }

    /** Callback received (inbox row) to client active again (status change). */
    double[] reactivationMillis(String checkoutPrefix, int expected) throws Exception {
        return latencyMillis("clients reactivated", expected, """
                select extract(epoch from (h.changed_at - m.received_at)) * 1000 as ms
                from mpesa_callbacks m
                join mpesa_stk_requests r on r.checkout_request_id = m.checkout_request_id
                join client_status_changes h on h.client_id = r.client_id and h.to_status = 'active'
                where m.checkout_request_id like '%s%%'""".formatted(checkoutPrefix));
    }

    /** p50, p99 and max of the {@code ms} column of a query, from the database's clock; all expected rows. */
    double[] latencyMillis(String what, int expected, String millisQuery) throws Exception {
        try (Connection c = app.superuser(); var st = c.createStatement(); var rs = st.executeQuery(
                "select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),"
                        + " max(ms), count(*) from (" + millisQuery + ") t")) {
            rs.next();
            if (rs.getInt(4) != expected) {
                throw new IllegalStateException("only " + rs.getInt(4) + " of " + expected + " " + what);
            }
            return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)};
        }
    }

    /** Single-row insert transactions (autocommit, durable) from 8 threads, each on its own connection. */
    private Load.Result jdbcInserts(double seconds) throws Exception {
        try (Connection c = app.superuser(); var st = c.createStatement()) {
            st.execute("create table if not exists bench_inserts (id bigserial primary key, body jsonb not null,"
                    + " received_at timestamptz not null default now())");
        }
        String body = callback(new Push("ws_CO_JDBC", "JDBC000001", new BigDecimal("10.00")));
        ThreadLocal<java.sql.PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                return app.superuser().prepareStatement("insert into bench_inserts (body) values (?::jsonb)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return Load.run("single-row INSERT transactions, plain JDBC (baseline)", THREADS, seconds, seed -> {
            var insert = statements.get();
            insert.setString(1, body);
            insert.executeUpdate();
        });
    }

    void awaitProcessed(String checkoutPrefix, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (count("select count(*) from mpesa_callbacks where status = 'processed' and checkout_request_id like '"
                + checkoutPrefix + "%'") < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("payments " + checkoutPrefix + " not all processed");
            }
            Thread.sleep(20);
        }
    }

    long count(String sql) throws Exception {
        try (Connection c = app.superuser(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Posts JSON; returns the latency in nanoseconds, failing on anything but 200. */
    long post(String path, String body, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(app.url(path))).header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        long begin = System.nanoTime();
        var response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        long latency = System.nanoTime() - begin;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return latency;
    }

    private void deployBare() throws Exception {
        app.deploy("bare.bpmn", BARE);
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN
                : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    static String callback(Push push) {
        return DarajaPayloads.stkSuccess(push.checkout(), push.receipt(), push.amount());
    }
}
