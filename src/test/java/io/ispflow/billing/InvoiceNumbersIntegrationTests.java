package io.ispflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * Invoice numbers are taken as the issuing transaction commits: gap-free, in commit order, and a long
 * transaction does not hold up another one of the same company while it runs.
 */
@IntegrationTest
class InvoiceNumbersIntegrationTests {

    @Autowired
    Invoicing invoicing;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    TestCompany acme;
    ClientDetails client;
    ClientDetails other;

    @BeforeEach
    void twoClients() {
        acme = testCompanies.create();
        client = onboarding.register(acme, "Numbered Client");
        other = onboarding.register(acme, "Another Client"); // invoices of one client queue on his wallet's lock
    }

    @Test
    void aRolledBackInvoiceTakesNoNumber() {
        issue();
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> {
            invoicing.issue(invoice(), "test");
            tx.setRollbackOnly();
        }));
        issue();

        assertThat(numbers()).containsExactly("INV-000001", "INV-000002");
    }

    @Test
    void anOpenTransactionDoesNotHoldUpAnotherAndNumbersFollowCommitOrder() throws Exception {
        CountDownLatch issuedFirst = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> tenantScope.runAs(acme.id(),
                () -> transactions.executeWithoutResult(tx -> {
                    invoicing.issue(invoice(other), "test");
                    issuedFirst.countDown();
                    await(secondCommitted); // still open while the other one issues and commits
                })));
        await(issuedFirst);

        // with the counter locked for the whole of the first transaction, this would wait for it: a deadlock
        CompletableFuture.runAsync(this::issue).get(20, TimeUnit.SECONDS);
        secondCommitted.countDown();
        first.get(20, TimeUnit.SECONDS);

        assertThat(inAcme("""
                select invoice_number from invoices where client_id in (?, ?) order by created_at""", client.id(),
                other.id())).as("issued first, committed second").containsExactly("INV-000002", "INV-000001");
    }

    private void issue() {
        tenantScope.runAs(acme.id(), () -> transactions.executeWithoutResult(tx -> invoicing.issue(invoice(), "test")));
    }

    private NewInvoice invoice() {
        return invoice(client);
    }

    private NewInvoice invoice(ClientDetails to) {
        return new NewInvoice(to.id(), new BigDecimal("100.00"), "Installation", null, null,
                LocalDate.now().plusDays(7));
    }

    private List<String> numbers() {
        return inAcme("select invoice_number from invoices where client_id = ? order by invoice_number", client.id());
    }

    private List<String> inAcme(String sql, Object... args) {
        return tenantScope.callAs(acme.id(),
                () -> transactions.execute(tx -> jdbc.queryForList(sql, String.class, args)));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("not reached in 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
