package io.ispflow.payments.process;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
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
 * Starts a {@code paymentReconciliation} for every payment in the inboxes ({@code mpesa_callbacks},
 * {@code bank_notifications}) that has none yet. The intake only commits the inbox row and answers, so
 * the sender's acknowledgement never waits for Camunda; the start follows at once (the intake wakes
 * the dispatcher after its commit) or, for rows left by a node that died, at the next sweep. A row is
 * claimed with {@code for update skip locked} and marked in the transaction that starts its process,
 * so each payment gets exactly one process, whichever node takes it.
 */
@Component
public class InboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxDispatcher.class);
    /** Failed starts after which a payment is parked (its row keeps the error) for an operator. */
    static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final ReconciliationProcess reconciliation;
    private final InboxDispatcherProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;

    InboxDispatcher(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions,
            ReconciliationProcess reconciliation, InboxDispatcherProperties properties) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.reconciliation = reconciliation;
        this.properties = properties;
    }

    private record Row(String table, UUID id, UUID company, ReconciliationProcess.ReceivedPayment payment) {
    }

    /** Wakes the dispatcher once the current transaction (which stored a payment) has committed. */
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

    /** Starts the processes of every undispatched payment, in batches; returns how many were started. */
    public int dispatchPending() {
        int started = 0;
        for (int batch = dispatchBatch(); batch > 0; batch = dispatchBatch()) {
            started += batch;
        }
        return started;
    }

    /**
     * One batch in one transaction. If a start fails, the batch is rolled back and its rows are started
     * one by one instead, so that one bad row holds up no other payment; it is parked after
     * {@link #MAX_ATTEMPTS} failures.
     */
    private int dispatchBatch() {
        try {
            Integer started = transactions.execute(status -> tenantScope.callPlatformWide(() -> {
                List<Row> rows = claim(properties.batch());
                rows.forEach(this::start);
                return rows.size();
            }));
            return started == null ? 0 : started;
        } catch (RuntimeException batchFailed) {
            log.warn("Starting a batch of payment reconciliations failed; starting them one by one", batchFailed);
            int started = 0;
            for (int i = 0; i < properties.batch(); i++) {
                Boolean one = startOneOrPark();
                if (one == null) {
                    break;
                }
                started += one ? 1 : 0;
            }
            return started;
        }
    }

    /** Starts the oldest undispatched payment alone; null when there is none, false when it failed. */
    private Boolean startOneOrPark() {
        List<Row> claimed = new java.util.ArrayList<>();
        try {
            return transactions.execute(status -> tenantScope.callPlatformWide(() -> {
                List<Row> rows = claim(1);
                if (rows.isEmpty()) {
                    return null;
                }
                claimed.add(rows.get(0));
                start(rows.get(0));
                return true;
            }));
        } catch (RuntimeException failed) {
            if (claimed.isEmpty()) {
                throw failed;
            }
            Row row = claimed.get(0);
            log.error("Could not start the reconciliation of payment {} ({})", row.id(), row.table(), failed);
            transactions.executeWithoutResult(status -> tenantScope.callPlatformWide(() -> jdbc.update(
                    "update " + row.table() + " set dispatch_attempts = dispatch_attempts + 1, dispatch_error = ?"
                            + " where id = ?", String.valueOf(failed), row.id())));
            return false;
        }
    }

    private void start(Row row) {
        tenantScope.runAs(row.company(), () -> reconciliation.start(row.payment()));
        jdbc.update("update " + row.table() + " set dispatched_at = now(), dispatch_error = null where id = ?", row.id());
    }

    private List<Row> claim(int limit) {
        int half = Math.max(1, limit / 2);
        List<Row> rows = new java.util.ArrayList<>(jdbc.query("""
                select id, kind, checkout_request_id, result_code, result_description, mpesa_receipt_number, amount,
                       phone, bill_reference, isp_company_id
                from mpesa_callbacks where dispatched_at is null and dispatch_attempts < ?
                order by received_at limit ? for update skip locked""", (rs, n) -> {
                    boolean paybill = "c2b_confirmation".equals(rs.getString("kind"));
                    return new Row("mpesa_callbacks", rs.getObject("id", UUID.class),
                            rs.getObject("isp_company_id", UUID.class), new ReconciliationProcess.ReceivedPayment(
                                    rs.getObject("id", UUID.class),
                                    paybill ? ReconciliationProcess.MPESA_PAYBILL : ReconciliationProcess.MPESA_STK,
                                    rs.getString("result_code"), rs.getString("result_description"),
                                    rs.getString("mpesa_receipt_number"), rs.getObject("amount", BigDecimal.class),
                                    rs.getString("phone"), rs.getString("checkout_request_id"),
                                    rs.getString("bill_reference")));
                }, MAX_ATTEMPTS, half));
        if (rows.size() >= limit) {
            return rows;
        }
        rows.addAll(jdbc.query("""
                select id, bank_reference, customer_reference, amount, payer_phone, isp_company_id
                from bank_notifications where dispatched_at is null and dispatch_attempts < ?
                order by received_at limit ? for update skip locked""", (rs, n) -> new Row("bank_notifications",
                rs.getObject("id", UUID.class), rs.getObject("isp_company_id", UUID.class),
                new ReconciliationProcess.ReceivedPayment(rs.getObject("id", UUID.class), ReconciliationProcess.BANK,
                        "0", "Bank payment", null, rs.getObject("amount", BigDecimal.class), rs.getString("payer_phone"),
                        rs.getString("bank_reference"), rs.getString("customer_reference"))), MAX_ATTEMPTS,
                limit - rows.size()));
        return rows;
    }

    @Override
    public void start() {
        if (!properties.background()) {
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
                    log.warn("Dispatching received payments failed; trying again shortly", e);
                }
            }
        }, "payment-inbox-dispatcher");
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
