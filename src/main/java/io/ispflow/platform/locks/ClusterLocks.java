package io.ispflow.platform.locks;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;

/**
 * Cluster-wide locks in PostgreSQL (Spring Integration's JDBC lock registry, table {@code int_lock}):
 * singleton work such as the STK status queries takes one through {@link SingletonWork}, so it runs on
 * one node at a time when several nodes share the database.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterLocks {

    /** Locks live in this region of the lock table, so that other applications may share it. */
    static final String REGION = "ispflow";

    @Bean
    DefaultLockRepository lockRepository(DataSource dataSource) {
        var repository = new DefaultLockRepository(dataSource);
        repository.setRegion(REGION);
        repository.setPrefix("int_");
        // a node that dies holding a lock frees it after this long
        repository.setTimeToLive(60_000);
        return repository;
    }

    @Bean
    JdbcLockRegistry clusterLockRegistry(LockRepository lockRepository) {
        return new JdbcLockRegistry(lockRepository);
    }
}
