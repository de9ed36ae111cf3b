package io.ispflow.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Nairobi;

/**
 * Bills active clients month by month: when a client's last billed period has ended, the next one
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
    private final WalletLedger ledger;
    private final Invoicing invoicing;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean scheduled;

    MonthlyInvoicing(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions, WalletLedger ledger,
            Invoicing invoicing, Clock clock, ApplicationEventPublisher events,
            @Value("${isp.billing.monthly-invoicing.enabled:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.ledger = ledger;
        this.invoicing = invoicing;
        this.clock = clock;
        this.events = events;
        this.scheduled = scheduled;
    }

    private record Due(UUID clientId, LocalDate periodStart, BigDecimal monthlyRate) {
    }

    @Scheduled(cron = "${isp.billing.monthly-invoicing.cron:0 15 0 * * *}", zone = Nairobi.NAME)
    void daily() {
        if (scheduled) {
            int issued = issueDue(LocalDate.now(clock.withZone(Nairobi.ZONE)));
            log.info("Monthly invoicing: {} invoices issued", issued);
        }
    }

    /** Issues every invoice due on {@code today}, for every company; returns how many were issued. */
    public int issueDue(LocalDate today) {
        List<UUID> companies = transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select id from isp_companies where is_active order by created_at", UUID.class)));
        int issued = 0;
        for (UUID company : companies) {
            issued += tenantScope.callAs(company, () -> issueDueOfCompany(today));
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

    /** Active clients whose last billed period ended before today. */
    private List<UUID> dueClients(LocalDate today) {
        return jdbc.queryForList("""
                select c.id from clients c
                where c.status = 'active'
                  and (select max(i.period_end) from invoices i where i.client_id = c.id and i.status <> 'void') < ?""",
                UUID.class, java.sql.Date.valueOf(today));
    }

    /** Invoices the client's next period if it has started; false when he is billed up to date. */
    private boolean issueNext(UUID clientId, LocalDate today) {
        ledger.lockBalance(clientId);
        // months spent suspended are not billed: after a reactivation the next period starts that day
        List<Due> next = jdbc.query("""
                select c.id, greatest(max(i.period_end) + 1,
                           (select max((h.changed_at at time zone 'Africa/Nairobi')::date) from client_status_changes h
                            where h.client_id = c.id and h.from_status = 'suspended' and h.to_status = 'active'))
                           as next_start,
                       c.monthly_rate
                from clients c join invoices i on i.client_id = c.id and i.status <> 'void'
                where c.id = ? and c.status = 'active'
                group by c.id, c.monthly_rate""",
                (rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(), rs.getBigDecimal(3)),
                clientId);
        if (next.isEmpty() || next.get(0).periodStart().isAfter(today)) {
            return false;
        }
        Due due = next.get(0);
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

}
