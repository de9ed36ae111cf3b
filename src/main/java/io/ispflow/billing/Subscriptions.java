package io.ispflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.shared.Nairobi;

/**
 * Clients' subscriptions, of the company in context: started with the first monthly invoice, renewed
 * period by period (paid from the wallet when it holds enough), and moved through grace, suspension
 * and disconnection by the subscription lifecycle process. Prices are VAT-inclusive, as Kenyan retail
 * prices are quoted: the VAT share of a KES 2,999 package at 16% is 413.66.
 *
 * <p>Every change locks the subscription's row and checks the state it starts from, so a retried
 * process step or a second node changes nothing twice: each method says whether it changed anything.
 */
@Service
public class Subscriptions {

    /** Days a client has to pay an invoice. */
    static final int PAYMENT_TERM_DAYS = 7;

    private final JdbcTemplate jdbc;
    private final Invoicing invoicing;
    private final WalletLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceCatalogue catalogue;

    Subscriptions(JdbcTemplate jdbc, Invoicing invoicing, WalletLedger ledger, ApplicationEventPublisher events,
            Clock clock, ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.invoicing = invoicing;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts the client's subscription once, with its first monthly invoice (paid at once from any credit
     * in his wallet): calling it again returns that invoice (a retried process step must not bill twice).
     * The lifecycle process starts when this commits ({@link SubscriptionStarted}).
     */
    @Transactional
    public Invoice start(UUID clientId, String accountNumber, UUID servicePackageId, BigDecimal monthlyRate) {
        UUID company = TenantContext.requireCompanyId();
        var existing = jdbc.queryForList("""
                select id from invoices where client_id = ? and isp_company_id = ? order by created_at limit 1""",
                UUID.class, clientId, company);
        if (!existing.isEmpty()) {
            return invoicing.find(existing.get(0)).orElseThrow();
        }
        if (servicePackageId != null) {
            assign(clientId, servicePackageId);
        }
        LocalDate today = LocalDate.now(clock.withZone(Nairobi.ZONE));
        LocalDate end = today.plusMonths(1).minusDays(1);
        Invoice first = invoicing.issue(new NewInvoice(clientId, monthlyRate, "First month of service", today, end,
                today.plusDays(PAYMENT_TERM_DAYS)), "onboarding");
        UUID id = jdbc.queryForObject("""
                insert into subscriptions (client_id, account_number, service_package_id, monthly_rate, period_start,
                                           period_end, paid_through, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", UUID.class, clientId, accountNumber, servicePackageId,
                monthlyRate, Date.valueOf(today), Date.valueOf(end), "paid".equals(first.status()) ? Date.valueOf(end) : null,
                company);
        events.publishEvent(new SubscriptionStarted(company, id, clientId, accountNumber, end));
        return first;
    }

    @Transactional(readOnly = true)
    public Optional<Subscription> find(UUID id) {
        return jdbc.query("select * from subscriptions where id = ? and isp_company_id = ?", Subscriptions::row, id,
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The client's subscription that has not ended, if any. */
    @Transactional(readOnly = true)
    public Optional<Subscription> liveOf(UUID clientId) {
        return jdbc.query("""
                select * from subscriptions where client_id = ? and isp_company_id = ? and state <> 'ended'""",
                Subscriptions::row, clientId, TenantContext.requireCompanyId()).stream().findFirst();
    }

    /**
     * The live subscription of the client with this account number: the lifecycle's business key, which
     * no task completion can change (a variable could be).
     */
    @Transactional(readOnly = true)
    public Optional<Subscription> liveByAccountNumber(String accountNumber) {
        return jdbc.query("""
                select * from subscriptions where account_number = ? and isp_company_id = ? and state <> 'ended'""",
                Subscriptions::row, accountNumber, TenantContext.requireCompanyId()).stream().findFirst();
    }

    /**
     * The account's live subscription or, when it has none, its latest ended one: what a lifecycle whose
     * subscription ended at its last renewal still works on.
     */
    @Transactional(readOnly = true)
    public Optional<Subscription> latestByAccountNumber(String accountNumber) {
        return jdbc.query("""
                select * from subscriptions where account_number = ? and isp_company_id = ?
                order by state <> 'ended' desc, created_at desc limit 1""",
                Subscriptions::row, accountNumber, TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The company's subscriptions in these states (all when none are given), oldest first. */
    @Transactional(readOnly = true)
    public List<Subscription> inStates(SubscriptionState... states) {
        String[] names = java.util.Arrays.stream(states.length == 0 ? SubscriptionState.values() : states)
                .map(SubscriptionState::db).toArray(String[]::new);
        return jdbc.query("""
                select * from subscriptions where isp_company_id = ? and state = any (?) order by created_at, id""",
                Subscriptions::row, TenantContext.requireCompanyId(), names);
    }

    /**
     * Renews an active subscription whose period has ended: the next period (from the day after, at the
     * rate of a downgrade waiting for it, if any) is invoiced once and paid from the wallet if it holds
     * enough. A subscription without auto-renewal ends instead. Called again for the same period (a
     * retried step), it answers with that period's invoice.
     */
    @Transactional
    public Renewal renew(UUID id, String by) {
        Subscription current = lock(id);
        if (!current.autoRenew()) {
            end(id, "Not renewed: auto-renewal is off");
            return new Renewal(Renewal.Outcome.ENDED, lock(id), null);
        }
        LocalDate start = current.periodEnd().plusDays(1);
        LocalDate end = start.plusMonths(1).minusDays(1);
        BigDecimal rate = current.nextMonthlyRate() != null ? current.nextMonthlyRate() : current.monthlyRate();
        UUID packageId = current.nextMonthlyRate() != null ? current.nextPackageId() : current.servicePackageId();
        ledger.lockBalance(current.clientId()); // payments settle under this lock: none slips between issue and check
        Invoice invoice = periodInvoice(current.clientId(), start).orElseGet(() -> invoicing.issue(new NewInvoice(
                current.clientId(), rate, "Internet service " + start + " to " + end, start, end,
                start.plusDays(PAYMENT_TERM_DAYS)), by));
        boolean paid = "paid".equals(invoice.status());
        jdbc.update("""
                update subscriptions set period_start = ?, period_end = ?, monthly_rate = ?, service_package_id = ?,
                       next_monthly_rate = null, next_package_id = null,
                       paid_through = case when ? then ? else paid_through end,
                       promised_until = null, promised_by = null, updated_at = now()
                where id = ?""", Date.valueOf(start), Date.valueOf(end), rate, packageId, paid, Date.valueOf(end), id);
        if (current.nextMonthlyRate() != null) {
            packageChanged(current, packageId, rate, start);
        }
        return new Renewal(paid ? Renewal.Outcome.PAID : Renewal.Outcome.UNPAID, lock(id), invoice);
    }

    /** What the client owes on his open invoices. Read under his wallet's lock when {@code locked}. */
    @Transactional
    public Arrears arrears(UUID id, boolean locked) {
        Subscription subscription = find(id).orElseThrow(() -> new SubscriptionNotFound(id));
        if (locked) {
            ledger.lockBalance(subscription.clientId());
        }
        var open = invoicing.openInvoices(subscription.clientId());
        return new Arrears(open.stream().map(Invoice::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add),
                open.stream().map(Invoice::dueDate).min(LocalDate::compareTo).orElse(null));
    }

    /** Whether the subscription renews at its period's end (paid from the wallet when it can) or ends then. */
    @Transactional
    public Subscription setAutoRenew(UUID id, boolean autoRenew) {
        lock(id);
        jdbc.update("update subscriptions set auto_renew = ?, updated_at = now() where id = ?", autoRenew, id);
        return lock(id);
    }

    /**
     * Moves an active subscription to another of the company's packages. A dearer one applies now: the
     * unused days of the current period (today included) are credited to the wallet at the old rate,
     * with the reason in the ledger, and the same days at the new rate are invoiced and paid from it;
     * the period stays as it is and renews at the new rate. Refused (nothing written) while invoices are
     * open or when the wallet, with that credit, does not cover the new days. A cheaper or equally
     * priced package applies from the next period.
     */
    @Transactional
    public PackageChange changePackage(UUID id, UUID packageId, String by) {
        Subscription current = lock(id);
        ServicePackage target = catalogue.find(packageId).filter(ServicePackage::active)
                .orElseThrow(() -> new ServicePackageNotOffered(packageId));
        if (current.state() != SubscriptionState.ACTIVE) {
            throw new SubscriptionChangeRefused("Only an active subscription changes package; this one is "
                    + current.state().db() + ".");
        }
        if (packageId.equals(current.servicePackageId())) {
            throw new SubscriptionChangeRefused("The subscription is on this package already.");
        }
        if (target.monthlyRate().compareTo(current.monthlyRate()) <= 0) {
            jdbc.update("""
                    update subscriptions set next_package_id = ?, next_monthly_rate = ?, updated_at = now()
                    where id = ?""", packageId, target.monthlyRate(), id);
            return new PackageChange(PackageChange.When.NEXT_PERIOD, lock(id), BigDecimal.ZERO, null);
        }
        BigDecimal balance = ledger.lockBalance(current.clientId());
        if (!invoicing.openInvoices(current.clientId()).isEmpty()) {
            throw new SubscriptionChangeRefused("Open invoices are to be paid before an upgrade.");
        }
        LocalDate today = LocalDate.now(clock.withZone(Nairobi.ZONE));
        long periodDays = ChronoUnit.DAYS.between(current.periodStart(), current.periodEnd()) + 1;
        long unusedDays = Math.min(periodDays,
                Math.max(0, ChronoUnit.DAYS.between(today, current.periodEnd()) + 1));
        BigDecimal credit = share(current.monthlyRate(), unusedDays, periodDays);
        BigDecimal charge = share(target.monthlyRate(), unusedDays, periodDays);
        if (balance.add(credit).compareTo(charge) < 0) {
            throw new InsufficientWalletBalance(balance.add(credit), charge);
        }
        String days = unusedDays + " of " + periodDays + " days";
        if (credit.signum() > 0) {
            ledger.record(current.clientId(), WalletLedger.EntryType.CREDIT, credit, Posting.of("Upgrade to "
                    + target.name() + ": unused " + days + " at KES " + current.monthlyRate().toPlainString()
                    + " a month", by));
        }
        Invoice invoice = charge.signum() == 0 ? null : invoicing.issue(new NewInvoice(current.clientId(), charge,
                "Upgrade to " + target.name() + ": " + days + " at KES " + target.monthlyRate().toPlainString()
                        + " a month", null, null, today), by);
        jdbc.update("""
                update subscriptions set service_package_id = ?, monthly_rate = ?, next_package_id = null,
                       next_monthly_rate = null, updated_at = now() where id = ?""", packageId, target.monthlyRate(), id);
        packageChanged(current, packageId, target.monthlyRate(), today);
        return new PackageChange(PackageChange.When.NOW, lock(id), credit, invoice);
    }

    /** The subscription is on another package from {@code from}: its assignment, and the event the client's record follows. */
    private void packageChanged(Subscription subscription, UUID packageId, BigDecimal rate, LocalDate from) {
        if (packageId != null) {
            assign(subscription.clientId(), packageId);
        }
        events.publishEvent(new ServicePackageChanged(TenantContext.requireCompanyId(), subscription.id(),
                subscription.clientId(), packageId, rate, from));
    }

    /** The client's active package assignment (one at a time; the earlier ones stay as history). */
    private void assign(UUID clientId, UUID packageId) {
        jdbc.update("update client_service_assignments set is_active = false where client_id = ? and is_active",
                clientId);
        jdbc.update("""
                insert into client_service_assignments (client_id, service_package_id, is_active, isp_company_id)
                values (?, ?, true, ?)""", clientId, packageId, TenantContext.requireCompanyId());
    }

    /** {@code days} of a {@code periodDays}-day period at a monthly rate, to the cent. */
    private static BigDecimal share(BigDecimal monthlyRate, long days, long periodDays) {
        return monthlyRate.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(periodDays), 2,
                RoundingMode.HALF_UP);
    }

    /**
     * Puts an active, paid-up subscription on vacation hold from {@code from} to {@code until} (both
     * included): those days are not billed, so its period (and what is paid of it) ends that many days
     * later. The hold starts today at the earliest and within the current period, overlaps no other hold,
     * lasts at least {@code minimumDays}, and the holds starting in its year add up to at most
     * {@code daysPerYear} (the {@code holdAllowance} decision). Nothing is written when it is refused.
     */
    @Transactional
    public Hold hold(UUID id, LocalDate from, LocalDate until, String reason, String by, int daysPerYear,
            int minimumDays) {
        Subscription current = lock(id);
        LocalDate today = LocalDate.now(clock.withZone(Nairobi.ZONE));
        if (current.state() != SubscriptionState.ACTIVE || !invoicing.openInvoices(current.clientId()).isEmpty()) {
            throw new SubscriptionChangeRefused("Only an active, paid-up subscription goes on hold.");
        }
        if (from.isBefore(today) || from.isAfter(current.periodEnd()) || until.isBefore(from)) {
            throw new SubscriptionChangeRefused("A hold starts between today and the period's end ("
                    + current.periodEnd() + ") and ends on or after its start.");
        }
        int days = (int) ChronoUnit.DAYS.between(from, until) + 1;
        if (days < minimumDays) {
            throw new SubscriptionChangeRefused("A hold lasts at least " + minimumDays + " days.");
        }
        Integer taken = jdbc.queryForObject("""
                select coalesce(sum(days), 0) from subscription_holds
                where client_id = ? and extract(year from starts_on) = ?""", Integer.class, current.clientId(),
                from.getYear());
        if (taken + days > daysPerYear) {
            throw new SubscriptionChangeRefused("Holds may add up to " + daysPerYear + " days in " + from.getYear()
                    + "; " + taken + " are taken.");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from subscription_holds where client_id = ? and ends_on >= ?)""",
                Boolean.class, current.clientId(), Date.valueOf(today)))) {
            throw new SubscriptionChangeRefused("A hold is already scheduled or running.");
        }
        UUID holdId = jdbc.queryForObject("""
                insert into subscription_holds (subscription_id, client_id, starts_on, ends_on, days, reason,
                                                requested_by, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", UUID.class, id, current.clientId(), Date.valueOf(from),
                Date.valueOf(until), days, reason, by, TenantContext.requireCompanyId());
        jdbc.update("""
                update subscriptions set period_end = period_end + ?, paid_through = paid_through + ?, updated_at = now()
                where id = ?""", days, days, id);
        return new Hold(holdId, id, from, until, days, reason, by);
    }

    /** The subscription's holds, latest first. */
    @Transactional(readOnly = true)
    public List<Hold> holds(UUID id) {
        Subscription subscription = find(id).orElseThrow(() -> new SubscriptionNotFound(id));
        return jdbc.query("""
                select * from subscription_holds where subscription_id = ? order by starts_on desc""",
                (rs, n) -> new Hold(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getInt("days"),
                        rs.getString("reason"), rs.getString("requested_by")), subscription.id());
    }

    /** Active → grace: the renewal is unpaid. */
    @Transactional
    public boolean enterGrace(UUID id, String reason) {
        return move(id, reason, SubscriptionState.GRACE, SubscriptionState.ACTIVE);
    }

    /**
     * Records the client's promise to pay by {@code until}: once per unpaid period, and only while he is
     * in grace. False when a promise was already made or he is not in grace.
     */
    @Transactional
    public boolean recordPromise(UUID id, LocalDate until, String by) {
        Subscription subscription = lock(id);
        if (subscription.state() != SubscriptionState.GRACE || subscription.promisedUntil() != null) {
            return false;
        }
        jdbc.update("update subscriptions set promised_until = ?, promised_by = ?, updated_at = now() where id = ?",
                Date.valueOf(until), by, id);
        return true;
    }

    /**
     * The date an account manager agreed with a contract client in grace: replaces any promise to pay.
     * False when he is not in grace.
     */
    @Transactional
    public boolean agreePaymentDate(UUID id, LocalDate until, String by) {
        if (lock(id).state() != SubscriptionState.GRACE) {
            return false;
        }
        jdbc.update("update subscriptions set promised_until = ?, promised_by = ?, updated_at = now() where id = ?",
                Date.valueOf(until), by, id);
        return true;
    }

    /** Grace → suspended. */
    @Transactional
    public boolean suspend(UUID id, String reason) {
        return move(id, reason, SubscriptionState.SUSPENDED, SubscriptionState.GRACE);
    }

    /**
     * Grace or suspended → active, the arrears being paid. After a suspension a new period starts
     * {@code today}, covered by what he paid: days spent suspended are not billed.
     */
    @Transactional
    public boolean restore(UUID id, LocalDate today, String reason) {
        Subscription before = lock(id);
        if (!move(id, reason, SubscriptionState.ACTIVE, SubscriptionState.GRACE, SubscriptionState.SUSPENDED)) {
            return false;
        }
        if (before.state() == SubscriptionState.SUSPENDED) {
            LocalDate end = today.plusMonths(1).minusDays(1);
            jdbc.update("""
                    update subscriptions set period_start = ?, period_end = ?, paid_through = ?, promised_until = null,
                           promised_by = null where id = ?""", Date.valueOf(today), Date.valueOf(end),
                    Date.valueOf(end), id);
        } else {
            jdbc.update("""
                    update subscriptions set paid_through = period_end, promised_until = null, promised_by = null
                    where id = ?""", id);
        }
        return true;
    }

    /** Suspended → disconnected. */
    @Transactional
    public boolean disconnect(UUID id, String reason) {
        return move(id, reason, SubscriptionState.DISCONNECTED, SubscriptionState.SUSPENDED);
    }

    /** Any state but ended → ended. */
    @Transactional
    public boolean end(UUID id, String reason) {
        return move(id, reason, SubscriptionState.ENDED, SubscriptionState.ACTIVE, SubscriptionState.GRACE,
                SubscriptionState.SUSPENDED, SubscriptionState.DISCONNECTED);
    }

    private boolean move(UUID id, String reason, SubscriptionState to, SubscriptionState... from) {
        Subscription subscription = lock(id);
        if (!List.of(from).contains(subscription.state())) {
            return false;
        }
        jdbc.update("""
                update subscriptions set state = ?, state_reason = ?, state_changed_at = now(), updated_at = now()
                where id = ?""", to.db(), reason, id);
        return true;
    }

    private Subscription lock(UUID id) {
        return jdbc.query("select * from subscriptions where id = ? and isp_company_id = ? for update",
                Subscriptions::row, id, TenantContext.requireCompanyId()).stream().findFirst()
                .orElseThrow(() -> new SubscriptionNotFound(id));
    }

    private Optional<Invoice> periodInvoice(UUID clientId, LocalDate periodStart) {
        return jdbc.queryForList("""
                select id from invoices where client_id = ? and period_start = ? and status <> 'void'""", UUID.class,
                clientId, Date.valueOf(periodStart)).stream().findFirst().flatMap(invoicing::find);
    }

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getString("account_number"), rs.getObject("service_package_id", UUID.class),
                rs.getBigDecimal("monthly_rate"), rs.getObject("next_package_id", UUID.class),
                rs.getBigDecimal("next_monthly_rate"), rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(), date(rs.getDate("paid_through")),
                SubscriptionState.of(rs.getString("state")), rs.getString("state_reason"), rs.getBoolean("auto_renew"),
                date(rs.getDate("promised_until")), rs.getString("promised_by"));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
