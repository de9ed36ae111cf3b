package io.ispflow.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.platform.TenantScope;
import io.ispflow.testing.HeldSingletonWork;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/** Active clients are invoiced month by month, once per period, and their wallet pays first. */
@IntegrationTest
class MonthlyInvoicingIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Autowired
    MonthlyInvoicing monthly;
    @Autowired
    WalletCredits wallet;
    @Autowired
    Invoicing invoicing;
    @Autowired
    io.ispflow.clients.ClientLifecycle lifecycle;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    WalletLedger ledger;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    io.ispflow.platform.locks.SingletonWork singletonWork;

    TestCompany acme;
    ClientDetails client;

    @BeforeEach
    void anActiveClientBilledUntilYesterday() {
        acme = testCompanies.create();
        client = onboarding.register(acme, "Monthly Payer");
        becomes(client, "approved", "active");
        firstMonth(client, TODAY.minusMonths(1), TODAY.minusDays(1));
    }

    @Test
    void theNextMonthIsInvoicedOnceAtTheMonthlyRate() {
        int issued = monthly.issueDue(TODAY);
        int again = monthly.issueDue(TODAY);

        assertThat(issued).isGreaterThanOrEqualTo(1);
        assertThat(again).isZero();
        var invoices = periodInvoices(client);
        assertThat(invoices).hasSize(2);
        var next = invoices.get(1);
        assertThat(next.get("period_start")).isEqualTo(Date.valueOf(TODAY));
        assertThat(next.get("period_end")).isEqualTo(Date.valueOf(LocalDate.of(2026, 12, 21)));
        assertThat(next.get("due_date")).isEqualTo(Date.valueOf(TODAY.plusDays(7)));
        assertThat((BigDecimal) next.get("total_amount")).isEqualByComparingTo("2999.00");
        assertThat((BigDecimal) next.get("vat_amount")).isEqualByComparingTo("413.66");
        assertThat(next.get("status")).isEqualTo("issued");
        org.awaitility.Awaitility.await("the client told by SMS").atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(texts(client, "invoice_issued")).singleElement().asString()
                        .contains((String) next.get("invoice_number"), "KES 2999.00 due by 29 Nov 2026",
                                "account number " + client.accountNumber()));
    }

    @Test
    void nothingIsDueBeforeThePeriodEnds() {
        assertThat(monthly.issueDue(TODAY.minusDays(1))).isZero();
        assertThat(periodInvoices(client)).hasSize(1);
    }

    @Test
    void aPrepaidWalletPaysTheNewInvoiceAtOnce() {
        // 6,000 pays the open first month (2,999) at once; 3,001 stays in the wallet
        inAcme(() -> wallet.credit(client.id(), new BigDecimal("6000.00"), "prepaid", "test"));

        monthly.issueDue(TODAY);

        var invoices = periodInvoices(client);
        assertThat(invoices).extracting(i -> i.get("status")).containsExactly("paid", "paid");
        org.awaitility.Awaitility.await("the client told by SMS").atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(texts(client, "invoice_issued")).singleElement().asString()
                        .contains("is paid from your wallet"));
        assertThat(tenantScope.callAs(acme.id(), () -> ledger.balance(client.id()))).isEqualByComparingTo("2.00");
    }

    @Test
    void missedMonthsAreCaughtUpAndSuspendedClientsAreNotBilled() {
        ClientDetails behind = onboarding.register(acme, "Three Months Behind");
        becomes(behind, "approved", "active");
        firstMonth(behind, TODAY.minusMonths(3), TODAY.minusMonths(2).minusDays(1));
        ClientDetails suspended = onboarding.register(acme, "Suspended Client");
        becomes(suspended, "approved", "active", "suspended");
        firstMonth(suspended, TODAY.minusMonths(1), TODAY.minusDays(1));

        monthly.issueDue(TODAY);

        assertThat(periodInvoices(behind)).extracting(i -> i.get("period_start")).containsExactly(
                Date.valueOf(TODAY.minusMonths(3)), Date.valueOf(TODAY.minusMonths(2)),
                Date.valueOf(TODAY.minusMonths(1)), Date.valueOf(TODAY));
        assertThat(periodInvoices(suspended)).hasSize(1);
    }

    @Test
    void monthsSpentSuspendedAreNotBilledAfterTheReactivation() {
        LocalDate today = LocalDate.now(io.ispflow.shared.Nairobi.ZONE);
        ClientDetails back = onboarding.register(acme, "Back After Three Months");
        becomes(back, "approved", "active");
        firstMonth(back, today.minusMonths(4), today.minusMonths(3).minusDays(1));
        becomes(back, "suspended");
        inAcme(() -> {
            lifecycle.reactivate(back.id(), "payments", "paid up");
            return null;
        });

        monthly.issueDue(today);

        assertThat(periodInvoices(back)).extracting(i -> i.get("period_start"))
                .containsExactly(Date.valueOf(today.minusMonths(4)), Date.valueOf(today));
    }

    @Test
    void eachCompanysClientsAreBilledInTheirOwnCompany() {
        TestCompany rival = testCompanies.create();
        ClientDetails theirs = onboarding.register(rival, "Rival Client");
        tenantScope.runAs(rival.id(), () -> transactions.executeWithoutResult(tx -> {
            for (String status : List.of("approved", "active")) {
                jdbc.update("update clients set status = ? where id = ?", status, theirs.id());
            }
            invoicing.issue(new NewInvoice(theirs.id(), new BigDecimal("1000.00"), "First month", TODAY.minusMonths(1),
                    TODAY.minusDays(1), TODAY), "test");
        }));

        monthly.issueDue(TODAY);

        assertThat(periodInvoices(client)).hasSize(2);
        var rivalNumbers = tenantScope.callAs(rival.id(), () -> transactions.execute(tx -> jdbc.queryForList(
                "select invoice_number from invoices where client_id = ? order by period_start", String.class,
                theirs.id())));
        assertThat(rivalNumbers).as("the rival's own numbering").containsExactly("INV-000001", "INV-000002");
    }

    @Test
    void theDailyRunSkipsWhileAnotherRunHoldsTheClusterLock() throws Exception {
        var clock = java.time.Clock.fixed(TODAY.atStartOfDay(io.ispflow.shared.Nairobi.ZONE).toInstant(), io.ispflow.shared.Nairobi.ZONE);
        var run = new MonthlyInvoiceRun(monthly, singletonWork, clock, true);
        HeldSingletonWork otherRun = HeldSingletonWork.start(singletonWork, MonthlyInvoiceRun.LOCK, () -> { });

        run.daily();
        assertThat(periodInvoices(client)).as("skipped while the lock is held").hasSize(1);

        assertThat(otherRun.finish()).isTrue();
        run.daily();
        assertThat(periodInvoices(client)).hasSize(2);
    }

    void becomes(ClientDetails who, String... statuses) {
        for (String status : statuses) {
            inAcme(() -> jdbc.update("update clients set status = ? where id = ?", status, who.id()));
        }
    }

    void firstMonth(ClientDetails who, LocalDate start, LocalDate end) {
        inAcme(() -> invoicing.issue(new NewInvoice(who.id(), new BigDecimal("2999.00"), "First month", start, end,
                start.plusDays(7)), "test"));
    }

    List<Map<String, Object>> periodInvoices(ClientDetails who) {
        return inAcme(() -> jdbc.queryForList(
                "select * from invoices where client_id = ? and period_start is not null order by period_start", who.id()));
    }

    List<String> texts(ClientDetails to, String purpose) {
        return inAcme(() -> jdbc.queryForList("select body from outbound_messages where client_id = ? and purpose = ?",
                String.class, to.id(), purpose));
    }

    <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
