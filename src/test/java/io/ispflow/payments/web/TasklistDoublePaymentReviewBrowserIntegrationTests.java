package io.ispflow.payments.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.StaffRole;
import io.ispflow.testing.Browser;
import io.ispflow.testing.DueJobs;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.PaymentsFixture;
import io.ispflow.testing.TestCompanies;

/**
 * Finance reviews a possible double payment in Tasklist in a real browser: the form shows both
 * payments, and "separate payment" credits the second one too.
 */
@IntegrationTest
class TasklistDoublePaymentReviewBrowserIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    PaymentsFixture paymentsFixture;
    @Autowired
    DueJobs dueJobs;
    @Autowired
    HistoryService historyService;
    @Autowired
    io.ispflow.billing.WalletLedger ledger;
    @Autowired
    TenantScope tenantScope;

    @Test
    void financeCreditsASeparatePaymentFromTasklist() {
        testCompanies.superAdmin(); // an administrator exists, so Tasklist offers its login rather than the set-up
        var acme = testCompanies.create();
        ClientDetails client = onboarding.register(acme, "Paid Twice");
        var process = paymentsFixture.possibleDoublePayment(acme, client, "1500.00", "RKL51ZDR4F");

        try (var browser = new Browser()) {
            Page page = browser.newPage();
            try {
                Browser.logInToTasklist(page, port, acme.user(StaffRole.BILLING_FINANCE));
                Browser.openQueuedTask(page, "Review possible double payment");
                page.locator("button.claim").click();
                assertThat(page.getByLabel("Its M-PESA receipt")).hasValue("RKL51ZDR4F");
                assertThat(page.getByLabel("Amount (KES)")).hasValue("1500.00");
                page.getByLabel("Separate payment: credit it as well").check();
                page.getByLabel("Note").fill("Two receipts on the statement");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")).click();
                assertThat(page.getByText("Review possible double payment")).hasCount(0);
            } catch (RuntimeException | AssertionError e) {
                throw Browser.failure(page, "tasklist-double-payment-failure", e);
            }
        }

        dueJobs.ofProcessInstance(process.getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(process.getId()).singleResult()
                .getEndActivityId()).isEqualTo("End_PaymentReconciled");
        BigDecimal balance = tenantScope.callAs(acme.id(), () -> ledger.balance(client.id()));
        assertThat(balance).isEqualByComparingTo("3000.00");
    }
}
