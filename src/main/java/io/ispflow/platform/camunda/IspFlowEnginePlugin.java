package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Engine settings that are code rather than properties: bcrypt for new password hashes (the engine
 * still verifies the SHA hashes an older installation wrote) and tenant assignment.
 */
@Component
class IspFlowEnginePlugin extends AbstractCamundaConfiguration {

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        configuration.setPasswordEncryptor(new BCryptPasswordEncryptor());
        configuration.setTenantIdProvider(new CompanyTenantIdProvider());
    }
}
