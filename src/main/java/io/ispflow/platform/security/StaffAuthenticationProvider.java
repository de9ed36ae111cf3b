package io.ispflow.platform.security;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;

/**
 * HTTP Basic for the API, against the same identity the Camunda webapps use ({@link StaffIdentities}).
 * A verified login is remembered ({@link VerifiedLogins}); while the {@link LoginThrottle} holds the
 * caller back, the attempt is refused before any check. Staff of a role with a second factor are sent
 * to {@code /api/auth/login} instead, unless the {@link LoginPolicy} lets them use the password alone.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final StaffIdentities identities;
    private final LoginThrottle throttle;
    private final VerifiedLogins<StaffMember> verified;
    private final LoginPolicy policy;

    StaffAuthenticationProvider(StaffIdentities identities, LoginThrottle throttle, LoginSessions sessions,
            LoginPolicy policy) {
        this.identities = identities;
        this.throttle = throttle;
        this.verified = sessions.apiLogins();
        this.policy = policy;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String source = sourceOf(authentication);
        Duration wait = throttle.waitBefore(userId, source);
        if (!wait.isZero()) {
            throw new LoginThrottled(wait);
        }
        StaffMember staff;
        try {
            staff = verified.get(userId, password, user -> identities.verify(user, password));
        } catch (AuthenticationException refused) {
            throttle.failed(userId, source);
            throw refused;
        }
        throttle.succeeded(userId, source);
        if (!policy.allowsPasswordAlone(staff.roles())) {
            // refused only after the password check: an unknown name or a wrong password must not
            // answer differently from anyone else's
            throw new SecondFactorRequired();
        }
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, Authorities.of(staff, ApiScope.FULL));
    }

    /** The peer's address as Tomcat saw it (forwarded addresses count only from trusted proxies). */
    private static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
