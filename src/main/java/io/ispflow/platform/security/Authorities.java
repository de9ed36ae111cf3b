package io.ispflow.platform.security;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import io.ispflow.platform.StaffMember;

/**
 * The authorities of an API login. An enrolment-only login gets no role authority at all, so that
 * even an endpoint that forgot the URL rule cannot be reached with it.
 */
final class Authorities {

    private Authorities() {
    }

    static List<GrantedAuthority> of(StaffMember staff, ApiScope scope) {
        if (scope == ApiScope.ENROL) {
            return List.of(new SimpleGrantedAuthority(ApiScope.ENROL_ONLY));
        }
        return staff.roles().stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    static boolean enrolOnly(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ApiScope.ENROL_ONLY.equals(authority.getAuthority()));
    }
}
