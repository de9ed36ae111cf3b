package io.ispflow.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import io.ispflow.shared.StaffRole;

/**
 * Which logins need a second factor ({@code isp.platform.login.*}; values and reasons in
 * {@code application.yml}).
 *
 * @param secondFactorRoles         roles whose staff log in with a TOTP code as well as the password:
 *                                  at {@code /api/auth/login} and at the webapps' login page
 * @param basicForSecondFactorRoles whether those roles may still log in with the password alone (HTTP
 *                                  Basic on {@code /api} and {@code /engine-rest}, the webapps' form
 *                                  without a code). False in production; the demo run and the tests
 *                                  switch it on
 * @param apiTokenLifetime          how long a token from {@code /api/auth/login} lives, counted from the
 *                                  login, not extended by use
 */
@Validated
@ConfigurationProperties("isp.platform.login")
record LoginPolicy(Set<StaffRole> secondFactorRoles, boolean basicForSecondFactorRoles,
        @NotNull Duration apiTokenLifetime) {

    LoginPolicy {
        secondFactorRoles = secondFactorRoles == null ? Set.of() : Set.copyOf(secondFactorRoles);
    }

    /** Whether someone with these roles must give a second factor at the login page and login endpoint. */
    boolean requiresSecondFactor(Collection<StaffRole> roles) {
        return roles.stream().anyMatch(secondFactorRoles::contains);
    }

    /** Whether someone with these roles may log in with user name and password alone. */
    boolean allowsPasswordAlone(Collection<StaffRole> roles) {
        return basicForSecondFactorRoles || !requiresSecondFactor(roles);
    }
}
