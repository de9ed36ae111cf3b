package io.ispflow.messaging.delivery;

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Sends one channel's queued client messages, of every company with an active account for the channel,
 * on every node; the channel's {@link ChannelSender} hands each message to its gateway:
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
 * the same id for the gateway or the recipient's mail system to recognise it (the SMS gateway's
 * {@code Idempotency-Key}, the e-mail's {@code Message-ID}).
 *
 * @param <A> the channel's account, decrypted for sending
 */
public class MessageDispatcher<A> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TenantScope tenantScope;
    private final ChannelSender<A> sender;
    private final DispatchPolicy policy;
    private final GatewayAccounts accounts;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<UUID, Pace> paces = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();

    protected MessageDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, TenantScope tenantScope,
            ChannelSender<A> sender, DispatchPolicy policy, GatewayAccounts accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tenantScope = tenantScope;
        this.sender = sender;
        this.policy = policy;
    }

    /** Wakes the workers once the current transaction (which queued a message) has committed. */
    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUps.release(policy.workers());
                }
            });
        } else {
            wakeUps.release(policy.workers());
        }
    }

    /** Sends every message due now, batch after batch, on the calling thread; returns how many were tried. */
    public int dispatchPending() {
        int tried = 0;
        for (List<OutboundMessage> batch = claim(); !batch.isEmpty(); batch = claim()) {
            batch.forEach(this::send);
            tried += batch.size();
        }
        return tried;
    }

    /**
     * Claims a batch of due messages for this node, committed before it returns: each is {@code sending},
     * its attempt counted, and leased until {@code now + lease}.
     */
    public List<OutboundMessage> claim() {
        return transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.query("""
                with due as (
                    select m.id from outbound_messages m
                    where m.channel = ? and m.status in ('queued', 'sending') and m.next_attempt_at <= now()
                      and %s
                    order by m.next_attempt_at limit ? for update of m skip locked)
                update outbound_messages m set status = 'sending', attempts = m.attempts + 1,
                       next_attempt_at = now() + ? * interval '1 millisecond', updated_at = now()
                from due where m.id = due.id
                returning m.id, m.isp_company_id, m.recipient, m.subject, m.body, m.purpose, m.attempts"""
                .formatted(sender.hasActiveAccount()),
                (rs, n) -> new OutboundMessage(rs.getObject("id", UUID.class),
                        rs.getObject("isp_company_id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("purpose"), rs.getInt("attempts")),
                sender.channel(), policy.batch(), policy.lease().toMillis())));
    }

    private void send(OutboundMessage message) {
        MessageParts parts = sender.parts(message);
        SendOutcome outcome;
        try {
            Optional<A> account = accounts.get(sender.channel(), message.companyId(),
                    () -> tenantScope.callAs(message.companyId(), sender::account));
            if (account.isEmpty()) {
                outcome = SendOutcome.retry("the company's " + sender.accountName() + " account was switched off", 0);
            } else {
                pace(message.companyId());
                outcome = sender.send(account.get(), message);
            }
        } catch (RuntimeException e) {
            log.warn("Sending {} {} failed", sender.channel(), message.id(), e);
            outcome = SendOutcome.retry("not sent: " + e.getClass().getSimpleName(), 0);
        }
        record(message, outcome, parts);
    }

    /** Commits what the attempt came to, unless the lease ran out and another attempt took the message meanwhile. */
    private void record(OutboundMessage message, SendOutcome outcome, MessageParts parts) {
        boolean lastAttempt = message.attempt() >= policy.maxAttempts();
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
        Instant next = Instant.now().plus(policy.retryAfter(message.attempt()));
        tenantScope.runAs(message.companyId(), () -> transactions.executeWithoutResult(tx -> {
            withoutWaitingForTheDisk();
            int updated = jdbc.update("""
                    update outbound_messages set status = ?, gateway_message_id = coalesce(?, gateway_message_id),
                           cost = coalesce(?, cost), failure_reason = ?, segments = ?, encoding = ?,
                           sent_at = case when ? then now() else sent_at end,
                           next_attempt_at = case when ? = 'queued' then ? else next_attempt_at end, updated_at = now()
                    where id = ? and status = 'sending' and attempts = ?""",
                    status, outcome.messageId(), outcome.cost(), truncate(reason, 200), parts.segments(),
                    parts.encoding(), outcome.kind() == SendOutcome.Kind.ACCEPTED, status, Timestamp.from(next),
                    message.id(), message.attempt());
            if (updated == 1) {
                var metadata = new HashMap<String, Object>();
                metadata.put("attempt", message.attempt());
                metadata.put("statusCode", outcome.statusCode());
                metadata.put("segments", parts.segments());
                metadata.put("encoding", parts.encoding());
                metadata.put("messageId", outcome.messageId());
                metadata.put("cost", outcome.cost());
                metadata.put("reason", reason);
                metadata.put("nextAttemptAt", "queued".equals(status) ? next.toString() : null);
                DeliveryLog.write(jdbc, sender.channel(), message.id(), message.purpose(), message.recipient(), logged,
                        metadata, message.companyId());
            }
        }));
    }

    /**
     * An outcome's commit does not wait for PostgreSQL to flush it to disk
     * ({@code synchronous_commit = off}, this transaction only): at one commit per message, waiting for
     * the disk is most of what sending costs. Only a crash of PostgreSQL itself can lose such a commit
     * (the last few hundred milliseconds of them); the message is then still {@code sending} and goes out
     * again when its lease runs out, with the same id. A crash of the application loses nothing.
     */
    private void withoutWaitingForTheDisk() {
        jdbc.execute("set local synchronous_commit = off");
    }

    /** Spaces a company's sends to at most {@code perSecond} from this node. */
    private void pace(UUID companyId) {
        long wait = paces.computeIfAbsent(companyId, id -> new Pace(1_000_000_000L / policy.perSecond())).reserve();
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
        if (!policy.background()) {
            return;
        }
        for (int i = 1; i <= policy.workers(); i++) {
            Thread worker = new Thread(this::work, sender.channel() + "-dispatcher-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wakeUps.tryAcquire(policy.sweep().toMillis(), TimeUnit.MILLISECONDS);
                // claiming before the route runs would spend an attempt and a back-off on each message claimed
                if (sender.ready()) {
                    dispatchPending();
                }
            } catch (InterruptedException stopping) {
                return;
            } catch (RuntimeException e) {
                // the messages stay queued or leased, and are taken at a later sweep
                log.warn("Sending queued {} messages failed; trying again shortly", sender.channel(), e);
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
