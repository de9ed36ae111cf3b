package io.ispflow.platform.locks;

import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.stereotype.Component;

/**
 * Work that runs on one node at a time when several nodes share the database: scheduled jobs take the
 * named cluster lock ({@code int_lock}) for their run, and a node that finds it taken skips its run.
 * A lock of a node that died holding it frees itself after the registry's time to live; work that may
 * run longer calls {@link #stillRunning()} now and then.
 *
 * <pre>{@code singletonWork.runIfFree("payments.late-stk-answers", this::queryDuePushes);}</pre>
 */
@Component
public class SingletonWork {

    private static final Logger log = LoggerFactory.getLogger(SingletonWork.class);
    private static final ThreadLocal<String> HELD = new ThreadLocal<>();

    private final JdbcLockRegistry locks;

    public SingletonWork(JdbcLockRegistry clusterLockRegistry) {
        this.locks = clusterLockRegistry;
    }

    /** Runs the work under the cluster lock of that name if no node holds it; false if it was skipped. */
    public boolean runIfFree(String lockName, Runnable work) {
        Lock lock = locks.obtain(lockName);
        if (!lock.tryLock()) {
            log.debug("{} is running on another node; skipped here", lockName);
            return false;
        }
        String outer = HELD.get();
        HELD.set(lockName);
        try {
            work.run();
            return true;
        } finally {
            HELD.set(outer);
            if (outer == null) {
                HELD.remove();
            }
            lock.unlock();
        }
    }

    /** Renews the lock held by this thread's singleton work, so that a long run keeps it past its time to live. */
    public void stillRunning() {
        String held = HELD.get();
        if (held != null) {
            locks.renewLock(held);
        }
    }
}
