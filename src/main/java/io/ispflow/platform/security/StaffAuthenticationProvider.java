package io.ispflow.platform.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;
import io.ispflow.shared.StaffRole;

/**
 * Authenticates API callers against the same identity the Camunda webapps use: users, groups (the
 * staff roles) and tenants (the companies). A verified login is remembered ({@link VerifiedLogins});
 * while the {@link LoginThrottle} holds the caller back, the attempt is refused before any check.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final VerifiedLogins<StaffMember> verified;

    StaffAuthenticationProvider(IdentityService identityService, LoginThrottle throttle, LoginSessions sessions) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.verified = sessions.apiLogins();
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
            staff = verified.get(userId, password, user -> {
                if (!identityService.checkPassword(user, password)) {
                    throw new BadCredentialsException("Unknown user or wrong password");
                }
                return load(user);
            });
        } catch (AuthenticationException refused) {
            throttle.failed(userId, source);
            throw refused;
        }
        throttle.succeeded(userId, source);
        var authorities = staff.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
    }

    /** The peer's address as Tomcat saw it (forwarded addresses count only from trusted proxies). */
    private static String sourceOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private StaffMember load(String userId) {
        var roles = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(StaffRole::fromId)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
        if (roles.isEmpty()) {
            throw new DisabledException("User " + userId + " holds no staff role");
        }
        List<Tenant> tenants = identityService.createTenantQuery().userMember(userId).list();
        UUID company = tenants.size() == 1 ? UUID.fromString(tenants.get(0).getId()) : null;
        if (company == null && !roles.contains(StaffRole.SUPER_ADMIN)) {
            throw new DisabledException("User " + userId + " belongs to no single ISP company");
        }
        return new StaffMember(userId, company, roles);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
