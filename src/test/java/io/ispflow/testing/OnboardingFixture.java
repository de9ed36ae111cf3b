package io.ispflow.testing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.clients.ClientProfile;
import io.ispflow.clients.ClientType;
import io.ispflow.clients.ConnectionType;
import io.ispflow.network.EquipmentStock;
import io.ispflow.network.NewEquipment;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Msisdn;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Steps of onboarding stories: register a client, work his tasks as staff, run the due jobs. */
@Component
public class OnboardingFixture {

    private final ClientDirectory clients;
    private final EquipmentStock stock;
    private final TenantScope tenantScope;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final DueJobs dueJobs;
    private final RuntimeService runtimeService;

    OnboardingFixture(ClientDirectory clients, EquipmentStock stock, TenantScope tenantScope, TaskService taskService,
            IdentityService identityService, DueJobs dueJobs, RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
        this.clients = clients;
        this.stock = stock;
        this.tenantScope = tenantScope;
        this.taskService = taskService;
        this.identityService = identityService;
        this.dueJobs = dueJobs;
    }

    public ClientDetails register(TestCompany company, String name) {
        return register(company, name, ClientType.INDIVIDUAL, "0712345678");
    }

    public ClientDetails register(TestCompany company, String name, ClientType type, String phone) {
        var profile = new ClientProfile(name, "client@example.co.ke", Msisdn.parse(phone), "Kilimani, Nairobi",
                "Nairobi", "Dagoretti North", type, ConnectionType.FIBER, new BigDecimal("2999.00"), null, null);
        return tenantScope.callAs(company.id(),
                () -> clients.register(profile, company.user(StaffRole.SALES_ACCOUNT_MANAGER)));
    }

    public UUID receiveOnu(TestCompany company, String serial) {
        return tenantScope.callAs(company.id(), () -> stock.receive(new NewEquipment("Huawei", "EG8145V5", serial,
                null, "Store")));
    }

    /** The item at the client's premises, as after his installation: assigned to him and deployed. */
    public void deployedAt(TestCompany company, UUID item, ClientDetails client) {
        tenantScope.runAs(company.id(), () -> {
            stock.assign(item, client.id(), company.user(StaffRole.INFRASTRUCTURE_ASSET));
            stock.markDeployed(client.id());
        });
    }

    /** The one open task of the client's onboarding (or of the installation it called). */
    public Task taskOf(ClientDetails client) {
        List<Task> open = taskService.createTaskQuery().processVariableValueEquals("clientId", client.id().toString()).list();
        if (open.size() != 1) {
            throw new AssertionError("expected one open task for " + client.name() + " but found " + open);
        }
        return open.get(0);
    }

    public Task taskOf(ClientDetails client, String taskDefinitionKey) {
        return taskService.createTaskQuery().processVariableValueEquals("clientId", client.id().toString())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }

    /** Completes a task as the given staff member would in Tasklist (logged in, within his company). */
    public void complete(Task task, TestCompany company, StaffRole role, Map<String, Object> form) {
        String userId = company.user(role);
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups, List.of(company.id().toString()));
        try {
            taskService.complete(task.getId(), form);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs every due job of the client's processes, as the job executor would, until none is left. */
    public void runJobs(ClientDetails client) {
        dueJobs.ofProcessInstances(() -> runtimeService.createProcessInstanceQuery()
                .variableValueEquals("clientId", client.id().toString()).list().stream().map(p -> p.getId()).toList());
    }
}
