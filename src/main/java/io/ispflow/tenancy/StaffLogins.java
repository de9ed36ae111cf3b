package io.ispflow.tenancy;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import io.ispflow.shared.StaffRole;

/**
 * The Camunda side of a staff login: password, role group and tenant membership. The changes run as
 * the system, without the caller's Camunda authentication: unlocking needs {@code camunda-admin}, and
 * the caller's rights were checked already by the API's role and company checks.
 */
@Component
class StaffLogins {

    private final IdentityService identityService;

    StaffLogins(IdentityService identityService) {
        this.identityService = identityService;
    }

    void setPassword(String userId, String password) {
        asSystem(() -> {
            User user = Optional.ofNullable(identityService.createUserQuery().userId(userId).singleResult())
                    .orElseThrow(() -> new StaffNotFound(userId));
            user.setPassword(password);
            identityService.saveUser(user);
        });
    }

    /** Leaves the user in no group and no tenant: he can log in nowhere. */
    void removeMemberships(String userId) {
        asSystem(() -> {
            for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
                identityService.deleteMembership(userId, group.getId());
            }
            for (Tenant tenant : identityService.createTenantQuery().userMember(userId).list()) {
                identityService.deleteTenantUserMembership(tenant.getId(), userId);
            }
        });
    }

    /** Swaps the user's role group; his company group and tenant stay. */
    void switchRole(String userId, StaffRole role) {
        asSystem(() -> {
            for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
                if (StaffRole.fromId(group.getId()).isPresent()) {
                    identityService.deleteMembership(userId, group.getId());
                }
            }
            identityService.createMembership(userId, role.id());
        });
    }

    /** Ends any lock the engine still holds (its own account lock is off, but may have been on before). */
    void unlock(String userId) {
        asSystem(() -> identityService.unlockUser(userId));
    }

    private void asSystem(Runnable change) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            change.run();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
