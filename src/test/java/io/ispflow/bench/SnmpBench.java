package io.ispflow.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.GenericAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.MultiThreadedMessageDispatcher;
import org.snmp4j.util.TableEvent;
import org.snmp4j.util.TableListener;
import org.snmp4j.util.TableUtils;
import org.snmp4j.util.ThreadPool;

import io.ispflow.demo.snmp.IfMibAgent;

/**
 * Device polling on a default run ({@code java -jar}, durable embedded PostgreSQL): {@value #AGENTS}
 * in-process IF-MIB agents of {@value #INTERFACES} interfaces each (2,000 interfaces) on loopback,
 * polled over SNMPv2c by the application's poller, writes included:
 * <ol>
 * <li>sustained rate: {@code bench.snmp.passes} (5) devices per agent registered at once (interval one hour, so each
 * is polled once), every poll a GET of sysUpTime and a GETBULK walk of the IF-MIB columns; device polls
 * and interface samples per second from the first poll's start to the last row written; next to a
 * bare SNMP4J loop (the same requests, the same concurrency, no database) over the same agents;</li>
 * <li>one full round: the {@value #AGENTS} devices at a 60 s interval due at once, from the first
 * poll's start to the last of their 2,000 rows;</li>
 * <li>CPU share: half of those devices (1,000 interfaces a minute) left polling, from the end of the
 * round until they have been polled once more a minute later; the application's CPU time (and
 * PostgreSQL's) over wall time and cores, next to a minute with nothing to poll.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench -DskipTests package exec:exec@snmp} (see BENCHMARKS.md).
 */
public final class SnmpBench {

    static final int AGENTS = 20;
    static final int INTERFACES = 100;
    /** Devices per agent in the sustained-rate drain: 20 × 5 = 100 device polls, 10,000 interface samples. */
    static final int PASSES = Integer.getInteger("bench.snmp.passes", 5);
    /**
     * The wait for one answer, ours ({@code isp.network.snmp.timeout}) and the bare loop's: 20 agents in
     * one JVM answering 16 walks at once on a shared 2-core machine answer slower than a switch would.
     */
    static final int TIMEOUT_MILLIS = 10_000;
    /** The poller's default ({@code isp.network.polling.concurrency}), and the bare loop's. */
    static final int CONCURRENCY = 16;
    static final int MAX_REPETITIONS = 25;
    static final int IDLE_SECONDS = Integer.getInteger("bench.snmp.idle", 60);
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    /** The columns the poller walks (IfMib.WIDE). */
    static final OID[] COLUMNS = oids("1.3.6.1.2.1.2.2.1.2", "1.3.6.1.2.1.2.2.1.7", "1.3.6.1.2.1.2.2.1.8",
            "1.3.6.1.2.1.2.2.1.14", "1.3.6.1.2.1.2.2.1.20", "1.3.6.1.2.1.31.1.1.1.1", "1.3.6.1.2.1.31.1.1.1.15",
            "1.3.6.1.2.1.31.1.1.1.6", "1.3.6.1.2.1.31.1.1.1.10", "1.3.6.1.2.1.31.1.1.1.7", "1.3.6.1.2.1.31.1.1.1.11");

    private final byte[] key = new byte[32];
    final List<IfMibAgent> agents = new ArrayList<>();
    private UUID company;

    record Drain(int devices, long samples, double seconds) {

        double devicesPerSecond() {
            return devices / seconds;
        }

        double samplesPerSecond() {
            return samples / seconds;
        }
    }

    record Cpu(double jvmSeconds, double postgresSeconds, double wallSeconds) {

        double jvmShare() {
            return jvmSeconds / wallSeconds / Runtime.getRuntime().availableProcessors();
        }

        double totalShare() {
            return (jvmSeconds + postgresSeconds) / wallSeconds / Runtime.getRuntime().availableProcessors();
        }
    }

    public static void main(String[] args) throws Exception {
        var bench = new SnmpBench();
        new SecureRandom().nextBytes(bench.key);
        Path work = Files.createTempDirectory("ispflow-snmp-bench");
        try (var app = RunningApplication.start(work.resolve("data"),
                List.of("--isp.platform.secrets.key=" + Base64.getEncoder().encodeToString(bench.key),
                        "--isp.network.snmp.timeout=PT" + TIMEOUT_MILLIS / 1000 + "S"))) {
            for (int i = 0; i < AGENTS; i++) {
                IfMibAgent agent = IfMibAgent.builder().interfaces(INTERFACES).sysName("bench-sw-" + i).start();
                agent.advanceAll(1_000_000, 500_000, 1_000, 500);
                bench.agents.add(agent);
            }
            bench.findCompany(app);

            bench.bareLoop();
            bench.drain(app, "W", 3600);
            Drain bare = bench.bareLoop();
            Drain ours = bench.drain(app, "M", 3600);

            bench.disableAll(app);
            Cpu idle = bench.cpu(app, IDLE_SECONDS);
            Drain round = bench.drain(app, "R", 60, 1);
            bench.disableHalfOf(app, "R");
            Cpu polling = bench.cpuUntilNextRound(app, "R");
            long polledInWindow = (long) AGENTS / 2 * INTERFACES;

            String text = String.join("\n",
                    RunningApplication.runLine(), "",
                    "| what | ours | bare SNMP4J GETBULK loop, same run | ratio |",
                    "|---|---|---|---|",
                    String.format("| device polls per second sustained (%d devices × %d interfaces, %d at a time)"
                            + " | %,.1f/s | %,.1f/s | %.2f |", AGENTS, INTERFACES, CONCURRENCY,
                            ours.devicesPerSecond(), bare.devicesPerSecond(),
                            ours.devicesPerSecond() / bare.devicesPerSecond()),
                    String.format("| interface samples per second sustained | %,.0f/s | %,.0f/s | %.2f |",
                            ours.samplesPerSecond(), bare.samplesPerSecond(),
                            ours.samplesPerSecond() / bare.samplesPerSecond()),
                    String.format("| one full round: %d devices, %,d interfaces due at once | %.2f s | – | – |",
                            round.devices(), round.samples(), round.seconds()),
                    String.format("| CPU share while polling 1,000 interfaces a minute (JVM / JVM + PostgreSQL) |"
                            + " %.2f%% / %.2f%% | idle: %.2f%% / %.2f%% | – |", 100 * polling.jvmShare(),
                            100 * polling.totalShare(), 100 * idle.jvmShare(), 100 * idle.totalShare()),
                    "",
                    String.format("Sustained: %d device polls (%,d interface samples) written in %.2f s; bare: %d"
                            + " polls (%,d interface rows read) in %.2f s, after a warm-up drain of each. CPU: over %.1f"
                            + " s of wall time on %d cores (from the full round until its remaining half was polled"
                            + " again), %,d interface samples written; the application's JVM"
                            + " used %.2f s of CPU, PostgreSQL %.2f s; with nothing to poll (%d s) %.2f s and %.2f s.",
                            ours.devices(), ours.samples(), ours.seconds(), bare.devices(), bare.samples(),
                            bare.seconds(), polling.wallSeconds(), Runtime.getRuntime().availableProcessors(), polledInWindow,
                            polling.jvmSeconds(), polling.postgresSeconds(), IDLE_SECONDS, idle.jvmSeconds(),
                            idle.postgresSeconds())) + "\n";
            System.out.println(text);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/snmp.md"), text);
        } finally {
            bench.agents.forEach(IfMibAgent::close);
        }
    }

    void findCompany(RunningApplication app) throws Exception {
        try (Connection c = app.superuser(); var rs = c.createStatement().executeQuery(
                "select id from isp_companies where slug = 'acme'")) {
            rs.next();
            company = rs.getObject(1, UUID.class);
        }
    }

    /** {@link #PASSES} devices per agent polled once each; see {@link #drain(RunningApplication, String, int, int)}. */
    Drain drain(RunningApplication app, String batch, int interval) throws Exception {
        return drain(app, batch, interval, PASSES);
    }

    /**
     * Registers {@code passes} devices per agent, due at once, and waits until the poller has written
     * all their interface rows; from the first poll's start to the moment the last row was seen.
     */
    Drain drain(RunningApplication app, String batch, int interval, int passes) throws Exception {
        int devices = AGENTS * passes;
        long expected = (long) devices * INTERFACES;
        try (Connection c = app.superuser()) {
            try (var insert = c.prepareStatement("""
                    insert into equipment (serial_number, name, brand, model, status, ip_address, snmp_port,
                                           snmp_version, snmp_community_encrypted, polling_enabled,
                                           poll_interval_seconds, isp_company_id)
                    values (?, ?, 'Simulated', 'IF-MIB switch', 'deployed', '127.0.0.1', ?, 'v2c', ?, true, ?, ?)""")) {
                for (int pass = 0; pass < passes; pass++) {
                    for (int i = 0; i < AGENTS; i++) {
                        String name = "bench-" + batch + "-" + pass + "-" + i;
                        insert.setString(1, name);
                        insert.setString(2, name);
                        insert.setInt(3, agents.get(i).port());
                        insert.setString(4, encrypt(agents.get(i).readCommunity()));
                        insert.setInt(5, interval);
                        insert.setObject(6, company);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            String count = """
                    select count(*), min(s.sampled_at) from interface_statistics s join equipment e on e.id = s.equipment_id
                    where e.name like 'bench-%s-%%'""".formatted(batch);
            while (true) {
                try (var rs = c.createStatement().executeQuery(count)) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        long seen = System.currentTimeMillis();
                        Timestamp first = rs.getTimestamp(2);
                        return new Drain(devices, rs.getLong(1), (seen - first.getTime()) / 1000.0);
                    }
                }
                Thread.sleep(20);
            }
        }
    }

    void disableAll(RunningApplication app) throws Exception {
        try (Connection c = app.superuser()) {
            c.createStatement().executeUpdate("update equipment set polling_enabled = false where name like 'bench-%'");
        }
    }

    void disableHalfOf(RunningApplication app, String batch) throws Exception {
        try (Connection c = app.superuser()) {
            c.createStatement().executeUpdate("""
                    update equipment set polling_enabled = false
                    where name like 'bench-%s-%%' and split_part(name, '-', 4)::int >= %d""".formatted(batch, AGENTS / 2));
        }
    }

    /**
     * CPU time from the end of the full round until the devices left polling (half of them, 1,000
     * interfaces) have all been polled and written once more, a minute later: one minute of polling
     * 1,000 interfaces a minute.
     */
    Cpu cpuUntilNextRound(RunningApplication app, String batch) throws Exception {
        long pg = Long.parseLong(Files.readAllLines(app.data.resolve("postmaster.pid")).get(0).trim());
        double jvmBefore = cpuSeconds(app.process.pid(), false);
        double pgBefore = cpuSeconds(pg, true);
        long start = System.nanoTime();
        long expected = (long) AGENTS * INTERFACES + (long) AGENTS / 2 * INTERFACES;
        try (Connection c = app.superuser()) {
            String count = """
                    select count(*) from interface_statistics s join equipment e on e.id = s.equipment_id
                    where e.name like 'bench-%s-%%'""".formatted(batch);
            while (true) {
                try (var rs = c.createStatement().executeQuery(count)) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Cpu(cpuSeconds(app.process.pid(), false) - jvmBefore, cpuSeconds(pg, true) - pgBefore, wall);
    }

    /** CPU time of the application's JVM and of PostgreSQL's processes over {@code seconds} of wall time. */
    Cpu cpu(RunningApplication app, int seconds) throws Exception {
        long pg = Long.parseLong(Files.readAllLines(app.data.resolve("postmaster.pid")).get(0).trim());
        double jvmBefore = cpuSeconds(app.process.pid(), false);
        double pgBefore = cpuSeconds(pg, true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - start) / 1e9;
        return new Cpu(cpuSeconds(app.process.pid(), false) - jvmBefore, cpuSeconds(pg, true) - pgBefore, wall);
    }

    /** utime + stime of a process (with its children's and its live descendants' when asked), in seconds. */
    static double cpuSeconds(long pid, boolean withDescendants) throws Exception {
        double total = ticks(pid);
        if (withDescendants) {
            for (ProcessHandle child : ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of())) {
                total += ticks(child.pid());
            }
        }
        return total / 100.0;
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from state (3rd of stat): utime is the 14th of stat, stime the 15th; cutime, cstime follow
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (Exception gone) {
            return 0;
        }
    }

    /**
     * The same polls with SNMP4J alone: {@link #PASSES} passes over the agents, each a GET of sysUpTime
     * then a GETBULK walk of the same columns, {@value #CONCURRENCY} devices at a time, rows counted.
     */
    Drain bareLoop() throws Exception {
        // answers decoded by two threads, as the application's session does (isp.network.snmp.dispatcher-threads)
        ThreadPool threads = ThreadPool.create("bare-snmp", 2);
        MultiThreadedMessageDispatcher dispatcher = new MultiThreadedMessageDispatcher(threads,
                new MessageDispatcherImpl());
        dispatcher.addMessageProcessingModel(new MPv2c());
        try (Snmp snmp = new Snmp(dispatcher, new DefaultUdpTransportMapping())) {
            snmp.listen();
            DefaultPDUFactory bulk = new DefaultPDUFactory(PDU.GETBULK);
            bulk.setMaxRepetitions(MAX_REPETITIONS);
            TableUtils tables = new TableUtils(snmp, bulk);
            tables.setMaxNumRowsPerPDU(MAX_REPETITIONS);
            Semaphore inFlight = new Semaphore(CONCURRENCY);
            AtomicLong rows = new AtomicLong();
            List<CompletableFuture<Void>> polls = new ArrayList<>();
            long start = System.nanoTime();
            for (int pass = 0; pass < PASSES; pass++) {
                for (IfMibAgent agent : agents) {
                    inFlight.acquire();
                    CompletableFuture<Void> poll = poll(snmp, tables, target(agent), rows);
                    poll.whenComplete((done, failure) -> inFlight.release());
                    polls.add(poll);
                }
            }
            CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).join();
            return new Drain(polls.size(), rows.get(), (System.nanoTime() - start) / 1e9);
        } finally {
            threads.stop();
        }
    }

    private static CompletableFuture<Void> poll(Snmp snmp, TableUtils tables, CommunityTarget<UdpAddress> target,
            AtomicLong rows) throws Exception {
        CompletableFuture<Void> result = new CompletableFuture<>();
        PDU get = new PDU();
        get.setType(PDU.GET);
        get.add(new VariableBinding(SYS_UPTIME));
        snmp.send(get, target, null, new ResponseListener() {
            @Override
            public <A extends Address> void onResponse(ResponseEvent<A> event) {
                snmp.cancel(event.getRequest(), this);
                if (event.getResponse() == null) {
                    result.completeExceptionally(new IllegalStateException("no answer to GET"));
                    return;
                }
                tables.getTable(target, COLUMNS, new TableListener() {
                    private volatile boolean finished;

                    @Override
                    public boolean next(TableEvent row) {
                        rows.incrementAndGet();
                        return true;
                    }

                    @Override
                    public void finished(TableEvent last) {
                        finished = true;
                        if (last.isError()) {
                            result.completeExceptionally(new IllegalStateException(last.getErrorMessage()));
                        } else {
                            result.complete(null);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return finished;
                    }
                }, null, null, null);
            }
        });
        return result;
    }

    private static CommunityTarget<UdpAddress> target(IfMibAgent agent) {
        var target = new CommunityTarget<>((UdpAddress) GenericAddress.parse(agent.address()),
                new OctetString(agent.readCommunity()));
        target.setVersion(SnmpConstants.version2c);
        target.setTimeout(TIMEOUT_MILLIS);
        target.setRetries(1);
        return target;
    }

    /** As the application's SecretBox stores a secret: {@code v1:} + base64 of nonce and AES-GCM ciphertext. */
    private String encrypt(String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        return "v1:" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    }

    private static OID[] oids(String... oids) {
        OID[] result = new OID[oids.length];
        for (int i = 0; i < oids.length; i++) {
            result[i] = new OID(oids[i]);
        }
        return result;
    }
}
