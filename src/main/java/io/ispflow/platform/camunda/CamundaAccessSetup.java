package io.ispflow.platform.camunda;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.ispflow.shared.StaffRole;

/**
 * Makes the eight staff roles Camunda groups and grants them what their work in the webapps needs.
 * Which company's tasks and instances a user sees is not decided here but by his tenant membership:
 * Camunda's tenant check limits every query to his company.
 *
 * <ul>
 *   <li>every role: Tasklist, the shared task filters, reading process definitions;</li>
 *   <li>starting a process by hand only where that is the process's way in: a client registration, by
 *   those who register clients. The processes the application starts from stored data (a payment's
 *   reconciliation, an installation) are started by no one else, since their starter could pass any
 *   variables he likes (a payment nobody made);</li>
 *   <li>ISP administrators also Cockpit, with read access to instances, history, tasks and decisions;</li>
 *   <li>super administrators are in {@code camunda-admin}, which the engine exempts from all checks.</li>
 * </ul>
 * Idempotent: runs at every start, adds what is missing and withdraws the start permission on every
 * process that earlier versions granted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CamundaAccessSetup implements ApplicationRunner {

    /** The one process staff start by hand (Tasklist's start form). */
    static final String REGISTRATION = "clientOnboarding";
    /** Who may start it: as for {@code POST /api/clients}. */
    static final List<StaffRole> STARTERS_OF_REGISTRATIONS = List.of(StaffRole.ISP_ADMIN,
            StaffRole.SALES_ACCOUNT_MANAGER);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    CamundaAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        // as Camunda's own admin set-up does: the engine only counts groups that hold authorizations
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, "*", Permissions.ALL);
        }
        for (StaffRole role : StaffRole.values()) {
            ensureGroup(role.id(), role.displayName(), Groups.GROUP_TYPE_WORKFLOW);
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(role, Resources.FILTER, "*", Permissions.READ);
            withdraw(role.id(), Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
            grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(role, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grant(role, Resources.USER, "*", Permissions.READ);
            grant(role, Resources.GROUP, "*", Permissions.READ);
        }
        for (StaffRole registrar : STARTERS_OF_REGISTRATIONS) {
            grant(registrar, Resources.PROCESS_DEFINITION, REGISTRATION, Permissions.READ, Permissions.CREATE_INSTANCE);
        }
        StaffRole manager = StaffRole.ISP_ADMIN;
        grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(manager, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        grant(manager, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE, Permissions.READ);
        grant(manager, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(manager, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(manager, Resources.DEPLOYMENT, "*", Permissions.READ);

        ensureFilter("My tasks", "Tasks assigned to me", -10, tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}"));
        ensureFilter("My team's tasks", "Open tasks for my roles, claimed or not", 0, tasks.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks());
        ensureFilter("All company tasks", "Every open task of my company (administrators)", 10,
                tasks.createTaskQuery());
    }

    /** Takes permissions back from a grant of earlier versions, leaving its others. */
    private void withdraw(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && Arrays.stream(permissions).anyMatch(existing::isPermissionGranted)) {
            Arrays.stream(permissions).forEach(existing::removePermission);
            authorizations.saveAuthorization(existing);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            var group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void grant(StaffRole role, Resource resource, String resourceId, Permission... permissions) {
        grant(role.id(), resource, resourceId, permissions);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        boolean missing = existing == null
                || Arrays.stream(permissions).anyMatch(p -> !existing.isPermissionGranted(p));
        if (missing) {
            Arrays.stream(permissions).forEach(authorization::addPermission);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void ensureFilter(String name, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
        filters.saveFilter(filter);
    }
}
