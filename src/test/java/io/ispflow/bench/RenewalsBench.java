package io.ispflow.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subscription lifecycle at scale, on the durable embedded PostgreSQL of a default run
 * ({@code java -jar}, history level full, job executor as configured):
 * <ol>
 * <li>start-up: {@value #SUBSCRIPTIONS_PROPERTY} subscriptions (100,000 unless set) written into
 * {@code acme} over SQL, as an import would, get their lifecycles from the adoption that runs once the
 * application is ready: boot to ready, adoption time, memory; then a restart with all of them running;</li>
 * <li>all of them falling due at the same instant (their period-end timers moved to now), renewed from
 * the wallet (half of them) or sent into grace (the other half), until every one has moved and the
 * jobs that set going have run; next to a bare process of one timer and one service task with as many
 * instances, on the same engine and database, its timers moved to now the same way;</li>
 * <li>paid → restored: suspended clients paying at a steady 20 per second by STK callback, callback
 * received → client active again (database clock).</li>
 * </ol>
 * Run: {@code ./mvnw -Pbench -DskipTests package exec:exec@renewals} (see BENCHMARKS.md).
 */
public final class RenewalsBench {

    static final String SUBSCRIPTIONS_PROPERTY = "bench.subscriptions";
    static final int SUBSCRIPTIONS = Integer.getInteger(SUBSCRIPTIONS_PROPERTY, 100_000);
    static final int PAYING = Integer.getInteger("bench.paying", 600);
    static final int PAYING_RATE = 20;
    static final Duration PATIENCE = Duration.ofMinutes(90);
    static final String BARE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="BenchTimer" targetNamespace="http://ispflow.io/bench">
              <bpmn:process id="benchTimerThenTask" name="Bench: a timer, then a service task" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="Start" name="Started" />
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Due" />
                <bpmn:intermediateCatchEvent id="Due" name="Period ends">
                  <bpmn:timerEventDefinition id="DueTimer"><bpmn:timeDate>2099-01-01T00:00:00</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                <bpmn:sequenceFlow id="F2" sourceRef="Due" targetRef="Work" />
                <bpmn:serviceTask id="Work" name="Do nothing" camunda:expression="${true}" />
                <bpmn:sequenceFlow id="F3" sourceRef="Work" targetRef="End" />
                <bpmn:endEvent id="End" name="Done" />
              </bpmn:process>
            </bpmn:definitions>
            """;
    private static final String LIFECYCLE_ROOTS = """
            select count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
            where d.key_ = 'subscriptionLifecycle' and e.id_ = e.proc_inst_id_""";
    private static final Pattern ADOPTION_LOG = Pattern.compile(
            "Subscription lifecycles: (\\d+) started for subscriptions that had none \\((\\d+) ms\\)");

    private RenewalsBench() {
    }

    record Start(double bootSeconds, double adoptionSeconds, int adopted, long rssMiB, long postgresMiB) {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("ispflow-renewals-bench");
        Path data = work.resolve("data");
        int all = SUBSCRIPTIONS + PAYING;
        try (var app = RunningApplication.start(data)) {
            seed(app);
        }

        Start imported;
        Start again;
        double[] restored;
        double ours;
        double bare;
        double bareStarts;
        long rssAfter;
        long incidents;
        try (var app = RunningApplication.start(data)) {
            imported = adopted(app, all);
        }
        try (var app = RunningApplication.start(data)) {
            again = adopted(app, all);
            var payments = new PaymentsBench(app);
            payments.findAcme();

            // every subscription falls due at once
            ours = allDueAtOnce(app, payments);

            // the bare process on the same engine and database
            app.deploy("bare-timer.bpmn", BARE);
            AtomicInteger next = new AtomicInteger();
            var starts = payments.timed(SUBSCRIPTIONS, () -> next.getAndIncrement() < SUBSCRIPTIONS
                    ? payments.post("/engine-rest/process-definition/key/benchTimerThenTask/start", "{}", "superadmin")
                    : -1);
            bareStarts = starts.perSecond();
            bare = bareDueAtOnce(app, payments);

            // paid → restored, at a steady rate, once nothing else is due (and the application is warm)
            payments.paced(pushes(payments), PAYING_RATE);
            payments.awaitProcessed("ws_CO_BENCHR", PAYING);
            restored = awaitReactivations(payments);
            incidents = payments.count("select count(*) from act_ru_incident");
            rssAfter = app.jvmRssKiB() / 1024;
        }

        String text = String.join("\n",
                RunningApplication.runLine(), "",
                String.format("%,d subscriptions in `acme`, half of them with a month's rate in the wallet, plus %d"
                        + " suspended ones that pay.", SUBSCRIPTIONS, PAYING), "",
                "| what | ours | baseline in the same run | ratio |",
                "|---|---|---|---|",
                String.format("| %,d subscriptions falling due at the same instant, until each is renewed or in grace |"
                        + " %.0f/s | bare timer + service task, %,d instances: %.0f/s | %.2f |", SUBSCRIPTIONS, ours,
                        SUBSCRIPTIONS, bare, ours / bare),
                String.format("| paid → active again at a steady %d payments/s (callback received → client active) |"
                        + " p50 %,.0f ms, p99 %,.0f ms, max %,.0f ms | – | – |", PAYING_RATE, restored[0], restored[1],
                        restored[2]),
                "",
                "| start-up with the subscriptions | boot to ready (s) | lifecycles started | adoption (s) |"
                        + " JVM RSS after (MiB) | PostgreSQL PSS (MiB) |",
                "|---|---|---|---|---|---|",
                startRow("first start after the import: one lifecycle started per subscription, in the background",
                        imported),
                startRow("next start: all running, adoption only compares", again),
                "",
                String.format("The bare instances were started through the engine REST API from %d threads at %.0f/s."
                        + " Application JVM RSS after the run: %d MiB. Incidents: %d.", PaymentsBench.THREADS, bareStarts,
                        rssAfter, incidents))
                + "\n";
        System.out.println(text);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/renewals.md"), text);
    }

    private static String startRow(String what, Start start) {
        return String.format("| %s | %.1f | %,d | %.1f | %d | %d |", what, start.bootSeconds(), start.adopted(),
                start.adoptionSeconds(), start.rssMiB(), start.postgresMiB());
    }

    /**
     * Writes the subscriptions as an import would: active clients with a subscription whose period ends
     * tomorrow, every other one with a month's rate in his wallet; and {@link #PAYING} suspended clients who
     * owe a month (open invoice, suspended subscription), each with an STK push about to be paid.
     */
    private static void seed(RunningApplication app) throws Exception {
        var payments = new PaymentsBench(app);
        payments.findAcme();
        try (Connection c = app.superuser()) {
            c.setAutoCommit(false);
            try (var st = c.prepareStatement("""
                    with new_clients as (
                        insert into clients (account_number, name, phone, address, county, sub_county, status,
                                             client_type, connection_type, monthly_rate, isp_company_id)
                        select 'RN' || lpad(g::text, 7, '0'), 'Renewal ' || g, '+2547' || lpad((g % 100000000)::text, 8, '0'),
                               'Bench Rd', 'Nairobi', 'Westlands', 'active', 'individual', 'fiber', 1000, ?
                        from generate_series(1, ?) g
                        returning id, account_number, isp_company_id)
                    insert into subscriptions (client_id, account_number, monthly_rate, period_start, period_end,
                                               paid_through, state, isp_company_id)
                    select id, account_number, 1000, current_date - 29, current_date + 1, current_date + 1, 'active',
                           isp_company_id from new_clients""")) {
                st.setObject(1, payments.company());
                st.setInt(2, SUBSCRIPTIONS);
                st.executeUpdate();
            }
            try (var st = c.prepareStatement("""
                    insert into wallet_balances (client_id, balance, isp_company_id)
                    select id, case when substr(account_number, 3)::int % 2 = 0 then 1000 else 0 end, isp_company_id
                    from clients where account_number like 'RN%' and isp_company_id = ?""")) {
                st.setObject(1, payments.company());
                st.executeUpdate();
            }
            try (var st = c.prepareStatement("""
                    insert into wallet_transactions (client_id, transaction_type, amount, balance_after, description,
                                                     created_by, isp_company_id)
                    select client_id, 'credit', balance, balance, 'Prepaid before the import', 'bench', isp_company_id
                    from wallet_balances where balance > 0 and isp_company_id = ?""")) {
                st.setObject(1, payments.company());
                st.executeUpdate();
            }
            c.commit();
        }
        // their pushes are written just before they pay: a push left unanswered is queried (LateStkAnswers)
        payments.seed("R", 0, PAYING, "suspended", new BigDecimal("1000.00"));
        try (Connection c = app.superuser(); var st = c.prepareStatement("""
                insert into subscriptions (client_id, account_number, monthly_rate, period_start, period_end, state,
                                           state_reason, isp_company_id)
                select id, account_number, 1000, current_date - 40, current_date - 10, 'suspended', 'Unpaid', isp_company_id
                from clients where account_number like 'BNR%' and isp_company_id = ?""")) {
            st.setObject(1, payments.company());
            st.executeUpdate();
        }
    }

    /** Waits until every subscription has its lifecycle; boot, adoption time (from the application's log), memory. */
    private static Start adopted(RunningApplication app, int expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Matcher done;
        while (!(done = ADOPTION_LOG.matcher(Files.readString(app.log))).find()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("adoption not finished; see " + app.log);
            }
            Thread.sleep(200);
        }
        var payments = new PaymentsBench(app);
        long running = payments.count(LIFECYCLE_ROOTS);
        if (running != expected) {
            throw new IllegalStateException(running + " lifecycles running, " + expected + " expected");
        }
        return new Start(app.bootSeconds, Long.parseLong(done.group(2)) / 1000.0, Integer.parseInt(done.group(1)),
                app.jvmRssKiB() / 1024, app.postgresPssKiB() / 1024);
    }

    /** An STK push to each paying client for what he owes, as staff would send them. */
    private static List<PaymentsBench.Push> pushes(PaymentsBench payments) throws Exception {
        try (Connection c = payments.app().superuser(); var st = c.prepareStatement("""
                insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                requested_by, isp_company_id)
                select 'ws_CO_BENCHR' || substr(account_number, 4), id, '+254712345678', 1000, 'BENCH', 'bench',
                       isp_company_id
                from clients where account_number like 'BNR%' and isp_company_id = ?""")) {
            st.setObject(1, payments.company());
            st.executeUpdate();
        }
        List<PaymentsBench.Push> pushes = new java.util.ArrayList<>();
        for (int i = 0; i < PAYING; i++) {
            pushes.add(new PaymentsBench.Push("ws_CO_BENCHR" + i, "BNR" + String.format("%07d", i),
                    new BigDecimal("1000.00")));
        }
        java.util.Collections.shuffle(pushes, new java.util.Random(PAYING));
        return pushes;
    }

    private static double[] awaitReactivations(PaymentsBench payments) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (payments.count("select count(*) from clients where account_number like 'BNR%' and status = 'active'")
                < PAYING) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("paying clients not all restored");
            }
            Thread.sleep(50);
        }
        return payments.reactivationMillis("ws_CO_BENCHR", PAYING);
    }

    /** Moves every period-end timer to now; subscriptions per second until each is renewed or in grace. */
    private static double allDueAtOnce(RunningApplication app, PaymentsBench payments) throws Exception {
        // the periods end yesterday: a renewal step checks that its period has ended (a hold may have moved it)
        try (Connection c = app.superuser(); var st = c.createStatement()) {
            st.executeUpdate("""
                    update subscriptions set period_end = current_date - 1, paid_through = current_date - 1
                    where account_number like 'RN%'""");
        }
        long start = System.nanoTime();
        int moved = dueNow(app, "subscriptionLifecycle", "Timer_PeriodEnds");
        if (moved < SUBSCRIPTIONS) {
            throw new IllegalStateException("only " + moved + " period-end timers");
        }
        await(payments, """
                select count(*) from subscriptions where account_number like 'RN%'
                and period_start >= current_date and (state = 'grace' or paid_through = period_end)""", SUBSCRIPTIONS);
        // and what the renewals set going (receipts, the grace's first steps) has run
        await(payments, """
                select 1 - count(*) from act_ru_job where process_def_key_ = 'subscriptionLifecycle'
                and (duedate_ is null or duedate_ <= now()) and retries_ > 0""", 1);
        return SUBSCRIPTIONS / ((System.nanoTime() - start) / 1e9);
    }

    private static double bareDueAtOnce(RunningApplication app, PaymentsBench payments) throws Exception {
        long start = System.nanoTime();
        dueNow(app, "benchTimerThenTask", "Due");
        await(payments, """
                select %d - count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_
                where d.key_ = 'benchTimerThenTask'""".formatted(SUBSCRIPTIONS), SUBSCRIPTIONS);
        return SUBSCRIPTIONS / ((System.nanoTime() - start) / 1e9);
    }

    /** The clock reaching the timers' due date, for every instance at once: one update of the engine's jobs. */
    private static int dueNow(RunningApplication app, String processKey, String timerId) throws Exception {
        try (Connection c = app.superuser(); var st = c.prepareStatement("""
                update act_ru_job j set duedate_ = now() - interval '1 second' from act_ru_jobdef d
                where d.id_ = j.job_def_id_ and d.act_id_ = ? and j.process_def_key_ = ?""")) {
            st.setString(1, timerId);
            st.setString(2, processKey);
            return st.executeUpdate();
        }
    }

    private static void await(PaymentsBench payments, String countQuery, long expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (payments.count(countQuery) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all moved: " + countQuery);
            }
            Thread.sleep(200);
        }
    }
}
