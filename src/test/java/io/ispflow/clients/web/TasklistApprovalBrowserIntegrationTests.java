package io.ispflow.clients.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ispflow.clients.ClientDetails;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Browser;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;

/**
 * A NOC engineer logs in to Tasklist in a real browser, opens the approval task of a new client, fills
 * in the Camunda Form and completes it; the onboarding moves on to equipment assignment.
 */
@IntegrationTest
class TasklistApprovalBrowserIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TaskService taskService;

    @Test
    void nocApprovesANewClientInTasklist() {
        testCompanies.superAdmin(); // an administrator exists, so Tasklist offers its login rather than the set-up
        var acme = testCompanies.create();
        ClientDetails client = onboarding.register(acme, "Browser Test Client");
        String noc = acme.user(StaffRole.NETWORK_OPERATIONS);

        try (var browser = new Browser()) {
            Page page = browser.newPage();
            try {
                Browser.logInToTasklist(page, port, noc);
                // ISPFlow's screen: its name, and no notice meant for whoever operates the installation
                assertThat(page).hasTitle(java.util.regex.Pattern.compile("ISPFlow"));
                assertThat(page.locator(".ce-eol-banner")).not().isVisible();
                // Tasklist opens on the role's queue: the approval names its client and account, and shows
                // when it is due (its SLA)
                var taskLine = page.locator(".tasks-list li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("Approve coverage and feasibility"));
                assertThat(taskLine.first()).containsText("Browser Test Client");
                assertThat(taskLine.first()).containsText(client.accountNumber());
                assertThat(taskLine.first()).containsText("Due in a day");
                Browser.openQueuedTask(page, "Approve coverage and feasibility");
                page.locator("button.claim").click();
                assertThat(page.locator(".disabled-form")).hasCount(0);
                page.getByLabel("Approve: we can serve this client").check();
                page.getByLabel("Notes for the installation team (optional)").fill("Fibre passes the gate");
                page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Complete")).click();
                assertThat(page.getByText("Approve coverage and feasibility")).hasCount(0);
            } catch (RuntimeException | AssertionError e) {
                throw Browser.failure(page, "tasklist-approval-failure", e);
            }
        }

        var next = onboarding.taskOf(client);
        assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_AssignEquipment");
        assertThat(taskService.createTaskQuery().taskId(next.getId()).singleResult().getTenantId())
                .isEqualTo(acme.id().toString());
    }
}
