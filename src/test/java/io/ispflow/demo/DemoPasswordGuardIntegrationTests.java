package io.ispflow.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.ispflow.testing.IntegrationTest;

/** Outside the demo profile the application will not run with a demo password active. */
@IntegrationTest
class DemoPasswordGuardIntegrationTests {

    @Autowired
    DemoPasswordGuard guard;
    @Autowired
    IdentityService identityService;

    @AfterEach
    void removeDemoUser() {
        identityService.deleteUser("savannanoc");
    }

    @Test
    void aDemoLoginWithTheDemoPasswordStopsTheStart() {
        createUser("savannanoc", DemoLogins.PASSWORD);

        assertThat(guard.usersWithDemoPassword()).containsExactly("savannanoc");
        assertThatThrownBy(() -> guard.run(null)).hasMessageContaining("savannanoc");
    }

    @Test
    void aDemoLoginWhosePasswordWasChangedIsAccepted() {
        createUser("savannanoc", "a-real-password-now");

        assertThat(guard.usersWithDemoPassword()).isEmpty();
    }

    private void createUser(String id, String password) {
        var user = identityService.newUser(id);
        user.setPassword(password);
        identityService.saveUser(user);
    }
}
