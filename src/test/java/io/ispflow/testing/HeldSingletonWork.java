package io.ispflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ispflow.platform.locks.SingletonWork;

/**
 * Singleton work running on a node, in a thread of its own, until the test lets it finish: meanwhile
 * it holds its cluster lock and calls {@code meanwhile} every 200 ms.
 */
public final class HeldSingletonWork {

    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch finish = new CountDownLatch(1);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Boolean> ran;

    private HeldSingletonWork(SingletonWork node, String lockName, Runnable meanwhile) {
        ran = thread.submit(() -> node.runIfFree(lockName, () -> {
            running.countDown();
            while (!awaitFinish(Duration.ofMillis(200))) {
                meanwhile.run();
            }
        }));
    }

    /** Starts the work and returns once it runs (it took the lock). */
    public static HeldSingletonWork start(SingletonWork node, String lockName, Runnable meanwhile)
            throws InterruptedException {
        var work = new HeldSingletonWork(node, lockName, meanwhile);
        assertThat(work.running.await(30, TimeUnit.SECONDS)).as("the work runs").isTrue();
        return work;
    }

    /** Lets the work finish; whether it ran. */
    public boolean finish() throws Exception {
        finish.countDown();
        try {
            return ran.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdown();
        }
    }

    private boolean awaitFinish(Duration atMost) {
        try {
            return finish.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
