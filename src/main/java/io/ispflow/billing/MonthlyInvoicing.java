package io.ispflow.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Nairobi;
import io.ispflow.tenancy.Companies;

/**
 * Bills active clients without a subscription (their lifecycle process renews those) month by month: when a client's last billed period has ended, the next one
 * (from the day after, for a month; after a suspension, from the day he was reactivated) is invoiced
 * at his monthly rate, due within the payment term, and paid at once from his wallet if it holds
 * enough (prepaid renewal). Periods missed while the platform was down are caught up. One transaction per client, under his wallet lock, and one
 * invoice per client and period in the database: runs on several nodes, or twice, bill once.
 */
@Service
public class MonthlyInvoicing {

    private static final Logger log = LoggerFactory.getLogger(MonthlyInvoicing.class);
    /** Catch-up is bounded: a client a year behind needs a person to look at him, not 13 invoices. */
    private static final int MAX_PERIODS_PER_RUN = 12;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final Companies companies;
    private final ClientAccounts clients;
    private final WalletLedger ledger;
    private final Invoicing invoicing;
    private final ApplicationEventPublisher events;

    MonthlyInvoicing(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions, Companies companies,
            ClientAccounts clients, WalletLedger ledger, Invoicing invoicing, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.companies = companies;
        this.clients = clients;
        this.ledger = ledger;
        this.invoicing = invoicing;
        this.events = events;
    }

    private record Due(UUID clientId, LocalDate periodStart, BigDecimal monthlyRate) {
    }

    /** Issues every invoice due on {@code today}, for every company; returns how many were issued. */
    public int issueDue(LocalDate today) {
        return issueDue(today, () -> { });
    }

    /** As {@link #issueDue(LocalDate)}, telling {@code progress} after each company. */
    int issueDue(LocalDate today, Runnable progress) {
        int issued = 0;
        for (UUID company : companies.activeIds()) {
            issued += tenantScope.callAs(company, () -> issueDueOfCompany(today));
            progress.run();
        }
        return issued;
    }

    private int issueDueOfCompany(LocalDate today) {
        int issued = 0;
        for (UUID clientId : transactions.execute(status -> dueClients(today))) {
            try {
                for (int period = 0; period < MAX_PERIODS_PER_RUN; period++) {
                    Boolean billed = transactions.execute(status -> issueNext(clientId, today));
                    if (!Boolean.TRUE.equals(billed)) {
                        break;
                    }
                    issued++;
                }
            } catch (RuntimeException e) {
                // one client's problem must not stop everybody else's invoices; he is tried again tomorrow
                log.error("Monthly invoice for client {} failed", clientId, e);
            }
        }
        return issued;
    }

    /**
     * Active clients whose last billed period ended before today, and who have no live subscription (a
     * subscription's lifecycle renews it).
     */
    private List<UUID> dueClients(LocalDate today) {
        Set<UUID> billedBefore = new HashSet<>(jdbc.queryForList("""
                select client_id from invoices where status <> 'void'
                  and client_id not in (select client_id from subscriptions where state <> 'ended')
                group by client_id having max(period_end) < ?""", UUID.class, Date.valueOf(today)));
        return clients.active().stream().filter(billedBefore::contains).toList();
    }

    /** Invoices the client's next period if it has started; false when he is billed up to date. */
    private boolean issueNext(UUID clientId, LocalDate today) {
        ledger.lockBalance(clientId);
        Optional<Due> next = clients.billable(clientId).flatMap(this::nextPeriod);
        if (next.isEmpty() || next.get().periodStart().isAfter(today)) {
            return false;
        }
        Due due = next.get();
        LocalDate end = due.periodStart().plusMonths(1).minusDays(1);
        Invoice invoice = invoicing.issue(new NewInvoice(clientId, due.monthlyRate(), "Internet service "
                + due.periodStart() + " to " + end, due.periodStart(), end,
                due.periodStart().plusDays(Subscriptions.PAYMENT_TERM_DAYS)), "monthly-invoicing");
        // the client is told after this commits (event publication registry: retried until delivered)
        events.publishEvent(new MonthlyInvoiceIssued(TenantContext.requireCompanyId(), clientId, invoice.number(),
                invoice.total(), invoice.outstanding(), invoice.periodStart(), invoice.periodEnd(),
                invoice.dueDate()));
        return true;
    }

    /** From the day after his last billed period or, after a suspension, from the day his service resumed. */
    private Optional<Due> nextPeriod(ClientAccounts.Billable client) {
        Date lastEnd = jdbc.queryForObject(
                "select max(period_end) from invoices where client_id = ? and status <> 'void'", Date.class,
                client.clientId());
        if (lastEnd == null) {
            return Optional.empty();
        }
        LocalDate start = lastEnd.toLocalDate().plusDays(1);
        // months spent suspended are not billed: after a reactivation the next period starts that day
        if (client.resumedAt() != null) {
            LocalDate resumed = LocalDate.ofInstant(client.resumedAt(), Nairobi.ZONE);
            start = resumed.isAfter(start) ? resumed : start;
        }
        return Optional.of(new Due(client.clientId(), start, client.monthlyRate()));
    }
}
