package io.ispflow.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for the Camunda REST API, inside {@link EngineRestAuthenticationProvider}, with verified
 * logins remembered as in {@link VerifiedLogins}: without it every REST call would pay a bcrypt check.
 * The cache is static, so that {@link LoginSessions} can forget a user's logins without holding the
 * instance. A user without any group (a deactivated staff member) is refused like a wrong password.
 * The back-off after failed logins sits in front of it, in {@link EngineRestLoginThrottleFilter}, which
 * reads the header with the same {@link BasicCredentials} and learns here what the check decided.
 */
class CachingHttpBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    private static final String OUTCOME = CachingHttpBasicAuthenticationProvider.class.getName() + ".outcome";
    private static final VerifiedLogins<Boolean> LOGINS = new VerifiedLogins<>();

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        BasicCredentials credentials = BasicCredentials.of(request.getHeader("Authorization"));
        if (credentials == null) {
            return AuthenticationResult.unsuccessful();
        }
        boolean verified = isAuthenticated(engine, credentials.userId(), credentials.password());
        request.setAttribute(OUTCOME, verified ? LoginGate.Outcome.VERIFIED : LoginGate.Outcome.REFUSED);
        return verified ? AuthenticationResult.successful(credentials.userId())
                : AuthenticationResult.unsuccessful(credentials.userId());
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        return Boolean.TRUE.equals(LOGINS.get(userName, password, user ->
                super.isAuthenticated(engine, user, password) && holdsAGroup(engine, user) ? Boolean.TRUE : null));
    }

    private static boolean holdsAGroup(ProcessEngine engine, String userId) {
        return engine.getIdentityService().createGroupQuery().groupMember(userId).count() > 0;
    }

    /** What the password check of this request decided; unknown if the request never reached one. */
    static LoginGate.Outcome outcomeOf(HttpServletRequest request) {
        return request.getAttribute(OUTCOME) instanceof LoginGate.Outcome outcome ? outcome : LoginGate.Outcome.UNKNOWN;
    }

    /** Forgets the user's verified logins on this node ({@link LoginSessions#forget}). */
    static void forget(String userId) {
        LOGINS.forget(userId);
    }
}
