package io.ispflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.ispflow.support.IntegrationTest;

/** Two nodes sharing the database never hold the same cluster lock at once. */
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

    /** A second node: its own lock repository (own client id) on the same database. */
    private JdbcLockRegistry node() {
        var repository = new DefaultLockRepository(dataSource);
        repository.setRegion("ispflow");
        repository.setPrefix("int_");
        repository.setTransactionManager(transactionManager);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        return new JdbcLockRegistry(repository);
    }
}
