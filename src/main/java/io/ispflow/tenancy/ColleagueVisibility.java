package io.ispflow.tenancy;

import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Staff see their colleagues, and only them, in Tasklist and through {@code /engine-rest/user}: each
 * company has a Camunda group of its staff ({@code company_<id>}) that may read each of its members
 * (and itself). The engine applies these grants to every user and group query; super administrators
 * ({@code camunda-admin}) see all. At start-up, companies registered before this existed are brought
 * in with their staff (one query per company otherwise).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ColleagueVisibility implements ApplicationRunner {

    static final String GROUP_TYPE = "company";

    private final IdentityService identity;
    private final AuthorizationService authorizations;

    ColleagueVisibility(IdentityService identity, AuthorizationService authorizations) {
        this.identity = identity;
        this.authorizations = authorizations;
    }

    static String groupOf(UUID company) {
        return "company_" + company;
    }

    void companyRegistered(UUID company, String name) {
        String group = groupOf(company);
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            var staff = identity.newGroup(group);
            staff.setName("Staff of " + name);
            staff.setType(GROUP_TYPE);
            identity.saveGroup(staff);
        }
        grantRead(group, Resources.GROUP, group);
    }

    void staffEnrolled(String userId, UUID company) {
        String group = groupOf(company);
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            identity.createMembership(userId, group);
        }
        grantRead(group, Resources.USER, userId);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Tenant tenant : identity.createTenantQuery().list()) {
            UUID company = UUID.fromString(tenant.getId());
            if (identity.createGroupQuery().groupId(groupOf(company)).count() > 0) {
                // set up when it was registered; its staff were added as they were enrolled
                continue;
            }
            companyRegistered(company, tenant.getName());
            for (User user : identity.createUserQuery().memberOfTenant(tenant.getId()).list()) {
                staffEnrolled(user.getId(), company);
            }
        }
    }

    private void grantRead(String group, Resource resource, String resourceId) {
        if (authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).count() > 0) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(group);
        read.setResource(resource);
        read.setResourceId(resourceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
