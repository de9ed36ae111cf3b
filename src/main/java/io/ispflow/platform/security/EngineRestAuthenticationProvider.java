package io.ispflow.platform.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;

import io.ispflow.platform.StaffMember;

/**
 * Who calls the Camunda REST API: the bearer of a full-scope token from {@code /api/auth/login}, or an
 * HTTP Basic login ({@link CachingHttpBasicAuthenticationProvider}) of a role that may log in with the
 * password alone. A verified Basic login of a second-factor role is refused, and marked so that
 * {@link EngineRestAuthenticationFilter} can say why.
 */
class EngineRestAuthenticationProvider implements AuthenticationProvider {

    private static final String SECOND_FACTOR_REQUIRED = EngineRestAuthenticationProvider.class.getName() + ".2fa";

    private final CachingHttpBasicAuthenticationProvider basic = new CachingHttpBasicAuthenticationProvider();
    private final ApiTokenAuthenticationProvider tokens;
    private final SecondFactorCheck secondFactor;

    EngineRestAuthenticationProvider(ApiTokenAuthenticationProvider tokens, SecondFactorCheck secondFactor) {
        this.tokens = tokens;
        this.secondFactor = secondFactor;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String token = BearerToken.in(request);
        if (token != null) {
            StaffMember staff = tokens.fullAccess(token);
            return staff == null ? AuthenticationResult.unsuccessful()
                    : AuthenticationResult.successful(staff.userId());
        }
        AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            return result;
        }
        // the groups are read here anyway, so Camunda is handed them rather than read them again
        List<String> groups = engine.getIdentityService().createGroupQuery()
                .groupMember(result.getAuthenticatedUser()).list().stream().map(Group::getId).toList();
        if (secondFactor.requiredWithPassword(StaffIdentities.rolesOf(groups))) {
            request.setAttribute(SECOND_FACTOR_REQUIRED, Boolean.TRUE);
            return AuthenticationResult.unsuccessful(result.getAuthenticatedUser());
        }
        result.setGroups(groups);
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }

    /** Whether this request was a verified Basic login refused for want of a second factor. */
    static boolean refusedForSecondFactor(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(SECOND_FACTOR_REQUIRED));
    }
}
