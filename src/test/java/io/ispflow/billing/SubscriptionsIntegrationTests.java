package io.ispflow.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.clients.ClientDetails;
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
        inAcme(() -> jdbc.update("update subscriptions set next_monthly_rate = 1999.00 where id = ?", subscription.id()));

        Renewal renewal = inAcme(() -> subscriptions.renew(subscription.id(), "test"));

        assertThat(renewal.invoice().total()).isEqualByComparingTo("1999.00");
        assertThat(renewal.subscription().monthlyRate()).isEqualByComparingTo("1999.00");
        assertThat(renewal.subscription().nextMonthlyRate()).isNull();
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
