package io.ispflow.platform;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one transaction manager of the application (JPA, JDBC and the Camunda engine share it). Every
 * transaction it begins starts by handing the thread's tenant to PostgreSQL, so that row-level
 * security filters by it.
 */
class RowLevelSecurityTransactionManager extends JpaTransactionManager {

    RowLevelSecurityTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        TenantContext.Scope scope = TenantContext.current();
        // synchronisation is not active yet at this point: use the connection bound by super.doBegin
        if (scope != null
                && TransactionSynchronizationManager.getResource(getDataSource()) instanceof ConnectionHolder holder) {
            TenantScope.applyTo(holder.getConnection(), scope);
        }
    }
}
