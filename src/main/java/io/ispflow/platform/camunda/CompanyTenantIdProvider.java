package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

import io.ispflow.platform.TenantContext;

/**
 * Process and decision definitions are shared by all companies; their instances belong to one. The
 * tenant of an instance is the calling instance's, else the company the application works for on this
 * thread, else the single tenant of the logged-in webapp user (a start form in Tasklist).
 */
class CompanyTenantIdProvider implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        return currentCompany();
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return currentCompany();
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return currentCompany();
    }

    private static String currentCompany() {
        var company = TenantContext.currentCompanyId();
        if (company.isPresent()) {
            return company.get().toString();
        }
        var commandContext = Context.getCommandContext();
        Authentication authentication = commandContext == null ? null : commandContext.getAuthentication();
        if (authentication != null && authentication.getTenantIds() != null
                && authentication.getTenantIds().size() == 1) {
            return authentication.getTenantIds().get(0);
        }
        return null;
    }
}
