package io.ispflow.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Dispatches the messages of every {@link Inbox} bean. A receiver only commits its inbox row and
 * answers, so the sender's acknowledgement never waits for what follows; the dispatch follows at once
 * (the receiver wakes the dispatcher after its commit) or, for rows left by a node that died, at the
 * next sweep. A row is claimed with {@code for update skip locked} and marked in the transaction that
 * dispatches it, so each message is dispatched exactly once, whichever node takes it.
 */
@Component
public class InboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);

    private final List<Inbox<?>> inboxes;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final InboxDispatcherProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;

    InboxDispatcher(List<Inbox<?>> inboxes, TenantScope tenantScope, TransactionTemplate transactions,
            InboxDispatcherProperties properties) {
        this.inboxes = List.copyOf(inboxes);
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** A claimed message with the inbox it came from. */
    private record Claimed<M>(Inbox<M> inbox, Inbox.Message<M> message) {

        void dispatch(TenantScope tenantScope) {
            tenantScope.runAs(message.companyId(), () -> inbox.dispatch(message.content()));
            inbox.markDispatched(message.id());
        }
    }

    /** Wakes the dispatcher once the current transaction (which stored a message) has committed. */
    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUps.release();
                }
            });
        } else {
            wakeUps.release();
        }
    }

    /** Dispatches every pending message, in batches; returns how many were dispatched. */
    public int dispatchPending() {
        int dispatched = 0;
        for (int batch = dispatchBatch(); batch > 0; batch = dispatchBatch()) {
            dispatched += batch;
        }
        return dispatched;
    }

    /**
     * One batch in one transaction. If a dispatch fails, the batch is rolled back and its messages are
     * dispatched one by one instead, so that one bad message holds up no other; it is parked after
     * {@code maxAttempts} failures.
     */
    private int dispatchBatch() {
        try {
            Integer dispatched = transactions.execute(status -> tenantScope.callPlatformWide(() -> {
                List<Claimed<?>> claimed = claim(properties.batch());
                claimed.forEach(message -> message.dispatch(tenantScope));
                return claimed.size();
            }));
            return dispatched == null ? 0 : dispatched;
        } catch (RuntimeException batchFailed) {
            log.warn("Dispatching a batch of inbox messages failed; dispatching them one by one", batchFailed);
            int dispatched = 0;
            for (int i = 0; i < properties.batch(); i++) {
                Optional<Boolean> one = dispatchOneOrCountFailure();
                if (one.isEmpty()) {
                    break;
                }
                dispatched += one.get() ? 1 : 0;
            }
            return dispatched;
        }
    }

    /** Dispatches the oldest pending message alone: empty when there is none, false when it failed. */
    private Optional<Boolean> dispatchOneOrCountFailure() {
        List<Claimed<?>> claimed = new ArrayList<>();
        try {
            return transactions.execute(status -> tenantScope.callPlatformWide(() -> {
                claimed.addAll(claim(1));
                claimed.forEach(message -> message.dispatch(tenantScope));
                return claimed.isEmpty() ? Optional.<Boolean>empty() : Optional.of(true);
            }));
        } catch (RuntimeException failed) {
            if (claimed.isEmpty()) {
                throw failed;
            }
            Claimed<?> message = claimed.get(0);
            log.error("Could not dispatch message {} of inbox {}", message.message().id(), message.inbox().name(),
                    failed);
            transactions.executeWithoutResult(status -> tenantScope.callPlatformWide(() -> {
                message.inbox().recordFailedAttempt(message.message().id(), String.valueOf(failed));
                return null;
            }));
            return Optional.of(false);
        }
    }

    /** Up to {@code limit} messages, each inbox its share first and the last inbox the rest. */
    private List<Claimed<?>> claim(int limit) {
        List<Claimed<?>> claimed = new ArrayList<>();
        int share = Math.max(1, limit / Math.max(1, inboxes.size()));
        for (int i = 0; i < inboxes.size() && claimed.size() < limit; i++) {
            int left = limit - claimed.size();
            claimed.addAll(claimFrom(inboxes.get(i), i == inboxes.size() - 1 ? left : Math.min(share, left)));
        }
        return claimed;
    }

    private <M> List<Claimed<?>> claimFrom(Inbox<M> inbox, int limit) {
        return inbox.claim(limit, properties.maxAttempts()).stream()
                .<Claimed<?>>map(message -> new Claimed<>(inbox, message)).toList();
    }

    @Override
    public void start() {
        if (!properties.background() || inboxes.isEmpty()) {
            return;
        }
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    wakeUps.tryAcquire(properties.sweep().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                    dispatchPending();
                } catch (InterruptedException stopping) {
                    return;
                } catch (RuntimeException e) {
                    // the rows stay undispatched and are taken at the next sweep
                    log.warn("Dispatching inbox messages failed; trying again shortly", e);
                }
            }
        }, "inbox-dispatcher");
        thread.setDaemon(true);
        thread.start();
        worker = thread;
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
