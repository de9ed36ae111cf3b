package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import io.ispflow.platform.locks.SingletonWork;
import io.ispflow.testing.HeldSingletonWork;
import io.ispflow.testing.IntegrationTest;

/**
 * Two nodes sharing the database never hold the same cluster lock at once; singleton work runs on one
 * of them, and a node that dies holding a lock blocks the others only for the lock's time to live.
 */
@IntegrationTest
class ClusterLockIntegrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcLockRegistry applicationRegistry;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoContendingNodesNeverHoldTheSameLockTogether() throws Exception {
        JdbcLockRegistry nodeA = node();
        JdbcLockRegistry nodeB = node();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger mostHoldersAtOnce = new AtomicInteger();
        AtomicInteger acquisitions = new AtomicInteger();
        String lockName = "invoice-run-" + System.nanoTime();

        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            JdbcLockRegistry registry = t % 2 == 0 ? nodeA : nodeB;
            threads.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    Lock lock = registry.obtain(lockName);
                    lock.lock();
                    try {
                        mostHoldersAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
                        acquisitions.incrementAndGet();
                        Thread.onSpinWait();
                        holders.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                }
                return null;
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

        assertThat(acquisitions.get()).isEqualTo(60);
        assertThat(mostHoldersAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aLockHeldByOneNodeIsRefusedToAnother() throws Exception {
        String lockName = "snmp-poll-" + System.nanoTime();
        Lock onNodeA = node().obtain(lockName);
        Lock onNodeB = applicationRegistry.obtain(lockName);

        assertThat(onNodeA.tryLock()).isTrue();
        try {
            var otherThread = Executors.newSingleThreadExecutor();
            assertThat(otherThread.submit(() -> onNodeB.tryLock(200, TimeUnit.MILLISECONDS)).get()).isFalse();
            otherThread.shutdown();
        } finally {
            onNodeA.unlock();
        }
        assertThat(onNodeB.tryLock()).isTrue();
        onNodeB.unlock();
    }

    @Test
    void singletonWorkRunsOnOneNodeWhileTheOtherSkipsIt() throws Exception {
        String lockName = "singleton-work-" + System.nanoTime();
        SingletonWork nodeA = new SingletonWork(node());
        SingletonWork nodeB = new SingletonWork(node());
        AtomicInteger runsOnB = new AtomicInteger();

        HeldSingletonWork onA = HeldSingletonWork.start(nodeA, lockName, () -> { });
        assertThat(nodeB.runIfFree(lockName, runsOnB::incrementAndGet)).as("B while A runs").isFalse();
        assertThat(runsOnB).hasValue(0);

        assertThat(onA.finish()).isTrue();
        assertThat(nodeB.runIfFree(lockName, runsOnB::incrementAndGet)).as("B once A is done").isTrue();
        assertThat(runsOnB).hasValue(1);
    }

    @Test
    void theLockOfANodeThatDiedFreesItselfAfterItsTimeToLive() {
        String lockName = "singleton-work-" + System.nanoTime();
        Duration timeToLive = Duration.ofSeconds(1);
        Lock heldByDeadNode = node(timeToLive).obtain(lockName);
        assertThat(heldByDeadNode.tryLock()).isTrue();
        // the node dies: it never unlocks
        SingletonWork survivor = new SingletonWork(node(timeToLive));
        AtomicInteger runs = new AtomicInteger();

        assertThat(survivor.runIfFree(lockName, runs::incrementAndGet)).isFalse();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> survivor.runIfFree(lockName, runs::incrementAndGet));
        assertThat(runs).hasValue(1);
    }

    @Test
    void workRunningLongerThanTheTimeToLiveKeepsItsLockBySayingSo() throws Exception {
        String lockName = "singleton-work-" + System.nanoTime();
        Duration timeToLive = Duration.ofSeconds(1);
        SingletonWork nodeA = new SingletonWork(node(timeToLive));
        SingletonWork nodeB = new SingletonWork(node(timeToLive));
        AtomicInteger runsOnB = new AtomicInteger();

        HeldSingletonWork onA = HeldSingletonWork.start(nodeA, lockName, nodeA::stillRunning);
        // for several times the time to live, B is refused all along
        await().during(Duration.ofMillis(3_000)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> !nodeB.runIfFree(lockName, runsOnB::incrementAndGet));

        assertThat(onA.finish()).isTrue();
        assertThat(runsOnB).hasValue(0);
    }

    /** A second node: its own lock repository (own client id) on the same database. */
    private JdbcLockRegistry node() {
        return node(Duration.ofSeconds(60));
    }

    private JdbcLockRegistry node(Duration timeToLive) {
        var repository = new DefaultLockRepository(dataSource);
        repository.setRegion("ispflow");
        repository.setPrefix("int_");
        repository.setTimeToLive((int) timeToLive.toMillis());
        repository.setTransactionManager(transactionManager);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }
}
