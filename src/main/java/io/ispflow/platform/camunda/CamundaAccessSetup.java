package io.ispflow.platform.camunda;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
 *   <li>every role: Tasklist with its own queue, "My tasks" and "Overdue" ({@link TaskQueues}), reading
 *       process definitions and the role groups;</li>
 *   <li>starting a process by hand (Tasklist or {@code /engine-rest}): only the roles its BPMN names as
 *       {@code camunda:candidateStarterGroups}. A process without them (payment reconciliation,
 *       installation) is a system process that only the application starts;</li>
 *   <li>reading a process's instances and variables: the roles its user tasks name as candidates, so
 *       that their task lines show the client or payment;</li>
 *   <li>ISP administrators also Cockpit, with read access to instances, history, tasks and decisions;</li>
 *   <li>super administrators are in {@code camunda-admin}, which the engine exempts from all checks.</li>
 * </ul>
 * Which users a user may read (his colleagues) is granted per company by the tenancy module.
 * Idempotent: runs at every start, adds what is missing and withdraws the wildcard grants of earlier
 * versions (any role starting any process, reading every user and group).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CamundaAccessSetup implements ApplicationRunner {

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final RepositoryService repository;

    CamundaAccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
            TaskService tasks, RepositoryService repository) {
        this.identity = identity;
        this.repository = repository;
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
            withdraw(role.id(), Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
            withdrawAll(role.id(), Resources.USER, "*");
            withdrawAll(role.id(), Resources.GROUP, "*");
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            withdrawAll(role.id(), Resources.FILTER, "*");
            grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            for (StaffRole other : StaffRole.values()) {
                grant(role, Resources.GROUP, other.id(), Permissions.READ);
            }
        }
        grantStartsByHand();
        grantReadsToTaskRoles();
        StaffRole manager = StaffRole.ISP_ADMIN;
        grant(manager, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(manager, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        grant(manager, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(manager, Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(manager, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(manager, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(manager, Resources.DEPLOYMENT, "*", Permissions.READ);

        setUpQueues();
    }

    /**
     * The roles a process's BPMN names as candidate starters may start it (latest version of each key);
     * others may not, nor may anyone start a process that names none.
     */
    private void grantStartsByHand() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            var starters = repository.getIdentityLinksForProcessDefinition(definition.getId()).stream()
                    .map(IdentityLink::getGroupId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            for (StaffRole role : StaffRole.values()) {
                if (starters.contains(role.id())) {
                    grant(role, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.CREATE_INSTANCE);
                    grant(role, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
                } else {
                    withdraw(role.id(), Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.CREATE_INSTANCE);
                }
            }
        }
    }

    /**
     * The roles a process's user tasks name as candidates may read its instances (of their own company:
     * the tenant check applies), so that Tasklist shows the task's client or payment on its line; other
     * roles may not. Latest version of each key.
     */
    private void grantReadsToTaskRoles() {
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            Set<String> workers = repository.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(UserTask.class).stream()
                    .flatMap(task -> Stream.ofNullable(task.getCamundaCandidateGroups()))
                    .flatMap(groups -> Arrays.stream(groups.split(",")))
                    .map(String::trim)
                    .collect(Collectors.toSet());
            for (StaffRole role : StaffRole.values()) {
                if (role == StaffRole.ISP_ADMIN) {
                    continue; // reads every instance (above)
                }
                if (workers.contains(role.id())) {
                    grant(role, Resources.PROCESS_DEFINITION, definition.getKey(), Permissions.READ,
                            ProcessDefinitionPermissions.READ_INSTANCE);
                } else {
                    withdraw(role.id(), Resources.PROCESS_DEFINITION, definition.getKey(),
                            ProcessDefinitionPermissions.READ_INSTANCE);
                }
            }
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

    private void withdraw(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }

    private void withdrawAll(String groupId, Resource resource, String resourceId) {
        authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    /**
     * Each role opens Tasklist on its own queue (the lowest filter priority it may read comes first);
     * every role also has "My tasks" and "Overdue"; administrators also "All company tasks". Every
     * filter lists the most urgent task first: earliest due date, then highest priority.
     */
    private void setUpQueues() {
        var superseded = filters.createFilterQuery().filterName("My team's tasks").singleResult();
        if (superseded != null) {
            filters.deleteFilter(superseded.getId());
        }
        var everyColumn = Stream.concat(TaskQueues.CLIENT.stream(), TaskQueues.PAYMENT.stream()).toList();
        for (TaskQueues.Queue queue : TaskQueues.QUEUES) {
            String id = ensureFilter(queue.name(), queue.description(), -10, queue.columns(),
                    tasks.createTaskQuery().taskCandidateGroup(queue.role().id()).includeAssignedTasks());
            grant(queue.role(), Resources.FILTER, id, Permissions.READ);
        }
        String mine = ensureFilter("My tasks", "Tasks assigned to me", 0, everyColumn,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        String overdue = ensureFilter("Overdue", "Tasks for my roles past their due date", 5, everyColumn,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}"));
        String company = ensureFilter("All company tasks", "Every open task of my company", 10, everyColumn,
                tasks.createTaskQuery());
        for (StaffRole role : StaffRole.values()) {
            grant(role, Resources.FILTER, mine, Permissions.READ);
            grant(role, Resources.FILTER, overdue, Permissions.READ);
        }
        grant(StaffRole.ISP_ADMIN, Resources.FILTER, company, Permissions.READ);
    }

    /**
     * Creates the shared filter, or brings an existing one of that name up to date, sorted most urgent
     * first. Its task lines show whose task it is through the given columns (only those the task's
     * process has).
     */
    private String ensureFilter(String name, String description, int priority, List<TaskQueues.Column> columns,
            TaskQuery query) {
        Map<String, Object> properties = Map.of("description", description, "priority", priority, "refresh", true,
                "showUndefinedVariable", false,
                "variables", columns.stream().map(TaskQueues.Column::forTasklist).toList());
        TaskQuery urgentFirst = query.orderByDueDate().asc().orderByTaskPriority().desc();
        var wanted = (FilterEntity) filters.newTaskFilter(name).setQuery(urgentFirst).setProperties(properties);
        var filter = (FilterEntity) filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            return filters.saveFilter(wanted).getId();
        }
        // unchanged filters are not written, so that nodes starting together do not collide
        if (!properties.equals(filter.getProperties()) || !wanted.getQueryInternal().equals(filter.getQueryInternal())) {
            filters.saveFilter(filter.setQuery(urgentFirst).setProperties(properties));
        }
        return filter.getId();
    }
}
