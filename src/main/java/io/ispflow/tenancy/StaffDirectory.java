package io.ispflow.tenancy;

import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.security.LoginSessions;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.internal.ProfileEntity;
import io.ispflow.tenancy.internal.ProfileRepository;

/**
 * Staff logins and profiles. The login is a Camunda user, so the same credentials open Tasklist,
 * Cockpit and the API; the role is a Camunda group, the company a tenant membership. A changed password,
 * a deactivation or an unlock takes effect on the very next request ({@link LoginSessions}).
 *
 * <p>Who may change whom is decided by the callers (the API's role and company checks); the identity
 * changes here run as the system, without a Camunda authentication of the caller.
 */
@Service
public class StaffDirectory {

    private final IdentityService identityService;
    private final ProfileRepository profiles;
    private final TenantScope tenantScope;
    private final ColleagueVisibility colleagues;
    private final LoginSessions loginSessions;

    StaffDirectory(IdentityService identityService, ProfileRepository profiles, TenantScope tenantScope,
            ColleagueVisibility colleagues, LoginSessions loginSessions) {
        this.identityService = identityService;
        this.colleagues = colleagues;
        this.profiles = profiles;
        this.tenantScope = tenantScope;
        this.loginSessions = loginSessions;
    }

    @Transactional
    public StaffProfile enrol(NewStaffMember member) {
        boolean superAdmin = member.role() == StaffRole.SUPER_ADMIN;
        if (superAdmin != (member.companyId() == null)) {
            throw new IllegalArgumentException("super administrators, and only they, belong to no company");
        }
        var user = identityService.newUser(member.userId());
        user.setFirstName(member.firstName());
        user.setLastName(member.lastName());
        user.setEmail(member.email());
        user.setPassword(member.password());
        identityService.saveUser(user);
        identityService.createMembership(member.userId(), member.role().id());
        if (superAdmin) {
            identityService.createMembership(member.userId(), Groups.CAMUNDA_ADMIN);
        } else {
            identityService.createTenantUserMembership(member.companyId().toString(), member.userId());
            colleagues.staffEnrolled(member.userId(), member.companyId());
        }
        var profile = new ProfileEntity(member.userId(), member.firstName(), member.lastName(), member.email(),
                member.role(), member.companyId());
        return tenantScope.callPlatformWide(() -> profiles.save(profile).toProfile());
    }

    /** Sets a new password; the old one is refused from the next request on. */
    @Transactional
    public void changePassword(String userId, String newPassword) {
        asSystem(() -> {
            User user = identityService.createUserQuery().userId(userId).singleResult();
            if (user == null) {
                throw new StaffNotFound(userId);
            }
            user.setPassword(newPassword);
            identityService.saveUser(user);
        });
        loginSessions.forget(userId);
    }

    /**
     * Takes the login's role and company away and marks the profile inactive. The user and his history
     * stay; without a role he can log in nowhere, from the next request on.
     */
    @Transactional
    public void deactivate(String userId) {
        if (!exists(userId)) {
            throw new StaffNotFound(userId);
        }
        asSystem(() -> {
            for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
                identityService.deleteMembership(userId, group.getId());
            }
            for (Tenant tenant : identityService.createTenantQuery().userMember(userId).list()) {
                identityService.deleteTenantUserMembership(tenant.getId(), userId);
            }
        });
        tenantScope.callPlatformWide(() -> profiles.findByUserId(userId).map(profile -> {
            profile.deactivate();
            return profiles.save(profile);
        }));
        loginSessions.forget(userId);
    }

    /** Ends every back-off on the login after failed attempts, ours and any lock the engine still holds. */
    @Transactional
    public void unlock(String userId) {
        if (!exists(userId)) {
            throw new StaffNotFound(userId);
        }
        loginSessions.clearFailures(userId);
        asSystem(() -> identityService.unlockUser(userId));
        loginSessions.forget(userId);
    }

    @Transactional(readOnly = true)
    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** The profile of a staff member of the company in context (or any, in platform scope). */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOf(String userId) {
        return profiles.findByUserId(userId).map(ProfileEntity::toProfile);
    }

    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOfAnyCompany(String userId) {
        return tenantScope.callPlatformWide(() -> profileOf(userId));
    }

    /**
     * Runs identity changes without the caller's Camunda authentication: unlocking needs
     * {@code camunda-admin}, and the caller's rights were checked already.
     */
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
