package io.ispflow.platform.camunda;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ispflow.clients.ClientDetails;
import io.ispflow.billing.SubscriptionState;
import io.ispflow.clients.ClientType;
import io.ispflow.renewals.process.LifecyclePeriods;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Browser;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.PaymentsFixture;
import io.ispflow.testing.SubscriptionFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Staff of each role family (NOC, assets, finance, support) log in to Tasklist in a real browser: it opens
 * on their role's queue, whose lines name the client (name and account number) and say when the task is
 * due, the most urgent first; a search by account number or phone, typed the way staff write it, finds
 * the client's task. Support records a promise to pay, and the client is not suspended before its day.
 */
@IntegrationTest
class TasklistQueuesBrowserIntegrationTests {

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    PaymentsFixture payments;
    @Autowired
    SubscriptionFixture subscriptions;
    @Autowired
    io.ispflow.billing.Subscriptions billing;
    @Autowired
    io.ispflow.platform.TenantScope tenantScope;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void nocSeesApprovalsMostUrgentFirstAndFindsAClientByAccountNumberOrPhone() {
        TestCompany acme = company();
        // registered ten hours ago: due first, although a household
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofHours(10))));
        ClientDetails waiting = onboarding.register(acme, "Wanjiru Household", ClientType.INDIVIDUAL, "0712345678");
        ClockUtil.reset();
        // registered now: the county offices (higher priority) come before another household
        ClientDetails county = onboarding.register(acme, "Kisumu County Offices", ClientType.GOVERNMENT, "0712345679");
        ClientDetails household = onboarding.register(acme, "Otieno Home", ClientType.INDIVIDUAL, "0722000333");

        Page page = logIn(acme, StaffRole.NETWORK_OPERATIONS, "NOC: approvals, visits and link checks");
        try {
            Locator lines = page.locator(".tasks-list > li.task");
            assertThat(lines).hasCount(3);
            assertLine(lines.nth(0), waiting, "Due in 14 hours");
            assertLine(lines.nth(1), county, "Due in a day");
            assertLine(lines.nth(2), household, "Due in a day");

            search(page, "Process Instance Business Key", null, household.accountNumber());
            assertThat(lines).hasCount(1);
            assertLine(lines.first(), household, "Due in a day");

            clearSearch(page);
            // Tasklist sends 0722000333 as the number 722000333; the client's phone is stored as +254722000333
            search(page, "Process Variable", "phone", "0722000333");
            assertThat(lines).hasCount(1);
            assertLine(lines.first(), household, "Due in a day");
        } catch (RuntimeException | AssertionError e) {
            throw Browser.failure(page, "tasklist-noc-queue-failure", e);
        }
    }

    @Test
    void assetsSeeEquipmentToAssignForApprovedClients() {
        TestCompany acme = company();
        ClientDetails client = onboarding.register(acme, "Achieng Cyber Cafe", ClientType.BUSINESS, "0712345678");
        onboarding.receiveOnu(acme, "ONU-Q-" + acme.id().toString().substring(0, 6));
        onboarding.complete(onboarding.taskOf(client), acme, StaffRole.NETWORK_OPERATIONS,
                Map.of("nocDecision", "approve"));

        Page page = logIn(acme, StaffRole.INFRASTRUCTURE_ASSET, "Assets: equipment to assign and recover");
        try {
            Locator lines = page.locator(".tasks-list > li.task");
            assertThat(lines).hasCount(1);
            assertThat(lines.first()).containsText("Assign equipment");
            assertLine(lines.first(), client, "Due in 2 days");

            search(page, "Process Variable", "accountNumber", client.accountNumber());
            assertThat(lines).hasCount(1);
            assertLine(lines.first(), client, "Due in 2 days");
        } catch (RuntimeException | AssertionError e) {
            throw Browser.failure(page, "tasklist-assets-queue-failure", e);
        }
    }

    @Test
    void financeSeesAPossibleDoublePaymentWithItsClient() {
        TestCompany acme = company();
        ClientDetails client = onboarding.register(acme, "Paid Twice Ltd", ClientType.BUSINESS, "0712345678");
        payments.possibleDoublePayment(acme, client, "1500.00", "RKL51ZDR4G");

        Page page = logIn(acme, StaffRole.BILLING_FINANCE, "Finance: payments to assign and review");
        try {
            Locator lines = page.locator(".tasks-list > li.task");
            assertThat(lines).hasCount(1);
            assertThat(lines.first()).containsText("Review possible double payment");
            assertThat(lines.first()).containsText("1500.00");
            assertLine(lines.first(), client, "Due in 4 hours");

            search(page, "Process Variable", "accountNumber", client.accountNumber());
            assertThat(lines).hasCount(1);
        } catch (RuntimeException | AssertionError e) {
            throw Browser.failure(page, "tasklist-finance-queue-failure", e);
        }
    }

    @Test
    void supportRecordsAPromiseToPayAndTheClientIsNotSuspendedBeforeIt() {
        TestCompany acme = company();
        ClientDetails client = subscriptions.activeClient(acme, "Promise Keeper", ClientType.INDIVIDUAL);
        var process = subscriptions.inGraceToday(acme, client);
        LocalDate due = LifecyclePeriods.today().plusDays(7);
        LocalDate promised = due.plusDays(6); // past the three days of grace

        Page page = logIn(acme, StaffRole.CUSTOMER_SUPPORT, "Support: client calls and promises");
        try {
            Locator lines = page.locator(".tasks-list > li.task");
            assertThat(lines).hasCount(1);
            assertThat(lines.first()).containsText("Record promise to pay");
            assertLine(lines.first(), client, "Due in 2 days");
            search(page, "Process Instance Business Key", null, client.accountNumber());
            assertThat(lines).hasCount(1);

            Browser.openQueuedTask(page, "Record promise to pay");
            page.locator("button.claim").click();
            assertThat(page.getByLabel("Arrears (KES)")).hasValue("2999.00");
            // the browser's locale is en-GB: dates as Kenyan staff write them, day first
            page.getByLabel("Promised to pay by").fill(promised.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            page.getByLabel("Promised to pay by").press("Tab");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
            assertThat(page.getByText("Record promise to pay")).hasCount(0);
        } catch (RuntimeException | AssertionError e) {
            throw Browser.failure(page, "tasklist-support-promise-failure", e);
        }

        org.assertj.core.api.Assertions.assertThat(promiseOf(acme, client)).isEqualTo(promised);
        // morning after morning up to the promised day: reminded, never suspended
        while (LifecyclePeriods.today().isBefore(promised)) {
            subscriptions.nextMorning(process);
            org.assertj.core.api.Assertions.assertThat(stateOf(acme, client)).as(LifecyclePeriods.today().toString())
                    .isEqualTo(SubscriptionState.GRACE);
        }
    }

    private LocalDate promiseOf(TestCompany company, ClientDetails client) {
        return tenantScope.callAs(company.id(), () -> billing.liveOf(client.id())).orElseThrow().promisedUntil();
    }

    private SubscriptionState stateOf(TestCompany company, ClientDetails client) {
        return tenantScope.callAs(company.id(), () -> billing.liveOf(client.id())).orElseThrow().state();
    }

    private TestCompany company() {
        testCompanies.superAdmin(); // an administrator exists, so Tasklist offers its login rather than the set-up
        return testCompanies.create();
    }

    /** Logs the role's user in; Tasklist opens on his role's queue, not on an empty "My tasks". */
    private Page logIn(TestCompany company, StaffRole role, String queue) {
        Page page = browser.newPage();
        try {
            Browser.logInToTasklist(page, port, company.user(role));
            assertThat(page.locator(".task-filters .item.active")).containsText(queue);
        } catch (RuntimeException | AssertionError e) {
            throw Browser.failure(page, "tasklist-" + role.id() + "-login-failure", e);
        }
        return page;
    }

    private static void assertLine(Locator line, ClientDetails client, String due) {
        assertThat(line).containsText(client.name());
        assertThat(line).containsText(client.accountNumber());
        assertThat(line).containsText(due);
    }

    /** Adds a criterion through Tasklist's search box, as staff do: its type, a variable name if any, the value. */
    private static void search(Page page, String type, String variable, String value) {
        Locator box = page.locator("input.main-field");
        box.click();
        box.fill(type);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(type).setExact(true)).click();
        if (variable != null) {
            enterInPill(page, variable);
        }
        enterInPill(page, value);
    }

    /** Types into the field of the new search pill that Tasklist has focused (its name, then its value). */
    private static void enterInPill(Page page, String text) {
        Locator field = page.locator("[cam-widget-search-pill] input:focus");
        field.fill(text);
        field.press("Enter");
        assertThat(page.locator("[cam-widget-search-pill]").last()).containsText(text);
    }

    private static void clearSearch(Page page) {
        page.locator("[cam-widget-search-pill] .remove-search").first().click();
    }
}
