package io.ispflow.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.Companies;

/**
 * Invoices of the company in context, and their settlement from the client's wallet: money in the
 * wallet pays open invoices oldest due first; what is left stays as credit.
 */
@Service
public class Invoicing {

    private static final RowMapper<Invoice> INVOICE = (rs, n) -> new Invoice(rs.getObject("id", UUID.class),
            rs.getString("invoice_number"), rs.getObject("client_id", UUID.class), rs.getBigDecimal("amount"),
            rs.getBigDecimal("vat_amount"), rs.getBigDecimal("total_amount"), rs.getBigDecimal("amount_paid"),
            rs.getString("status"), localDate(rs.getDate("period_start")), localDate(rs.getDate("period_end")),
            rs.getDate("due_date").toLocalDate(),
            rs.getTimestamp("issued_at") == null ? null : rs.getTimestamp("issued_at").toInstant(),
            rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant(),
            rs.getString("notes"));

    private final JdbcTemplate jdbc;
    private final DocumentNumbers numbers;
    private final WalletLedger ledger;
    private final ClientAccounts clients;
    private final Companies companies;

    Invoicing(JdbcTemplate jdbc, DocumentNumbers numbers, WalletLedger ledger, ClientAccounts clients,
            Companies companies) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.ledger = ledger;
        this.clients = clients;
        this.companies = companies;
    }

    /**
     * Issues an invoice and settles it at once from any credit the client's wallet holds.
     *
     * @throws UnknownClient when the client is not the company's
     */
    @Transactional
    public Invoice issue(NewInvoice invoice, String issuedBy) {
        UUID company = TenantContext.requireCompanyId();
        if (!clients.exists(invoice.clientId())) {
            throw new UnknownClient(invoice.clientId());
        }
        BigDecimal vatRate = companies.vatRate(company);
        BigDecimal total = invoice.total().setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = total.multiply(vatRate).divide(BigDecimal.valueOf(100).add(vatRate), 2, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into invoices (id, invoice_number, client_id, amount, vat_amount, total_amount, status,
                                      period_start, period_end, due_date, issued_at, notes, isp_company_id)
                values (?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?, now(), ?, ?)""",
                id, DocumentNumbers.provisional(id), invoice.clientId(), total.subtract(vat), vat, total,
                date(invoice.periodStart()), date(invoice.periodEnd()), date(invoice.dueDate()), invoice.description(),
                company);
        numbers.atCommit(company, "invoice", "INV",
                number -> jdbc.update("update invoices set invoice_number = ? where id = ?", number, id));
        settleFromWallet(invoice.clientId(), null, issuedBy);
        return find(id).orElseThrow();
    }

    /**
     * Pays the client's open invoices from his wallet, oldest due first, and records which payment (if
     * any) settled what. Returns the allocations made.
     */
    @Transactional
    public List<Allocation> settleFromWallet(UUID clientId, UUID paymentId, String by) {
        BigDecimal available = ledger.lockBalance(clientId);
        List<Allocation> allocations = new ArrayList<>();
        for (Invoice open : jdbc.query("""
                select * from invoices where client_id = ? and status in ('issued', 'partially_paid')
                order by due_date, created_at for update""", INVOICE, clientId)) {
            if (available.signum() <= 0) {
                break;
            }
            BigDecimal amount = available.min(open.outstanding());
            // the invoice's number is shown from the invoice (one issued in this transaction has none yet)
            ledger.record(clientId, WalletLedger.EntryType.DEBIT, amount, new Posting(
                    "Payment of invoice", null, null, paymentId, open.id(), by));
            boolean settled = amount.compareTo(open.outstanding()) == 0;
            jdbc.update("""
                    update invoices set amount_paid = amount_paid + ?, status = ?,
                           paid_at = case when ? then now() else paid_at end, updated_at = now()
                    where id = ?""", amount, settled ? "paid" : "partially_paid", settled, open.id());
            jdbc.update("""
                    insert into payment_allocations (payment_id, invoice_id, amount, isp_company_id)
                    values (?, ?, ?, ?)""", paymentId, open.id(), amount, TenantContext.requireCompanyId());
            allocations.add(new Allocation(open.id(), open.number(), amount, settled));
            available = available.subtract(amount);
        }
        return allocations;
    }

    /** What a payment settled, invoice by invoice, in the order it was settled. */
    @Transactional(readOnly = true)
    public List<Allocation> allocationsOf(UUID paymentId) {
        return jdbc.query("""
                select i.id, i.invoice_number, a.amount, i.status = 'paid' as settled
                from payment_allocations a join invoices i on i.id = a.invoice_id
                where a.payment_id = ? order by a.created_at, i.invoice_number""",
                (rs, n) -> new Allocation(rs.getObject("id", UUID.class), rs.getString("invoice_number"),
                        rs.getBigDecimal("amount"), rs.getBoolean("settled")), paymentId);
    }

    /** What one settlement paid on one invoice. */
    public record Allocation(UUID invoiceId, String invoiceNumber, BigDecimal amount, boolean invoiceSettled) {
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(UUID id) {
        return jdbc.query("select * from invoices where id = ? and isp_company_id = ?", INVOICE, id,
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The invoice with this number (as a payer may type it: any case, spaces around). */
    @Transactional(readOnly = true)
    public Optional<Invoice> findByNumber(String invoiceNumber) {
        return jdbc.query("select * from invoices where invoice_number = ? and isp_company_id = ?", INVOICE,
                invoiceNumber.trim().toUpperCase(java.util.Locale.ROOT), TenantContext.requireCompanyId())
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Page<Invoice> search(UUID clientId, String status, Pageable page) {
        UUID company = TenantContext.requireCompanyId();
        String where = " where isp_company_id = ? and (?::uuid is null or client_id = ?::uuid)"
                + " and (?::text is null or status = ?::text)";
        Object[] args = {company, clientId, clientId, status, status};
        long total = jdbc.queryForObject("select count(*) from invoices" + where, Long.class, args);
        List<Object> pageArgs = new ArrayList<>(java.util.Arrays.asList(args));
        pageArgs.add(page.getPageSize());
        pageArgs.add(page.getOffset());
        List<Invoice> content = jdbc.query("select * from invoices" + where
                + " order by due_date desc, created_at desc limit ? offset ?", INVOICE, pageArgs.toArray());
        return new PageImpl<>(content, page, total);
    }

    /** The open (unpaid part of) invoices of a client, oldest due first. */
    @Transactional(readOnly = true)
    public List<Invoice> openInvoices(UUID clientId) {
        return jdbc.query("""
                select * from invoices where client_id = ? and status in ('issued', 'partially_paid')
                order by due_date, created_at""", INVOICE, clientId);
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static java.time.LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
