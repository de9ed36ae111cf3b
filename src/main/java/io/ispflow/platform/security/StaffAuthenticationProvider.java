package io.ispflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;
import io.ispflow.shared.StaffRole;

/**
 * Authenticates API callers against the same identity the Camunda webapps use: users, groups (the
 * staff roles) and tenants (the companies). A verified login is remembered for a few minutes, as the
 * webapps do, because checking a bcrypt hash on every request would cost more than the request.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final Cache<String, StaffMember> verified = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5))
            .maximumSize(10_000)
            .build();

    StaffAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = userId + ':' + sha256(password);
        StaffMember staff = verified.getIfPresent(key);
        if (staff == null) {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Unknown user or wrong password");
            }
            staff = load(userId);
            verified.put(key, staff);
        }
        var authorities = staff.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(staff, null, authorities);
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

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
