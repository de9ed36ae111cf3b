package io.ispflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the default (demo) profile, refuses to start while any demo login still has the demo
 * password. Compares hashes directly rather than through a login check, so that the check neither
 * counts as a failed login nor locks anyone out.
 */
@Component
@Profile("!default")
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class DemoPasswordGuard implements ApplicationRunner {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    DemoPasswordGuard(IdentityService identityService, ProcessEngineConfigurationImpl engineConfiguration) {
        this.identityService = identityService;
        this.engineConfiguration = engineConfiguration;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> exposed = usersWithDemoPassword();
        if (!exposed.isEmpty()) {
            throw new IllegalStateException("Refusing to start: the demo password is still active for " + exposed
                    + ". Change these passwords (Camunda Admin, or the default profile) or delete the users.");
        }
    }

    List<String> usersWithDemoPassword() {
        var passwords = engineConfiguration.getPasswordManager();
        return identityService.createUserQuery().userIdIn(DemoLogins.all().toArray(String[]::new)).list().stream()
                .map(UserEntity.class::cast)
                .filter(user -> user.getPassword() != null && passwords.check(
                        EncryptionUtil.saltPassword(DemoLogins.PASSWORD, user.getSalt()), user.getPassword()))
                .map(UserEntity::getId)
                .toList();
    }
}
