package io.ispflow.platform.camunda;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.context.Context;

import io.ispflow.platform.TenantScope;

/**
 * Runs every delegate, listener and expression of a process instance for the company the instance
 * belongs to (its tenant): the business code it calls sees that company's data and no other, without
 * a delegate having to know about tenancy. A failure on a value the caller of the engine REST API gave
 * becomes his mistake ({@link ProcessInputRefusals#fromDelegateFailure}).
 */
class TenantScopedDelegateInterceptor extends DefaultDelegateInterceptor {

    private final TenantScope tenantScope;

    TenantScopedDelegateInterceptor(TenantScope tenantScope) {
        this.tenantScope = tenantScope;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
        try {
            handleForTenant(invocation);
        } catch (RuntimeException failure) {
            throw ProcessInputRefusals.fromDelegateFailure(failure);
        }
    }

    private void handleForTenant(DelegateInvocation invocation) throws Exception {
        String tenant = tenantOf(invocation);
        if (tenant == null) {
            super.handleInvocation(invocation);
            return;
        }
        try {
            tenantScope.runAs(UUID.fromString(tenant), () -> {
                try {
                    super.handleInvocation(invocation);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure wrapped) {
            throw wrapped.checked;
        }
    }

    /**
     * The invocation's execution, or, for expressions the engine evaluates without one (a service
     * task's {@code camunda:expression}), the execution the engine is working on.
     */
    private static String tenantOf(DelegateInvocation invocation) {
        if (invocation.getContextExecution() instanceof DelegateExecution execution) {
            return execution.getTenantId();
        }
        var current = Context.getBpmnExecutionContext();
        return current == null || current.getExecution() == null ? null : current.getExecution().getTenantId();
    }

    /** Carries a checked exception through the scope's functional interface. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
