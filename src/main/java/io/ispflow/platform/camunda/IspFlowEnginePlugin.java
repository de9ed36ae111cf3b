package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.security.LoginSessions;

/**
 * Engine settings that are code rather than properties: bcrypt for new password hashes (the engine
 * still verifies the SHA hashes an older installation wrote), tenant assignment of instances, and
 * delegates that run for their instance's company, and an identity that ends remembered logins when a
 * password or membership changes.
 */
@Component
class IspFlowEnginePlugin extends AbstractCamundaConfiguration {

    private final TenantScope tenantScope;
    private final LoginSessions loginSessions;

    IspFlowEnginePlugin(TenantScope tenantScope, LoginSessions loginSessions) {
        this.tenantScope = tenantScope;
        this.loginSessions = loginSessions;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setDelegateInterceptor(new TenantScopedDelegateInterceptor(tenantScope));
        configuration.setPasswordEncryptor(new BCryptPasswordEncryptor());
        configuration.setTenantIdProvider(new CompanyTenantIdProvider());
        configuration.setIdentityProviderSessionFactory(LoginForgettingIdentityProvider.factory(loginSessions));
    }
}
