package io.ispflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
import io.ispflow.clients.ClientDirectory;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Nairobi;
import io.ispflow.testing.IntegrationTest;
import io.ispflow.testing.OnboardingFixture;
import io.ispflow.testing.TestCompanies;
import io.ispflow.testing.TestCompanies.TestCompany;

/**
 * A subscription starts with its first invoice, renews period by period from the wallet, and moves
 * through grace, suspension and disconnection one step at a time: a repeated step changes nothing.
 */
@IntegrationTest
class SubscriptionsIntegrationTests {

    static final BigDecimal RATE = new BigDecimal("2999.00");

    @Autowired
    Subscriptions subscriptions;
    @Autowired
    WalletCredits wallet;
    @Autowired
    WalletLedger ledger;
    @Autowired
    TestCompanies testCompanies;
    @Autowired
    OnboardingFixture onboarding;
    @Autowired
    TenantScope tenantScope;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    ClientDirectory clients;

    TestCompany acme;
    ClientDetails client;
    LocalDate today;

    @BeforeEach
    void aRegisteredClient() {
        acme = testCompanies.create();
        client = onboarding.register(acme, "Subscriber");
        today = LocalDate.now(Nairobi.ZONE);
    }

    @Test
    void aSubscriptionStartsOnceWithItsFirstMonth() {
        Invoice first = inAcme(() -> subscriptions.start(client.id(), client.accountNumber(), null, RATE));
        Invoice again = inAcme(() -> subscriptions.start(client.id(), client.accountNumber(), null, RATE));

        assertThat(again.id()).isEqualTo(first.id());
        Subscription subscription = live();
        assertThat(subscription.accountNumber()).isEqualTo(client.accountNumber());
        assertThat(subscription.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(subscription.periodStart()).isEqualTo(today);
        assertThat(subscription.periodEnd()).isEqualTo(today.plusMonths(1).minusDays(1));
        assertThat(subscription.paidThrough()).as("the first month is not paid yet").isNull();
        assertThat(count("select count(*) from subscriptions where client_id = ?", client.id())).isEqualTo(1);
    }

    @Test
    void aWalletThatHoldsEnoughPaysTheRenewal() {
        inAcme(() -> wallet.credit(client.id(), new BigDecimal("6000.00"), "prepaid", "test"));
        start();

        Renewal renewal = inAcme(() -> subscriptions.renew(live().id(), "test"));

        assertThat(renewal.outcome()).isEqualTo(Renewal.Outcome.PAID);
        LocalDate next = today.plusMonths(1);
        assertThat(renewal.invoice().periodStart()).isEqualTo(next);
        assertThat(renewal.subscription().periodStart()).isEqualTo(next);
        assertThat(renewal.subscription().paidThrough()).isEqualTo(next.plusMonths(1).minusDays(1));
        assertThat(inAcme(() -> ledger.balance(client.id()))).isEqualByComparingTo("2.00");
    }

    @Test
    void anEmptyWalletLeavesTheRenewalUnpaidAndTheArrearsGrow() {
        start();
        Subscription subscription = live();

        Renewal renewal = inAcme(() -> subscriptions.renew(subscription.id(), "test"));

        assertThat(renewal.outcome()).isEqualTo(Renewal.Outcome.UNPAID);
        Arrears arrears = inAcme(() -> subscriptions.arrears(subscription.id(), true));
        assertThat(arrears.amount()).isEqualByComparingTo("5998.00");
        assertThat(arrears.oldestDueDate()).isEqualTo(today.plusDays(Subscriptions.PAYMENT_TERM_DAYS));
        assertThat(renewal.subscription().paidThrough()).isNull();
    }

    @Test
    void aPeriodAlreadyInvoicedIsNotInvoicedAgain() {
        start();
        Subscription subscription = live();
        Renewal first = inAcme(() -> subscriptions.renew(subscription.id(), "test"));
        // as if the step ran again for the same period: the period is put back, the invoice stays
        inAcme(() -> jdbc.update("update subscriptions set period_start = ?, period_end = ? where id = ?",
                java.sql.Date.valueOf(subscription.periodStart()), java.sql.Date.valueOf(subscription.periodEnd()),
                subscription.id()));

        Renewal second = inAcme(() -> subscriptions.renew(subscription.id(), "test"));

        assertThat(second.invoice().id()).isEqualTo(first.invoice().id());
        assertThat(count("select count(*) from invoices where client_id = ?", client.id())).isEqualTo(2);
    }

    @Test
    void aDowngradeWaitsForTheNextPeriod() {
        start();
        Subscription subscription = live();
        ServicePackage cheaper = inAcme(() -> catalogue.add(new NewServicePackage("Home 10", null, null, 10, 5,
                new BigDecimal("1999.00"))));

        PackageChange change = inAcme(() -> subscriptions.changePackage(subscription.id(), cheaper.id(), "finance"));
        assertThat(change.when()).isEqualTo(PackageChange.When.NEXT_PERIOD);
        assertThat(change.subscription().monthlyRate()).as("this period is paid as it is").isEqualByComparingTo(RATE);
        Renewal renewal = inAcme(() -> subscriptions.renew(subscription.id(), "test"));

        assertThat(renewal.invoice().total()).isEqualByComparingTo("1999.00");
        assertThat(renewal.subscription().monthlyRate()).isEqualByComparingTo("1999.00");
        assertThat(renewal.subscription().servicePackageId()).isEqualTo(cheaper.id());
        assertThat(renewal.subscription().nextMonthlyRate()).isNull();
        assertServedOn(cheaper, "1999.00");
    }

    @Test
    void anUpgradeAppliesNowWithTheUnusedDaysCreditedAndTheNewDaysPaidFromTheWallet() {
        start();
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        Subscription subscription = live();
        // a 30-day period of which 10 days are used: 20 are left, today included
        inAcme(() -> jdbc.update("update subscriptions set period_start = ?, period_end = ?, paid_through = ? where id = ?",
                Date.valueOf(today.minusDays(10)), Date.valueOf(today.plusDays(19)), Date.valueOf(today.plusDays(19)),
                subscription.id()));
        ServicePackage faster = inAcme(() -> catalogue.add(new NewServicePackage("Home 50", null, null, 50, 25,
                new BigDecimal("4999.00"))));
        long entriesBefore = count("select count(*) from wallet_transactions where client_id = ?", client.id());

        // 2999 × 20/30 = 1999.33 credited, 4999 × 20/30 = 3332.67 due: the empty wallet does not cover the difference
        assertThatThrownBy(() -> inAcme(() -> subscriptions.changePackage(subscription.id(), faster.id(), "finance")))
                .isInstanceOf(InsufficientWalletBalance.class).hasMessageContaining("1999.33")
                .hasMessageContaining("3332.67");
        assertThat(count("select count(*) from wallet_transactions where client_id = ?", client.id()))
                .as("nothing written").isEqualTo(entriesBefore);
        assertThat(live().monthlyRate()).isEqualByComparingTo(RATE);

        inAcme(() -> wallet.credit(client.id(), new BigDecimal("1500.00"), "M-PESA top-up", "test"));
        PackageChange change = inAcme(() -> subscriptions.changePackage(subscription.id(), faster.id(), "finance"));

        assertThat(change.when()).isEqualTo(PackageChange.When.NOW);
        assertThat(change.credited()).isEqualByComparingTo("1999.33");
        assertThat(change.invoice().total()).isEqualByComparingTo("3332.67");
        assertThat(change.invoice().status()).isEqualTo("paid");
        assertThat(change.subscription().monthlyRate()).isEqualByComparingTo("4999.00");
        assertThat(change.subscription().servicePackageId()).isEqualTo(faster.id());
        assertThat(change.subscription().periodEnd()).as("the period stays").isEqualTo(today.plusDays(19));
        assertThat(inAcme(() -> ledger.balance(client.id()))).isEqualByComparingTo("166.66");
        assertThat(inAcme(() -> jdbc.queryForObject("""
                select description from wallet_transactions where client_id = ? and transaction_type = 'credit'
                order by entry_no desc limit 1""", String.class, client.id())))
                .isEqualTo("Upgrade to Home 50: unused 20 of 30 days at KES 2999.00 a month");
        assertThat(inAcme(() -> subscriptions.renew(subscription.id(), "test")).invoice().total())
                .as("the next period at the new rate").isEqualByComparingTo("4999.00");
        assertServedOn(faster, "4999.00");
    }

    @Test
    void aHoldPushesThePeriodsEndByItsDaysWithinTheYearlyAllowance() {
        start();
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));
        Subscription before = live();

        Hold hold = inAcme(() -> subscriptions.hold(before.id(), today.plusDays(2), today.plusDays(11), "Travelling",
                "finance", 30, 7));

        assertThat(hold.days()).isEqualTo(10);
        assertThat(live().periodEnd()).isEqualTo(before.periodEnd().plusDays(10));
        assertThat(inAcme(() -> subscriptions.holds(before.id()))).containsExactly(hold);
        assertThatThrownBy(() -> inAcme(() -> subscriptions.hold(before.id(), today.plusDays(20), today.plusDays(27),
                "Again", "finance", 30, 7))).isInstanceOf(SubscriptionChangeRefused.class)
                .hasMessageContaining("already scheduled");
    }

    @Test
    void aHoldIsRefusedOutsideItsRulesAndNothingMoves() {
        start(); // the first month is not paid yet
        Subscription subscription = live();
        assertThatThrownBy(() -> inAcme(() -> subscriptions.hold(subscription.id(), today.plusDays(1),
                today.plusDays(8), "Travelling", "finance", 30, 7))).isInstanceOf(SubscriptionChangeRefused.class)
                .hasMessageContaining("paid-up");
        inAcme(() -> wallet.credit(client.id(), RATE, "first month", "test"));

        for (LocalDate[] days : new LocalDate[][] {{today.minusDays(1), today.plusDays(7)},
                {today.plusDays(5), today.plusDays(4)}, {live().periodEnd().plusDays(1), live().periodEnd().plusDays(9)},
                {today.plusDays(1), today.plusDays(3)}, {today.plusDays(1), today.plusDays(31)}}) {
            assertThatThrownBy(() -> inAcme(() -> subscriptions.hold(subscription.id(), days[0], days[1], "Away",
                    "finance", 30, 7))).as(days[0] + " to " + days[1]).isInstanceOf(SubscriptionChangeRefused.class);
        }
        assertThat(live().periodEnd()).isEqualTo(subscription.periodEnd());
        assertThat(count("select count(*) from subscription_holds where client_id = ?", client.id())).isZero();
    }

    @Test
    void anUpgradeIsRefusedWhileInvoicesAreOpenOrOutsideActiveService() {
        start(); // the first invoice is open
        Subscription subscription = live();
        ServicePackage faster = inAcme(() -> catalogue.add(new NewServicePackage("Home 50", null, null, 50, 25,
                new BigDecimal("4999.00"))));

        assertThatThrownBy(() -> inAcme(() -> subscriptions.changePackage(subscription.id(), faster.id(), "finance")))
                .isInstanceOf(SubscriptionChangeRefused.class).hasMessageContaining("Open invoices");
        inAcme(() -> subscriptions.enterGrace(subscription.id(), "unpaid"));
        assertThatThrownBy(() -> inAcme(() -> subscriptions.changePackage(subscription.id(), faster.id(), "finance")))
                .isInstanceOf(SubscriptionChangeRefused.class).hasMessageContaining("grace");
        assertThatThrownBy(() -> inAcme(() -> subscriptions.changePackage(subscription.id(), UUID.randomUUID(),
                "finance"))).isInstanceOf(ServicePackageNotOffered.class);
    }

    @Test
    void withoutAutoRenewalTheSubscriptionEndsWithItsPeriod() {
        start();
        Subscription subscription = live();
        inAcme(() -> jdbc.update("update subscriptions set auto_renew = false where id = ?", subscription.id()));

        Renewal renewal = inAcme(() -> subscriptions.renew(subscription.id(), "test"));

        assertThat(renewal.outcome()).isEqualTo(Renewal.Outcome.ENDED);
        assertThat(renewal.subscription().state()).isEqualTo(SubscriptionState.ENDED);
        assertThat(count("select count(*) from invoices where client_id = ?", client.id())).isEqualTo(1);
    }

    @Test
    void eachStepOfTheLifecycleHappensOnce() {
        start();
        UUID id = live().id();

        assertThat(step(() -> subscriptions.suspend(id, "too early"))).as("not from active").isFalse();
        assertThat(step(() -> subscriptions.enterGrace(id, "renewal unpaid"))).isTrue();
        assertThat(step(() -> subscriptions.enterGrace(id, "renewal unpaid"))).isFalse();
        assertThat(step(() -> subscriptions.recordPromise(id, today.plusDays(5), "acmesupport"))).isTrue();
        assertThat(step(() -> subscriptions.recordPromise(id, today.plusDays(9), "acmesupport")))
                .as("one promise per unpaid period").isFalse();
        assertThat(live().promiseHolds(today.plusDays(5))).isTrue();
        assertThat(live().promiseHolds(today.plusDays(6))).isFalse();
        assertThat(step(() -> subscriptions.suspend(id, "unpaid"))).isTrue();
        assertThat(step(() -> subscriptions.suspend(id, "unpaid"))).isFalse();
        assertThat(live().state()).isEqualTo(SubscriptionState.SUSPENDED);
        assertThat(live().stateReason()).isEqualTo("unpaid");

        LocalDate back = today.plusDays(20);
        assertThat(step(() -> subscriptions.restore(id, back, "paid"))).isTrue();
        assertThat(step(() -> subscriptions.restore(id, back, "paid"))).isFalse();
        Subscription restored = live();
        assertThat(restored.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(restored.periodStart()).as("days suspended are not billed").isEqualTo(back);
        assertThat(restored.paidThrough()).isEqualTo(back.plusMonths(1).minusDays(1));
        assertThat(restored.promisedUntil()).isNull();

        assertThat(step(() -> subscriptions.disconnect(id, "too long"))).as("not from active").isFalse();
        assertThat(step(() -> subscriptions.enterGrace(id, "unpaid again"))).isTrue();
        assertThat(step(() -> subscriptions.suspend(id, "unpaid again"))).isTrue();
        assertThat(step(() -> subscriptions.disconnect(id, "30 days suspended"))).isTrue();
        assertThat(step(() -> subscriptions.end(id, "equipment recovered"))).isTrue();
        assertThat(step(() -> subscriptions.end(id, "equipment recovered"))).isFalse();
        assertThat(inAcme(() -> subscriptions.liveOf(client.id()))).isEmpty();
    }

    @Test
    void anotherCompanySeesNoneOfIt() {
        start();
        UUID id = live().id();
        TestCompany rival = testCompanies.create();

        assertThat(tenantScope.callAs(rival.id(), () -> subscriptions.find(id))).isEmpty();
        assertThat(tenantScope.callAs(rival.id(), () -> subscriptions.inStates())).isEmpty();
        assertThatThrownBy(() -> tenantScope.callAs(rival.id(), () -> subscriptions.suspend(id, "not yours")))
                .isInstanceOf(SubscriptionNotFound.class);
        assertThat(live().state()).isEqualTo(SubscriptionState.ACTIVE);
    }

    /** The package is the client's one active assignment, and his record shows it with its rate. */
    private void assertServedOn(ServicePackage servicePackage, String rate) {
        assertThat(inAcme(() -> jdbc.queryForList("""
                select service_package_id from client_service_assignments where client_id = ? and is_active""",
                UUID.class, client.id()))).containsExactly(servicePackage.id());
        await().untilAsserted(() -> {
            ClientDetails record = inAcme(() -> clients.find(client.id()).orElseThrow());
            assertThat(record.servicePackageId()).isEqualTo(servicePackage.id());
            assertThat(record.monthlyRate()).isEqualByComparingTo(rate);
        });
    }

    private void start() {
        inAcme(() -> subscriptions.start(client.id(), client.accountNumber(), null, RATE));
    }

    private Subscription live() {
        return inAcme(() -> subscriptions.liveOf(client.id())).orElseThrow();
    }

    private boolean step(Supplier<Boolean> step) {
        return inAcme(step);
    }

    private long count(String sql, Object... args) {
        return inAcme(() -> jdbc.queryForObject(sql, Long.class, args));
    }

    private <T> T inAcme(Supplier<T> work) {
        return tenantScope.callAs(acme.id(), () -> transactions.execute(tx -> work.get()));
    }
}
