package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;

/**
 * Engine settings that are code rather than properties: bcrypt for new password hashes (the engine
 * still verifies the SHA hashes an older installation wrote), tenant assignment of instances, and
 * delegates that run for their instance's company.
 */
@Component
class IspFlowEnginePlugin extends AbstractCamundaConfiguration {

    private final TenantScope tenantScope;

    IspFlowEnginePlugin(TenantScope tenantScope) {
        this.tenantScope = tenantScope;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setDelegateInterceptor(new TenantScopedDelegateInterceptor(tenantScope));
        configuration.setPasswordEncryptor(new BCryptPasswordEncryptor());
        configuration.setTenantIdProvider(new CompanyTenantIdProvider());
    }
}
