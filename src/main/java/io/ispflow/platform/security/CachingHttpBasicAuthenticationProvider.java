package io.ispflow.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for the Camunda REST API (Camunda instantiates it by class name), with verified logins
 * remembered as in {@link VerifiedLogins}: without it every REST call would pay a bcrypt check.
 */
public class CachingHttpBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

    private static final VerifiedLogins<Boolean> LOGINS = new VerifiedLogins<>();

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        return Boolean.TRUE.equals(LOGINS.get(userName, password,
                user -> super.isAuthenticated(engine, user, password) ? Boolean.TRUE : null));
    }
}
