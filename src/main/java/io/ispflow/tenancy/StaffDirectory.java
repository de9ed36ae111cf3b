package io.ispflow.tenancy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.StaffProfiles;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.tenancy.internal.ProfileEntity;
import io.ispflow.tenancy.internal.ProfileRepository;

/**
 * Who works here: enrolling staff and reading their profiles. The login is a Camunda user, so the same
 * credentials open Tasklist, Cockpit and the API; the role is a Camunda group, the company a tenant
 * membership. What happens to a login afterwards (passwords, invitations, roles, deactivation) is
 * {@link StaffAccounts}' business.
 */
@Service
public class StaffDirectory implements StaffProfiles {

    private final IdentityService identityService;
    private final ProfileRepository profiles;
    private final TenantScope tenantScope;
    private final ColleagueVisibility colleagues;

    StaffDirectory(IdentityService identityService, ProfileRepository profiles, TenantScope tenantScope,
            ColleagueVisibility colleagues) {
        this.identityService = identityService;
        this.colleagues = colleagues;
        this.profiles = profiles;
        this.tenantScope = tenantScope;
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
                member.phone(), member.role(), member.companyId());
        return tenantScope.callPlatformWide(() -> profiles.save(profile).toProfile());
    }

    /** Whether the user id is in use, by a login or by a profile kept for history. */
    @Transactional(readOnly = true)
    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0
                || profileOfAnyCompany(userId).isPresent();
    }

    /** The profile of a staff member of the company in context (or any, in platform scope). */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOf(String userId) {
        return profiles.findByUserId(userId).map(ProfileEntity::toProfile);
    }

    /** A staff member of the company in context, by his profile id. */
    @Transactional(readOnly = true)
    public Optional<StaffProfile> profile(UUID profileId) {
        return profiles.findById(profileId).map(ProfileEntity::toProfile);
    }

    @Transactional(readOnly = true)
    public Optional<StaffProfile> profileOfAnyCompany(String userId) {
        return tenantScope.callPlatformWide(() -> profileOf(userId));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UUID> profileIdOf(String userId) {
        return profileOfAnyCompany(userId).map(StaffProfile::id);
    }

    /** The user ids (logins) of the given profiles, of whatever company, by profile id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> userIdsOf(Collection<UUID> profileIds) {
        return tenantScope.callPlatformWide(() -> profiles.findAllById(profileIds).stream()
                .map(ProfileEntity::toProfile)
                .collect(Collectors.toMap(StaffProfile::id, StaffProfile::userId)));
    }

    /** The staff of the company in context, deactivated ones included, by user id. */
    @Transactional(readOnly = true)
    public List<StaffProfile> staffOfCompany() {
        return profiles.findAllByOrderByUserId().stream().map(ProfileEntity::toProfile).toList();
    }

    /** The login was taken away; the profile stays for the history it is named in. */
    void profileDeactivated(String userId) {
        tenantScope.callPlatformWide(() -> profiles.findByUserId(userId).map(profile -> {
            profile.deactivate();
            return profiles.save(profile);
        }));
    }

    void roleChanged(String userId, StaffRole role) {
        tenantScope.callPlatformWide(() -> profiles.findByUserId(userId).map(profile -> {
            profile.changeRole(role);
            return profiles.save(profile);
        }));
    }
}
