package io.ispflow.platform.security;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/auth/login}: user name, password and, for a role with a second factor, a TOTP or
 * recovery code, in exchange for a short-lived API token. Behind the same {@link LoginThrottle} as
 * every other door; a wrong password, a missing or wrong code all count as one failed login and get
 * the same answer, so the answer never tells which part was wrong. A staff member of such a role who
 * has not enrolled yet gets a token that can only enrol, or he could never enrol at all. A token is
 * ended by {@code POST /api/auth/logout}.
 */
@Component
public class ApiLogin {

    private final StaffIdentities identities;
    private final SecondFactorCheck secondFactor;
    private final LoginThrottle throttle;
    private final ApiSessions sessions;

    ApiLogin(StaffIdentities identities, SecondFactorCheck secondFactor, LoginThrottle throttle, ApiSessions sessions) {
        this.identities = identities;
        this.secondFactor = secondFactor;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    /**
     * A token for the staff member, or an {@link AuthenticationException}: refused (401) or held back
     * after failed attempts (429, {@code Retry-After}).
     *
     * @param source the caller's address, as the throttle counts it
     */
    public IssuedToken logIn(String userId, String password, String code, String source) {
        Duration wait = throttle.waitBefore(userId, source);
        if (!wait.isZero()) {
            throw new LoginThrottled(wait);
        }
        ApiScope scope;
        try {
            scope = secondFactor.apiScopeFor(identities.verify(userId, password), code);
        } catch (AuthenticationException refused) {
            throttle.failed(userId, source);
            throw refused;
        }
        throttle.succeeded(userId, source);
        return sessions.issue(userId, scope);
    }

    /** Ends the session of the request's bearer token at once, if it carries one. */
    public void logOut(HttpServletRequest request) {
        String token = BearerToken.in(request);
        if (token != null) {
            sessions.revoke(token);
        }
    }
}
