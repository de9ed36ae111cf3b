package io.ispflow.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.ispflow.platform.secrets.TestSecrets;
import io.ispflow.testing.ApplicationProcess;
import io.ispflow.testing.SeparateDatabase;
import io.ispflow.testing.SmsGatewayPeer;
import io.ispflow.testing.SmsGatewayPeer.Answer;

/**
 * A storm of 5,000 queued SMS against a gateway that answers one request in five with a 500, a 503 or
 * too late, while the application is killed ({@code kill -9}) once mid-run and started again on the
 * same database: every message is taken by the gateway and ends {@code sent}, and no more go out twice
 * than the duplicate window allows.
 * <p>
 * The window (docs/integrations.md): only a message the gateway took whose outcome was not committed
 * when its node died is sent again, and each worker has one message in flight; so at most
 * {@value #WORKERS} (workers) × 1 (nodes killed). Messages the dead node had claimed but not sent are
 * sent once, after their lease.
 */
class SmsStormIntegrationTests {

    static final int MESSAGES = 5_000;
    static final int COMPANIES = 5;
    static final int WORKERS = 4;
    static final long SEED = 19;
    static final Duration CLIENT_TIMEOUT = Duration.ofMillis(500);

    static SeparateDatabase postgres;
    static SmsGatewayPeer gateway;

    @BeforeAll
    static void aDatabaseThatOutlivesTheApplicationAndAFlakyGateway() throws Exception {
        postgres = SeparateDatabase.start();
        gateway = SmsGatewayPeer.start(SmsStormIntegrationTests::oneInFiveFails, CLIENT_TIMEOUT.multipliedBy(3),
                accepted -> { });
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        postgres.close();
    }

    /** Seeded per message and attempt: 7% HTTP 500, 7% HTTP 503, 6% an answer after the client gave up. */
    static Answer oneInFiveFails(String idempotencyKey, int request) {
        int roll = new Random(SEED * 31 * 31 + idempotencyKey.hashCode() * 31L + request).nextInt(100);
        return roll < 7 ? Answer.ERROR_500 : roll < 14 ? Answer.ERROR_503 : roll < 20 ? Answer.TOO_SLOW : Answer.ACCEPT;
    }

    @Test
    void everyMessageIsTakenOnceOrWithinTheDuplicateWindowAfterAHardKill() throws Exception {
        long started = System.nanoTime();
        Set<String> queued;
        int takenBeforeKill;
        long killedAt;
        long restartedAt;
        try (var first = start()) {
            queued = queueMessagesOfSeveralCompanies();
            await("a third of the messages taken").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> gateway.acceptedKeys().size() >= MESSAGES / 3);
            first.killHard();
            killedAt = System.nanoTime();
            takenBeforeKill = gateway.acceptedKeys().size();
        }
        assertThat(takenBeforeKill).as("killed mid-run").isLessThan(MESSAGES);
        Map<String, Long> leftByTheDeadNode = statuses();

        try (var second = start()) {
            restartedAt = System.nanoTime();
            await("every message sent after the restart").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> statuses().keySet().stream().noneMatch(s -> s.equals("queued") || s.equals("sending")));
        }

        int duplicates = gateway.acceptances() - gateway.acceptedKeys().size();
        System.out.printf("SMS storm: %d messages, %d requests to the gateway, %d taken before the kill (statuses"
                + " then %s), %d taken twice %s, attempts logged %s; killed after %.1f s, ready again %.1f s later, all sent"
                + " %.1f s after that%n", MESSAGES, gateway.requests(), takenBeforeKill, leftByTheDeadNode, duplicates,
                gateway.acceptedMoreThanOnce(), attemptsLogged(), (killedAt - started) / 1e9,
                (restartedAt - killedAt) / 1e9, (System.nanoTime() - restartedAt) / 1e9);

        assertThat(statuses()).as("every message sent, none failed or left").isEqualTo(Map.of("sent", (long) MESSAGES));
        assertThat(gateway.acceptedKeys()).as("every message taken by the gateway").isEqualTo(queued);
        assertThat(duplicates).as("messages taken twice: at most one per worker of the node killed")
                .isLessThanOrEqualTo(WORKERS);
        assertThat(gateway.acceptedMoreThanOnce().values()).as("none more than twice").allMatch(times -> times == 2);
        assertThat(database().queryForMap("""
                select count(*) as lines, count(distinct message_id) as messages from notification_logs
                where status = 'sent'""")).as("one committed success per message")
                .isEqualTo(Map.of("lines", (long) MESSAGES, "messages", (long) MESSAGES));
        long logged = database().queryForObject("select count(*) from notification_logs", Long.class);
        assertThat(gateway.requests() - logged).as("requests whose outcome died with the node").isBetween(0L,
                (long) WORKERS);
    }

    /**
     * The application with short waits: the gateway's timeout, the first retry and the lease, and a
     * company rate that is not what this measures.
     */
    ApplicationProcess start() throws Exception {
        return postgres.startApplication(
                "--isp.messaging.africastalking.sandbox-url=" + gateway.baseUrl(),
                "--isp.messaging.africastalking.timeout=PT" + CLIENT_TIMEOUT.toMillis() / 1000.0 + "S",
                "--isp.messaging.sms.workers=" + WORKERS,
                "--isp.messaging.sms.sweep=PT0.2S",
                // longer than a worker's batch of 10 can take when every send times out
                "--isp.messaging.sms.lease=PT10S",
                "--isp.messaging.sms.first-retry=PT0.2S",
                "--isp.messaging.sms.max-retry=PT2S",
                "--isp.messaging.sms.max-attempts=20",
                "--isp.messaging.sms.per-second=1000");
    }

    /** Companies with an Africa's Talking account and their queued SMS, seeded as the database owner; the ids. */
    Set<String> queueMessagesOfSeveralCompanies() {
        JdbcTemplate db = database();
        List<UUID> companies = new ArrayList<>();
        for (int c = 0; c < COMPANIES; c++) {
            UUID company = db.queryForObject("""
                    insert into isp_companies (name, slug, license_type, client_limit)
                    values (?, ?, 'enterprise', 100) returning id""", UUID.class, "Storm ISP " + c, "storm" + c);
            db.update("""
                    insert into sms_gateway_settings (isp_company_id, username, api_key, sender_id, environment,
                                                      callback_token)
                    values (?, 'sandbox', ?, 'STORM', 'sandbox', ?)""",
                    company, TestSecrets.encrypt("atsk-storm-" + c), "storm-token-" + UUID.randomUUID());
            companies.add(company);
        }
        // one statement: the running dispatcher finds them all due at once
        return new HashSet<>(db.queryForList("""
                insert into outbound_messages (channel, recipient, body, purpose, isp_company_id)
                select 'sms', '+2547' || lpad(i::text, 8, '0'), 'Storm message ' || i || ': your receipt is ready.',
                       'payment_receipt', (?::uuid[])[i % ? + 1]
                from generate_series(0, ? - 1) i
                returning id::text""", String.class, companies.stream().map(UUID::toString).toArray(String[]::new), COMPANIES,
                MESSAGES));
    }

    Map<String, Long> statuses() {
        Map<String, Long> statuses = new java.util.TreeMap<>();
        database().query("select status, count(*) from outbound_messages group by status",
                rs -> {
                    statuses.put(rs.getString(1), rs.getLong(2));
                });
        return statuses;
    }

    /** The attempts in the messages' logs, by what they came to (and why, for a retry). */
    Map<String, Long> attemptsLogged() {
        Map<String, Long> attempts = new java.util.TreeMap<>();
        database().query("""
                select status || coalesce(': ' || (metadata->>'reason'), ''), count(*) from notification_logs
                group by 1""", rs -> {
                    attempts.put(rs.getString(1), rs.getLong(2));
                });
        return attempts;
    }

    static JdbcTemplate database() {
        return postgres.superuser();
    }
}
