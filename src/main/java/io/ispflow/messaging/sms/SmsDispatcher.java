package io.ispflow.messaging.sms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Sends the queued SMS of every company with an active gateway account, on every node:
 * <ol>
 * <li>a worker claims a few due messages ({@code for update skip locked}, so no two nodes take the same
 * one), marks them {@code sending} with a lease and counts the attempt, and commits;</li>
 * <li>it sends them one at a time, within the company's rate, and commits each outcome at once:
 * {@code sent} with the gateway's message id; back to {@code queued} with a later attempt (doubling
 * waits) after a timeout, a 5xx or a refusal that may pass; {@code failed} after a refusal for good or
 * the last attempt. Every attempt is written to {@code notification_logs}.</li>
 * </ol>
 * A node that dies leaves its claimed messages {@code sending}; when their lease runs out another node
 * sends them. Only a message whose send the gateway took but whose outcome was not committed yet can
 * go out twice: at most one per worker of the node that died, and every attempt of a message carries
 * the same {@code Idempotency-Key} for the gateway to recognise it.
 */
@Component
public class SmsDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TenantScope tenantScope;
    private final SmsGatewaySettings settings;
    private final AfricasTalkingClient gateway;
    private final SmsDispatchProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<UUID, Pace> paces = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();

    SmsDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenantScope,
            SmsGatewaySettings settings, AfricasTalkingClient gateway, SmsDispatchProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenantScope = tenantScope;
        this.settings = settings;
        this.gateway = gateway;
        this.properties = properties;
    }

    /** A claimed message: the attempt it is on. */
    record Claimed(UUID id, UUID companyId, String recipient, String body, String purpose, int attempt) {
    }

    /** Wakes the workers once the current transaction (which queued a message) has committed. */
    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUps.release(properties.workers());
                }
            });
        } else {
            wakeUps.release(properties.workers());
        }
    }

    /** Sends every message due now, batch after batch, on the calling thread; returns how many were tried. */
    public int dispatchPending() {
        int tried = 0;
        for (List<Claimed> batch = claim(); !batch.isEmpty(); batch = claim()) {
            // each company's account is read and decrypted once per batch, not once per message
            Map<UUID, Optional<SmsCredentials>> accounts = new HashMap<>();
            batch.forEach(message -> send(message, accounts));
            tried += batch.size();
        }
        return tried;
    }

    List<Claimed> claim() {
        return transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.query("""
                with due as (
                    select m.id from outbound_messages m
                    where m.channel = 'sms' and m.status in ('queued', 'sending') and m.next_attempt_at <= now()
                      and exists (select 1 from sms_gateway_settings g where g.isp_company_id = m.isp_company_id
                                  and g.is_active and g.api_key is not null)
                    order by m.next_attempt_at limit ? for update of m skip locked)
                update outbound_messages m set status = 'sending', attempts = m.attempts + 1,
                       next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now()
                from due where m.id = due.id
                returning m.id, m.isp_company_id, m.recipient, m.body, m.purpose, m.attempts""",
                (rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("isp_company_id", UUID.class),
                        rs.getString("recipient"), rs.getString("body"), rs.getString("purpose"), rs.getInt("attempts")),
                properties.batch(), properties.lease().toMillis())));
    }

    private void send(Claimed message, Map<UUID, Optional<SmsCredentials>> accounts) {
        SmsSegments segments = SmsSegments.of(message.body());
        SendOutcome outcome;
        try {
            Optional<SmsCredentials> account = accounts.computeIfAbsent(message.companyId(),
                    company -> tenantScope.callAs(company, settings::credentials));
            if (account.isEmpty()) {
                outcome = SendOutcome.retry("the company's SMS gateway account was switched off", 0);
            } else {
                pace(message.companyId());
                outcome = gateway.send(account.get(), message.recipient(), message.body(), message.id().toString());
            }
        } catch (RuntimeException e) {
            log.warn("Sending SMS {} failed", message.id(), e);
            outcome = SendOutcome.retry("not sent: " + e.getClass().getSimpleName(), 0);
        }
        record(message, outcome, segments);
    }

    /** Commits what the attempt came to, unless the lease ran out and another attempt took the message meanwhile. */
    private void record(Claimed message, SendOutcome outcome, SmsSegments segments) {
        boolean lastAttempt = message.attempt() >= properties.maxAttempts();
        String status = switch (outcome.kind()) {
            case ACCEPTED -> "sent";
            case REJECTED -> "failed";
            case RETRY -> lastAttempt ? "failed" : "queued";
        };
        String logged = switch (outcome.kind()) {
            case ACCEPTED -> "sent";
            case REJECTED -> "rejected";
            case RETRY -> lastAttempt ? "gave_up" : "retry";
        };
        String reason = outcome.reason() == null ? null
                : lastAttempt && outcome.kind() == SendOutcome.Kind.RETRY
                        ? "gave up after " + message.attempt() + " attempts: " + outcome.reason() : outcome.reason();
        Instant next = Instant.now().plus(properties.retryAfter(message.attempt()));
        tenantScope.runAs(message.companyId(), () -> transactions.executeWithoutResult(tx -> {
            int updated = jdbc.update("""
                    update outbound_messages set status = ?, gateway_message_id = coalesce(?, gateway_message_id),
                           cost = coalesce(?, cost), failure_reason = ?, segments = ?, encoding = ?,
                           sent_at = case when ? then now() else sent_at end,
                           next_attempt_at = case when ? = 'queued' then ? else next_attempt_at end, updated_at = now()
                    where id = ? and status = 'sending' and attempts = ?""",
                    status, outcome.messageId(), outcome.cost(), truncate(reason, 200), segments.segments(),
                    segments.encoding(), outcome.kind() == SendOutcome.Kind.ACCEPTED, status, Timestamp.from(next),
                    message.id(), message.attempt());
            if (updated == 1) {
                var metadata = new HashMap<String, Object>();
                metadata.put("attempt", message.attempt());
                metadata.put("statusCode", outcome.statusCode());
                metadata.put("segments", segments.segments());
                metadata.put("encoding", segments.encoding());
                metadata.put("messageId", outcome.messageId());
                metadata.put("cost", outcome.cost());
                metadata.put("reason", reason);
                metadata.put("nextAttemptAt", "queued".equals(status) ? next.toString() : null);
                DeliveryLog.write(jdbc, message.id(), message.purpose(), message.recipient(), logged, metadata,
                        message.companyId());
            }
        }));
    }

    /** Spaces a company's sends to at most {@code perSecond} from this node. */
    private void pace(UUID companyId) {
        long wait = paces.computeIfAbsent(companyId, id -> new Pace(1_000_000_000L / properties.perSecond())).reserve();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next free sending slot of one company. */
    private static final class Pace {
        private final long interval;
        private long next;

        Pace(long interval) {
            this.interval = interval;
        }

        /** Takes the next slot; returns how long to wait for it, in nanoseconds. */
        synchronized long reserve() {
            long now = System.nanoTime();
            long slot = Math.max(now, next);
            next = slot + interval;
            return slot - now;
        }
    }

    @Override
    public void start() {
        if (!properties.background()) {
            return;
        }
        for (int i = 1; i <= properties.workers(); i++) {
            Thread worker = new Thread(this::work, "sms-dispatcher-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wakeUps.tryAcquire(properties.sweep().toMillis(), TimeUnit.MILLISECONDS);
                // claiming before the route runs would spend an attempt and a back-off on each message claimed
                if (gateway.ready()) {
                    dispatchPending();
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                // the messages stay queued or leased, and are taken at a later sweep
                log.warn("Sending queued SMS failed; trying again shortly", e);
            }
        }
    }

    @Override
    public void stop() {
        workers.forEach(Thread::interrupt);
        for (Thread worker : workers) {
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
