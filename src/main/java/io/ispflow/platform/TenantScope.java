package io.ispflow.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work on behalf of one ISP company (or platform-wide). Inside a transaction that is already
 * running, for example a Camunda job, the PostgreSQL settings of that transaction are switched as well,
 * and switched back afterwards.
 */
@Component
public class TenantScope {

    private final DataSource dataSource;
    private final EntityManager entityManager;

    TenantScope(DataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /**
     * System work for a company, with no staff member behind it. Work for the company the thread already
     * acts for runs as it is: a staff member's request that makes sure of its company keeps its user.
     */
    public <T> T callAs(UUID companyId, Supplier<T> work) {
        TenantContext.Scope current = TenantContext.current();
        if (current != null && !current.platform() && companyId.equals(current.companyId())) {
            return work.get();
        }
        return call(TenantContext.Scope.company(companyId), work);
    }

    /**
     * System work for a company even inside a staff member's request: what the company's own processes
     * read and he may not (the notification preferences of the colleague he writes to).
     */
    public <T> T callAsSystem(UUID companyId, Supplier<T> work) {
        return call(TenantContext.Scope.company(companyId), work);
    }

    /** Work on behalf of a staff member (his profile id) of a company: what only he may see, he sees. */
    public <T> T callAsStaff(UUID companyId, UUID profileId, Supplier<T> work) {
        return call(TenantContext.Scope.staff(companyId, profileId), work);
    }

    public void runAs(UUID companyId, Runnable work) {
        callAs(companyId, () -> {
            work.run();
            return null;
        });
    }

    /** For the platform's own work on the tenant registry (registering companies, super admin views). */
    public <T> T callPlatformWide(Supplier<T> work) {
        return call(TenantContext.Scope.platformWide(), work);
    }

    private <T> T call(TenantContext.Scope scope, Supplier<T> work) {
        TenantContext.Scope previous = TenantContext.current();
        if (scope.equals(previous)) {
            // already this scope, in the thread and in the transaction: every step of a payment's job is
            return work.get();
        }
        // pending JPA writes belong to the scope they were made in: flush them before switching
        flushPendingWrites();
        TenantContext.set(scope);
        applyToCurrentTransaction(dataSource, scope);
        RuntimeException failure = null;
        try {
            T result = work.get();
            flushPendingWrites();
            return result;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            TenantContext.set(previous);
            restore(previous, failure);
        }
    }

    /**
     * Switches the transaction back. After a failed statement PostgreSQL refuses every command until
     * rollback, the switch included: then the work's own failure is the one that counts (it is what a
     * Cockpit incident or a log must show), and the refused switch is only attached to it.
     */
    private void restore(TenantContext.Scope previous, RuntimeException failure) {
        try {
            applyToCurrentTransaction(dataSource, previous);
        } catch (RuntimeException restoreFailed) {
            if (failure == null) {
                throw restoreFailed;
            }
            failure.addSuppressed(restoreFailed);
        }
    }

    private void flushPendingWrites() {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
    }

    /** Hands the scope to PostgreSQL for the rest of the transaction bound to this thread, if any. */
    static void applyToCurrentTransaction(DataSource dataSource, TenantContext.Scope scope) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder) {
            applyTo(holder.getConnection(), scope);
        }
    }

    /** Sets the transaction-local settings that the row-level security policies read. */
    static void applyTo(Connection connection, TenantContext.Scope scope) {
        String company = scope == null || scope.companyId() == null ? "" : scope.companyId().toString();
        String platform = scope != null && scope.platform() ? "on" : "";
        String user = scope == null || scope.userId() == null ? "" : scope.userId().toString();
        try (var statement = connection.prepareStatement("select set_config('app.company_id', ?, true),"
                + " set_config('app.platform_scope', ?, true), set_config('app.user_id', ?, true)")) {
            statement.setString(1, company);
            statement.setString(2, platform);
            statement.setString(3, user);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the tenant of the current transaction", e);
        }
    }
}
