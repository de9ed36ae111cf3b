package io.ispflow.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;

import io.ispflow.platform.StaffMember;
import io.ispflow.platform.StaffProfiles;
import io.ispflow.shared.StaffRole;

/**
 * Staff members as the Camunda identity knows them: users, groups (the staff roles) and tenants (the
 * companies). Every login of the API, whether by password or by token, ends up here.
 */
@Component
class StaffIdentities {

    private final IdentityService identityService;
    private final StaffProfiles profiles;

    StaffIdentities(IdentityService identityService, StaffProfiles profiles) {
        this.identityService = identityService;
        this.profiles = profiles;
    }

    /** The staff member, if the password is his; throws as a refused login otherwise. */
    StaffMember verify(String userId, String password) {
        if (userId == null || password == null || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        return load(userId);
    }

    /** The staff member behind a login that is already verified; refused if he holds no role or company. */
    StaffMember load(String userId) {
        Set<StaffRole> roles = rolesOf(userId);
        if (roles.isEmpty()) {
            throw new DisabledException("User " + userId + " holds no staff role");
        }
        List<Tenant> tenants = identityService.createTenantQuery().userMember(userId).list();
        UUID company = tenants.size() == 1 ? UUID.fromString(tenants.get(0).getId()) : null;
        if (company == null && !roles.contains(StaffRole.SUPER_ADMIN)) {
            throw new DisabledException("User " + userId + " belongs to no single ISP company");
        }
        return new StaffMember(userId, company, profiles.profileIdOf(userId).orElse(null), roles);
    }

    /** The staff roles of a user name, without any password check (empty for an unknown user). */
    Set<StaffRole> rolesOf(String userId) {
        return rolesOf(identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
    }

    /** The staff roles among Camunda group ids. */
    static Set<StaffRole> rolesOf(List<String> groupIds) {
        return groupIds.stream()
                .map(StaffRole::fromId)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }
}
