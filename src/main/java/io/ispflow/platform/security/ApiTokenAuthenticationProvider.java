package io.ispflow.platform.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;

/**
 * Bearer tokens from {@code /api/auth/login}: the same {@link StaffMember} principal as an HTTP Basic
 * login, so tenant context and role checks work unchanged; an enrolment-only token carries no role.
 * The session is looked up on every request (a revoked token stops at once); what the user stands for
 * is remembered like a verified password ({@link VerifiedLogins}), and forgotten when it changes.
 */
@Component
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final ApiSessions sessions;
    private final StaffIdentities identities;
    private final VerifiedLogins<StaffMember> known;

    ApiTokenAuthenticationProvider(ApiSessions sessions, StaffIdentities identities, LoginSessions logins) {
        this.sessions = sessions;
        this.identities = identities;
        this.known = logins.tokenLogins();
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerToken) authentication).getCredentials();
        ApiSessions.Session session = sessions.find(token).orElseThrow(InvalidApiToken::new);
        StaffMember staff = known.get(session.userId(), token, identities::load);
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, Authorities.of(staff, session.scope()));
    }

    /** The staff member behind a valid token of full scope; null for any other token. */
    StaffMember fullAccess(String token) {
        try {
            var session = sessions.find(token).filter(found -> found.scope() == ApiScope.FULL);
            return session.isEmpty() ? null : known.get(session.get().userId(), token, identities::load);
        } catch (AuthenticationException refused) {
            return null;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerToken.class.isAssignableFrom(authentication);
    }
}
