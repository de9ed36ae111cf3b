package io.ispflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import io.ispflow.testing.SmsGatewayPeer;

/**
 * Client SMS on a default run ({@code java -jar}, durable embedded PostgreSQL), its Africa's Talking
 * sandbox pointed at a local peer ({@link SmsGatewayPeer}, taking every message) in this JVM:
 * <ol>
 * <li>(a) SMS per second through the dispatcher and the real route: queued messages of many companies
 * (so that each company's pace, {@code isp.messaging.sms.per-second}, is not what is measured), due at
 * once, from the first to the last taken by the peer; next to a bare Camel route (camel-http) posting
 * the same form to the same peer in a loop from as many threads as the dispatcher has workers;</li>
 * <li>(b) STK callbacks at a steady rate: from the callback's acknowledgement, and from the payment's
 * credit, to the peer receiving the receipt SMS.</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench -DskipTests package exec:exec@messaging} (see BENCHMARKS.md).
 */
public final class MessagingBench {

    /** The dispatcher's workers by default ({@code isp.messaging.sms.workers}). */
    static final int WORKERS = 4;
    static final int MESSAGES = Integer.getInteger("bench.sms", 20_000);
    static final int WARM_UP = Math.max(500, MESSAGES / 10);
    /** Enough companies that each stays under its pace of 20 SMS/s at 2,000 SMS/s. */
    static final int COMPANIES = 100;
    static final int RECEIPTS = Integer.getInteger("bench.receipts", 600);
    static final int RECEIPT_RATE = Integer.getInteger("bench.receipt-rate", 10);
    static final Pattern BATCH = Pattern.compile("^Bench (\\w+) ");
    static final Pattern RECEIPT = Pattern.compile("\\(M-PESA (\\S+)\\)");
    /** The form ours posts (see AfricasTalkingClient), around a message number. */
    static final String FORM_BEFORE = "username=sandbox&to=%2B254711082282&message=Bench+bare+";
    static final String FORM_AFTER = "%3A+KES+1%2C000.00+received%2C+thank+you.&from=ACME&bulkSMSMode=1&enqueue=1";

    /** When the peer took each batch's messages (nanoTime); when it took each receipt, by M-PESA receipt. */
    private final Map<String, Queue<Long>> batches = new ConcurrentHashMap<>();
    private final Map<String, Long> receiptsTaken = new ConcurrentHashMap<>();
    private final long wallAtStart = System.currentTimeMillis();
    private final long nanoAtStart = System.nanoTime();

    record Rate(int count, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return count / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        var bench = new MessagingBench();
        Path work = Files.createTempDirectory("ispflow-messaging-bench");
        try (var peer = SmsGatewayPeer.acceptingAll(bench::taken);
                var app = RunningApplication.start(work.resolve("data"),
                        List.of("--isp.messaging.africastalking.sandbox-url=" + peer.baseUrl()));
                CamelContext camel = new DefaultCamelContext()) {
            ProducerTemplate bare = bench.bareRoute(camel, peer.baseUrl());
            var payments = new PaymentsBench(app);
            payments.findAcme();
            bench.seedCompanies(app, payments.company());

            bench.bareLoop(bare, WARM_UP);
            bench.dispatched(app, "W", WARM_UP);
            Rate bareRate = bench.bareLoop(bare, MESSAGES);
            Rate ours = bench.dispatched(app, "M", MESSAGES);

            List<PaymentsBench.Push> pushes = payments.seed("R", RECEIPTS, RECEIPTS, "active", null);
            Map<String, Long> acknowledged = bench.paced(payments, pushes);
            bench.awaitReceipts(pushes);
            double[] fromAck = percentiles(pushes.stream()
                    .map(p -> (bench.receiptsTaken.get(p.receipt()) - acknowledged.get(p.receipt())) / 1e6).toList());
            double[] fromCredit = bench.fromDatabase(app, """
                    select mpesa_receipt_number, extract(epoch from created_at) * 1000 from payments
                    where mpesa_receipt_number like 'BNR%'""");
            double[] fromQueue = bench.fromDatabase(app, """
                    select substring(body from '\\(M-PESA (\\S+)\\)'), extract(epoch from created_at) * 1000
                    from outbound_messages where purpose = 'payment_receipt' and body like '%(M-PESA BNR%'""");

            String text = String.join("\n",
                    RunningApplication.runLine(), "",
                    "| what | ours | baseline in the same run | ratio |",
                    "|---|---|---|---|",
                    String.format("| (a) SMS sent per second to a local peer, %d at a time | %,.0f/s | bare Camel HTTP-post"
                            + " loop %,.0f/s | %.2f |", WORKERS, ours.perSecond(), bareRate.perSecond(),
                            ours.perSecond() / bareRate.perSecond()),
                    String.format("| (b) payment credited → receipt SMS at the gateway, %d payments/s | p50 %,.0f ms,"
                            + " p99 %,.0f ms | – | – |", RECEIPT_RATE, fromCredit[0], fromCredit[1]),
                    "",
                    "In detail:", "",
                    String.format("(a) %,d SMS of %d companies queued due at once (after %,d warm-up ones), the"
                            + " dispatcher's %d workers sending through the real route and committing each outcome"
                            + " and its log line: %,.0f SMS/s from the first to the last taken by the peer. Bare: a"
                            + " Camel route (camel-http) posting the same form to the same peer from %d threads,"
                            + " %,d posts: %,.0f/s, p50 %.2f ms, p99 %.2f ms per post.", MESSAGES, COMPANIES, WARM_UP,
                            WORKERS, ours.perSecond(), WORKERS, MESSAGES, bareRate.perSecond(), bareRate.p50Millis(),
                            bareRate.p99Millis()),
                    "",
                    String.format("(b) %d STK callbacks of active clients at %d/s; the receipt SMS taken by the peer:"
                            + " from the callback's acknowledgement p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms; from"
                            + " the payment credited (its transaction's start) p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms;"
                            + " from the receipt queued p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms.", RECEIPTS,
                            RECEIPT_RATE, fromAck[0], fromAck[1], fromAck[2], fromCredit[0], fromCredit[1],
                            fromCredit[2], fromQueue[0], fromQueue[1], fromQueue[2]),
                    "",
                    String.format("Gateway requests in all: %,d; messages taken twice: %d.", peer.requests(),
                            peer.acceptedMoreThanOnce().size())) + "\n";
            System.out.println(text);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/messaging.md"), text);
        }
    }

    /** What the peer took: a bench batch's message, or a receipt. */
    void taken(SmsGatewayPeer.Accepted accepted) {
        Matcher batch = BATCH.matcher(accepted.message());
        if (batch.find()) {
            batches.computeIfAbsent(batch.group(1), b -> new ConcurrentLinkedQueue<>()).add(accepted.atNanos());
        }
        Matcher receipt = RECEIPT.matcher(accepted.message());
        if (receipt.find()) {
            receiptsTaken.put(receipt.group(1), accepted.atNanos());
        }
    }

    /** A plain Camel route posting to the peer as ours does: same endpoint options, same headers. */
    ProducerTemplate bareRoute(CamelContext camel, String peer) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:bare").to(peer + "/version1/messaging?bridgeEndpoint=true&throwExceptionOnFailure=false"
                        + "&connectTimeout=10000&responseTimeout=10000").convertBodyTo(String.class, "UTF-8");
            }
        });
        camel.start();
        return camel.createProducerTemplate();
    }

    /** Posts {@code count} forms from {@value #WORKERS} threads; fails on anything but 201. */
    Rate bareLoop(ProducerTemplate bare, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < WORKERS; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    int n = i;
                    long begin = System.nanoTime();
                    Exchange answer = bare.request("direct:bare", e -> {
                        e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
                        e.getMessage().setHeader("Accept", "application/json");
                        e.getMessage().setHeader("apiKey", "bench-key");
                        e.getMessage().setHeader("Idempotency-Key", "bare-" + UUID.randomUUID());
                        e.getMessage().setBody(FORM_BEFORE + n + FORM_AFTER);
                    });
                    if (answer.getException() != null) {
                        throw answer.getException();
                    }
                    Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
                    if (status == null || status != 201) {
                        throw new IllegalStateException("bare post answered " + status + " " + answer.getMessage().getBody());
                    }
                    latencies.add(System.nanoTime() - begin);
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
        return new Rate(all.size(), seconds, all.get(all.size() / 2) / 1e6,
                all.get(Math.min(all.size() - 1, (int) Math.ceil(0.99 * all.size()) - 1)) / 1e6);
    }

    /** Companies with the demo company's Africa's Talking account (its key as stored: the same key decrypts it). */
    void seedCompanies(RunningApplication app, UUID acme) throws Exception {
        try (Connection c = app.superuser(); var st = c.prepareStatement("""
                with companies as (
                    insert into isp_companies (name, slug, license_type, client_limit)
                    select 'Bench SMS ' || i, 'benchsms' || i, 'enterprise', 100 from generate_series(1, ?) i
                    returning id)
                insert into sms_gateway_settings (isp_company_id, username, api_key, sender_id, environment,
                                                  callback_token)
                select c.id, g.username, g.api_key, g.sender_id, g.environment, 'bench-sms-' || c.id
                from companies c, sms_gateway_settings g where g.isp_company_id = ?""")) {
            st.setInt(1, COMPANIES);
            st.setObject(2, acme);
            st.executeUpdate();
        }
    }

    /**
     * Queues {@code count} SMS round the companies, not yet due, then makes them due at once (a
     * microsecond apart, in company order); measures from the first to the last the peer took.
     */
    Rate dispatched(RunningApplication app, String batch, int count) throws Exception {
        try (Connection c = app.superuser()) {
            try (var st = c.prepareStatement("""
                    insert into outbound_messages (channel, recipient, body, purpose, isp_company_id, next_attempt_at)
                    select 'sms', '+2547' || lpad(i::text, 8, '0'),
                           'Bench ' || ? || ' ' || i || ': KES 1,000.00 received, thank you.', 'payment_receipt',
                           (select array_agg(id order by slug) from isp_companies where slug like 'benchsms%')[i % ? + 1],
                           timestamptz '2100-01-01' + i * interval '1 microsecond'
                    from generate_series(0, ? - 1) i""")) {
                st.setString(1, batch);
                st.setInt(2, COMPANIES);
                st.setInt(3, count);
                st.executeUpdate();
            }
            try (var st = c.createStatement()) {
                st.executeUpdate("""
                        update outbound_messages set next_attempt_at = now() + (next_attempt_at - timestamptz '2100-01-01')
                        where status = 'queued' and next_attempt_at >= timestamptz '2100-01-01'""");
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (batches.getOrDefault(batch, new ConcurrentLinkedQueue<>()).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("batch " + batch + " not all taken");
            }
            Thread.sleep(20);
        }
        List<Long> times = new ArrayList<>(batches.get(batch));
        Collections.sort(times);
        return new Rate(count, (times.get(times.size() - 1) - times.get(0)) / 1e9, Double.NaN, Double.NaN);
    }

    /** Delivers the callbacks at {@link #RECEIPT_RATE} per second; when each was acknowledged, by receipt. */
    Map<String, Long> paced(PaymentsBench payments, List<PaymentsBench.Push> pushes) throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(8);
        List<java.util.concurrent.ScheduledFuture<?>> sent = new ArrayList<>();
        long periodNanos = 1_000_000_000L / RECEIPT_RATE;
        for (int i = 0; i < pushes.size(); i++) {
            var push = pushes.get(i);
            sent.add(clock.schedule(() -> {
                payments.deliver(push);
                return acknowledged.put(push.receipt(), System.nanoTime());
            }, i * periodNanos, TimeUnit.NANOSECONDS));
        }
        for (var future : sent) {
            future.get();
        }
        clock.shutdown();
        return acknowledged;
    }

    void awaitReceipts(List<PaymentsBench.Push> pushes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!pushes.stream().allMatch(p -> receiptsTaken.containsKey(p.receipt()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every receipt SMS reached the peer");
            }
            Thread.sleep(20);
        }
    }

    /** From a moment the database recorded (receipt, epoch millis) to the peer taking that receipt's SMS. */
    double[] fromDatabase(RunningApplication app, String query) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Connection c = app.superuser(); var st = c.createStatement(); var rs = st.executeQuery(query)) {
            while (rs.next()) {
                long takenNanos = receiptsTaken.get(rs.getString(1));
                double takenWall = wallAtStart + (takenNanos - nanoAtStart) / 1e6;
                millis.add(takenWall - rs.getDouble(2));
            }
        }
        if (millis.size() != RECEIPTS) {
            throw new IllegalStateException(millis.size() + " of " + RECEIPTS + " receipts found for " + query);
        }
        return percentiles(millis);
    }

    /** p50, p99 and max. */
    static double[] percentiles(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return new double[] {sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1),
                sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1), sorted.get(sorted.size() - 1)};
    }
}
