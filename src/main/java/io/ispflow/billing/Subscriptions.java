package io.ispflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/**
 * Starts a client's subscription to a service package: the active package assignment and the first
 * monthly invoice. Prices are VAT-inclusive, as Kenyan retail prices are quoted: the VAT share of a
 * KES 2,999 package at 16% is 413.66.
 */
@Service
public class Subscriptions {

    static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** Days a client has to pay an invoice. */
    static final int PAYMENT_TERM_DAYS = 7;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Subscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Starts the subscription once: calling it again for a client whose subscription is active returns
     * the invoice it already issued (a retried process step must not bill twice).
     */
    @Transactional
    public FirstInvoice start(UUID clientId, UUID servicePackageId, BigDecimal monthlyRate) {
        UUID company = TenantContext.requireCompanyId();
        var existing = jdbc.query("""
                select id, invoice_number, amount, vat_amount, total_amount, due_date from invoices
                where client_id = ? and isp_company_id = ? order by created_at limit 1""",
                (rs, n) -> new FirstInvoice(rs.getObject("id", UUID.class), rs.getString("invoice_number"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("vat_amount"), rs.getBigDecimal("total_amount"),
                        rs.getDate("due_date").toLocalDate()),
                clientId, company);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        if (servicePackageId != null) {
            jdbc.update("""
                    insert into client_service_assignments (client_id, service_package_id, is_active, isp_company_id)
                    values (?, ?, true, ?)""", clientId, servicePackageId, company);
        }
        BigDecimal vatRate = jdbc.queryForObject("select vat_rate from isp_companies where id = ?", BigDecimal.class,
                company);
        BigDecimal total = monthlyRate.setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = total.multiply(vatRate)
                .divide(BigDecimal.valueOf(100).add(vatRate), 2, RoundingMode.HALF_UP);
        LocalDate today = LocalDate.now(clock.withZone(NAIROBI));
        LocalDate due = today.plusDays(PAYMENT_TERM_DAYS);
        String number = nextInvoiceNumber(company);
        UUID invoiceId = UUID.randomUUID();
        jdbc.update("""
                insert into invoices (id, invoice_number, client_id, amount, vat_amount, total_amount, status,
                                      period_start, period_end, due_date, issued_at, notes, isp_company_id)
                values (?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, now(), 'First month of service', ?)""",
                invoiceId, number, clientId, total.subtract(vat), vat, total, today, today.plusMonths(1).minusDays(1),
                due, company);
        return new FirstInvoice(invoiceId, number, total.subtract(vat), vat, total, due);
    }

    private String nextInvoiceNumber(UUID company) {
        Long number = jdbc.queryForObject("""
                insert into invoice_numbers (isp_company_id, last_number) values (?, 1)
                on conflict (isp_company_id) do update set last_number = invoice_numbers.last_number + 1
                returning last_number""", Long.class, company);
        return String.format("INV-%06d", number);
    }
}
