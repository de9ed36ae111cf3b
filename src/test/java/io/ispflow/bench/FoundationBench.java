package io.ispflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Foundation benchmark: boot-to-ready time and memory of the default run (the packaged jar, as a
 * newcomer starts it) next to a bare Camunda application started the same way ({@code bench/bare-camunda}),
 * and {@code GET /api/clients} with 50,000 clients in one company, next to the same page query over JDBC
 * with row-level security on and off.
 *
 * <p>Run: {@code ./mvnw -Pbench -DskipTests verify} (see BENCHMARKS.md).
 */
public final class FoundationBench {

    static final int CLIENTS = 50_000;
    static final int THREADS = 4;
    static final double SECONDS = 20;
    static final String PAGE_SQL = """
            select id, account_number, name, phone, status, monthly_rate, created_at from clients
            where isp_company_id = ? order by created_at desc, id limit 20 offset ?""";
    static final String COUNT_SQL = "select count(*) from clients where isp_company_id = ?";

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ispflow-bench");
        List<String> report = new ArrayList<>();
        report.add(RunningApplication.runLine());

        double pgOnly = timeEmbeddedPostgresAlone(work.resolve("pg-only"));

        // each application starts twice on a data directory of its own (fresh, then existing data), bare first
        Path data = work.resolve("data");
        Path bareData = work.resolve("bare-data");
        int httpPort = RunningApplication.freePort();
        int pgPort = RunningApplication.freePort();
        Footprint bareFresh = stopped(RunningApplication.startBareCamunda(bareData, RunningApplication.freePort(),
                RunningApplication.freePort()));
        Footprint fresh = stopped(RunningApplication.start(data, httpPort, pgPort));
        Footprint bareAgain = stopped(RunningApplication.startBareCamunda(bareData, RunningApplication.freePort(),
                RunningApplication.freePort()));
        var again = RunningApplication.start(data, httpPort, pgPort);
        try {
            report.add("");
            report.add("| start | boot to ready (s) | JVM RSS (MiB) | PostgreSQL PSS (MiB) | boot ours/bare | RSS ours/bare |");
            report.add("|---|---|---|---|---|---|");
            report.add(String.format("| embedded PostgreSQL alone | %.2f | – | – | – | – |", pgOnly));
            report.add(bareFresh.row("bare Camunda, first start: initdb, engine schema", bareFresh));
            report.add(fresh.row("ISPFlow, first start: initdb, migrations, demo data", bareFresh));
            report.add(bareAgain.row("bare Camunda, second start: existing data", bareAgain));
            report.add(Footprint.of(again).row("ISPFlow, second start: existing data", bareAgain));

            UUID acme = seedClients(pgPort);
            String auth = "Basic " + Base64.getEncoder().encodeToString("acmeadmin:demo".getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Load.Operation apiPage = seed -> {
                var request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                        + "/api/clients?size=20&page=" + (seed % 50))).header("Authorization", auth).build();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
            };
            Load.run("warm-up", THREADS, 10, apiPage);

            ThreadLocal<Connection> asApplication = connections(pgPort, "ispflow", "ispflow");
            ThreadLocal<Connection> asSuperuser = connections(pgPort, "postgres", "");
            // alternate the two twice and keep each one's better run, so that neither gains from going second
            Load.Result rlsOff = null;
            Load.Result rlsOn = null;
            for (int round = 0; round < 2; round++) {
                rlsOff = better(rlsOff, Load.run("JDBC page + count, RLS off (superuser)", THREADS, SECONDS / 2,
                        seed -> pageQuery(asSuperuser.get(), acme, seed, false)));
                rlsOn = better(rlsOn, Load.run("JDBC page + count, RLS on (application role)", THREADS, SECONDS / 2,
                        seed -> pageQuery(asApplication.get(), acme, seed, true)));
            }
            Load.Result api = Load.run("GET /api/clients?size=20 (HTTP, auth, RLS)", THREADS, SECONDS, apiPage);

            report.add("");
            report.add(String.format("| operation (%,d clients, %d threads) | per second | p50 (ms) | p99 (ms) |"
                    + " ratio to RLS off |", CLIENTS, THREADS));
            report.add("|---|---|---|---|---|");
            report.add(rlsOff.row(null));
            report.add(rlsOn.row(rlsOff));
            report.add(api.row(rlsOff));
        } finally {
            again.close();
        }
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/foundation.md"), text);
    }

    private static Load.Result better(Load.Result a, Load.Result b) {
        return a == null || b.perSecond() > a.perSecond() ? b : a;
    }

    private static void pageQuery(Connection c, UUID company, int seed, boolean setTenant) throws Exception {
        c.setAutoCommit(false);
        if (setTenant) {
            try (var st = c.prepareStatement("select set_config('app.company_id', ?, true)")) {
                st.setString(1, company.toString());
                st.execute();
            }
        }
        try (var count = c.prepareStatement(COUNT_SQL); var page = c.prepareStatement(PAGE_SQL)) {
            count.setObject(1, company);
            count.executeQuery().close();
            page.setObject(1, company);
            page.setInt(2, (seed % 50) * 20);
            try (var rows = page.executeQuery()) {
                int n = 0;
                while (rows.next()) {
                    n++;
                }
                if (n != 20) {
                    throw new IllegalStateException("expected a full page, got " + n);
                }
            }
        }
        c.commit();
    }

    private static ThreadLocal<Connection> connections(int port, String user, String password) {
        return ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/ispflow", user, password);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** 50,000 clients for the demo company acme, written straight into the database. */
    private static UUID seedClients(int pgPort) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/ispflow", "postgres", "")) {
            UUID acme;
            try (var rs = c.createStatement().executeQuery("select id from isp_companies where slug = 'acme'")) {
                rs.next();
                acme = (UUID) rs.getObject(1);
            }
            try (var insert = c.prepareStatement("""
                    insert into clients (account_number, name, phone, address, county, sub_county, client_type,
                                         connection_type, monthly_rate, isp_company_id, created_at)
                    select 'B' || n, 'Bench Client ' || n, '+2547' || lpad(n::text, 8, '0'), 'Bench Rd ' || n,
                           'Nairobi', 'Westlands', 'individual', 'fiber', 2999, ?, now() - n * interval '1 minute'
                    from generate_series(1, ?) n""")) {
                insert.setObject(1, acme);
                insert.setInt(2, CLIENTS);
                insert.executeUpdate();
            }
            c.createStatement().execute("analyze clients");
            return acme;
        }
    }

    private static double timeEmbeddedPostgresAlone(Path dir) throws IOException {
        long start = System.nanoTime();
        try (var pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start()) {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** What a start cost, measured once the application is ready. */
    record Footprint(double bootSeconds, long jvmRssMiB, long postgresPssMiB) {

        static Footprint of(RunningApplication app) throws IOException {
            return new Footprint(app.bootSeconds, app.jvmRssKiB() / 1024, app.postgresPssKiB() / 1024);
        }

        String row(String label, Footprint bare) {
            return String.format("| %s | %.2f | %d | %d | %.2f | %.2f |", label, bootSeconds, jvmRssMiB,
                    postgresPssMiB, bootSeconds / bare.bootSeconds, (double) jvmRssMiB / bare.jvmRssMiB);
        }
    }

    private static Footprint stopped(RunningApplication app) throws Exception {
        try (app) {
            return Footprint.of(app);
        }
    }

    private FoundationBench() {
    }
}
