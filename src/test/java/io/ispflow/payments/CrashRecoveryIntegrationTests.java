package io.ispflow.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ispflow.testing.DarajaPayloads;
import io.ispflow.testing.ApplicationProcess;
import io.ispflow.testing.SeparateDatabase;

/**
 * The application is killed ({@code kill -9}) in the middle of a storm of M-PESA callbacks and started
 * again on the same database: every callback it acknowledged is credited, exactly once, and a sender
 * that delivers everything again afterwards changes nothing for those and completes the rest.
 */
class CrashRecoveryIntegrationTests {

    static final int PAYMENTS = 1_000;
    static final int THREADS = 8;
    static final String TOKEN = "crash-test-callback-token-" + UUID.randomUUID();

    static SeparateDatabase postgres;

    record Push(String checkout, String receipt, BigDecimal amount) {
    }

    @BeforeAll
    static void aDatabaseServerThatOutlivesTheApplication() throws Exception {
        postgres = SeparateDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void everyAcknowledgedCallbackIsCreditedExactlyOnceAfterAHardKill() throws Exception {
        List<Push> pushes;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (var first = start()) {
            pushes = pushesOfACompany();
            List<Push> deliveries = new ArrayList<>(pushes);
            deliveries.addAll(pushes.subList(0, PAYMENTS * 3 / 10));
            Collections.shuffle(deliveries, new Random(7));

            AtomicBoolean killed = new AtomicBoolean();
            storm(first, deliveries, push -> acknowledged.add(push.checkout()), () -> {
                if (acknowledged.size() >= PAYMENTS * 4 / 10 && killed.compareAndSet(false, true)) {
                    first.killHard();
                }
            });
            assertThat(killed).as("killed mid-storm").isTrue();
        }
        assertThat(acknowledged.size()).isBetween(PAYMENTS * 4 / 10, PAYMENTS - 1);

        long creditedBeforeRestart = credited(acknowledged);
        long jobsLeft = database().queryForObject("select count(*) from act_ru_job", Long.class);
        long jobsLocked = database().queryForObject("select count(*) from act_ru_job where lock_owner_ is not null",
                Long.class);
        try (var second = start()) {
            System.out.printf("Crash test: %d callbacks acknowledged before the kill, %d of them credited by then;"
                    + " %d jobs left, %d locked by the dead node%n", acknowledged.size(), creditedBeforeRestart,
                    jobsLeft, jobsLocked);
            await("every acknowledged callback credited after the restart").atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> credited(acknowledged) == acknowledged.size());
            assertExactlyOnce();

            // the sender delivers everything again: acknowledged ones stay credited once, the rest complete
            storm(second, pushes, push -> { }, () -> { });
            await("every payment credited").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> database().queryForObject("select count(*) from payments", Long.class) == PAYMENTS
                            && database().queryForObject("""
                                    select count(*) from mpesa_callbacks where status = 'processed'""", Long.class)
                            == PAYMENTS);
            assertExactlyOnce();
            BigDecimal expected = pushes.stream().map(Push::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(database().queryForObject("select sum(balance) from wallet_balances", BigDecimal.class))
                    .isEqualByComparingTo(expected);
        }
    }

    ApplicationProcess start(String... settings) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(
                // jobs locked by a node that died are taken over once their lock expires: short here
                "--camunda.bpm.job-execution.lock-time-in-millis=5000", "--isp.payments.stk-query.enabled=false"));
        arguments.addAll(List.of(settings));
        return postgres.startApplication(arguments.toArray(String[]::new));
    }

    /** One company with ten clients and M-PESA, and the STK pushes it sent (seeded as the database owner). */
    List<Push> pushesOfACompany() {
        JdbcTemplate db = database();
        UUID company = db.queryForObject("""
                insert into isp_companies (name, slug, license_type, client_limit)
                values ('Crash Test ISP', 'crashtest', 'enterprise', 100) returning id""", UUID.class);
        db.update("""
                insert into mpesa_settings (isp_company_id, paybill_number, callback_token) values (?, '174379', ?)""",
                company, TOKEN);
        List<UUID> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(db.queryForObject("""
                    insert into clients (account_number, name, phone, address, county, sub_county, client_type,
                                         connection_type, monthly_rate, isp_company_id)
                    values (?, ?, '+254712345678', 'Ngong Rd', 'Nairobi', 'Kibra', 'individual', 'fiber', 2999, ?)
                    returning id""", UUID.class, "CR" + (1000 + i), "Crash Client " + i, company));
        }
        Random random = new Random(11);
        List<Push> pushes = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            var push = new Push("ws_CO_CRASH" + i, String.format("CRS%07d", i),
                    BigDecimal.valueOf(10 + random.nextInt(5000)).setScale(2));
            db.update("""
                    insert into mpesa_stk_requests (checkout_request_id, client_id, phone, amount, account_reference,
                                                    requested_by, isp_company_id)
                    values (?, ?, '+254712345678', ?, 'CR', 'crash', ?)""",
                    push.checkout(), clients.get(i % clients.size()), push.amount(), company);
            pushes.add(push);
        }
        return pushes;
    }

    /** Delivers callbacks from 8 threads; a refused connection (the node is dead) is not an acknowledgement. */
    static void storm(ApplicationProcess application, List<Push> deliveries,
            java.util.function.Consumer<Push> onAcknowledged, Runnable afterEach) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        for (Push push : deliveries) {
            senders.submit(() -> {
                var request = HttpRequest.newBuilder(URI.create(application.url("/api/payments/mpesa/callback/" + TOKEN)))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(callback(push))).build();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"ResultCode\":0")) {
                        onAcknowledged.accept(push);
                    }
                } catch (Exception deadNode) {
                    // not acknowledged: Daraja would not count it as delivered either
                }
                afterEach.run();
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    long credited(Set<String> checkouts) {
        return database().queryForObject("select count(*) from payments where reference_number = any (?)", Long.class,
                (Object) checkouts.toArray(String[]::new));
    }

    void assertExactlyOnce() {
        JdbcTemplate db = database();
        assertThat(db.queryForList("""
                select mpesa_receipt_number from wallet_transactions where transaction_type = 'payment'
                group by mpesa_receipt_number having count(*) > 1""", String.class)).as("receipts credited twice")
                .isEmpty();
        assertThat(db.queryForObject("select count(*) from payments", Long.class))
                .isEqualTo(db.queryForObject("select count(distinct mpesa_receipt_number) from payments", Long.class));
        assertThat(db.queryForObject("""
                select coalesce(sum(case when transaction_type in ('credit', 'payment') then amount else -amount end), 0)
                from wallet_transactions""", BigDecimal.class))
                .isEqualByComparingTo(db.queryForObject("select coalesce(sum(balance), 0) from wallet_balances",
                        BigDecimal.class));
    }

    /** The whole database, as the superuser sees it (row-level security does not apply to him). */
    static JdbcTemplate database() {
        return postgres.superuser();
    }

    static String callback(Push push) {
        return DarajaPayloads.stkSuccess(push.checkout(), push.receipt(), push.amount());
    }
}
