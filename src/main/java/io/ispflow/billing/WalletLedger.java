package io.ispflow.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/**
 * A client's wallet: an append-only ledger ({@code wallet_transactions}; the database refuses updates
 * and deletes) and its running balance ({@code wallet_balances}), written together under the balance
 * row's lock so that they never disagree. Corrections are new entries.
 */
@Service
public class WalletLedger {

    /** Kinds of entry: credits and payments add to the wallet, debits and refunds take from it. */
    public enum EntryType {
        CREDIT, PAYMENT, DEBIT, REFUND;

        boolean addsMoney() {
            return this == CREDIT || this == PAYMENT;
        }

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final RowMapper<LedgerEntry> ENTRY = (rs, n) -> new LedgerEntry(
            rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
            EntryType.valueOf(rs.getString("transaction_type").toUpperCase(Locale.ROOT)), rs.getBigDecimal("amount"),
            rs.getBigDecimal("balance_after"), rs.getString("description"), rs.getString("shown_reference"),
            rs.getString("mpesa_receipt_number"), rs.getObject("payment_id", UUID.class),
            rs.getObject("invoice_id", UUID.class), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant());

    /** An entry paying an invoice shows the invoice's number as its reference. */
    private static final String SELECT_ENTRY = """
            select w.*, coalesce(w.reference_number, i.invoice_number) as shown_reference
            from wallet_transactions w left join invoices i on i.id = w.invoice_id""";

    private final JdbcTemplate jdbc;

    WalletLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry and moves the balance.
     *
     * @throws InsufficientWalletBalance when a debit or refund exceeds the balance
     */
    @Transactional(noRollbackFor = InsufficientWalletBalance.class)
    public LedgerEntry record(UUID clientId, EntryType type, BigDecimal amount, Posting posting) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("ledger amounts are positive; the entry type gives the direction");
        }
        UUID company = TenantContext.requireCompanyId();
        BigDecimal balance = lockBalance(clientId);
        BigDecimal after = type.addsMoney() ? balance.add(amount) : balance.subtract(amount);
        if (after.signum() < 0) {
            throw new InsufficientWalletBalance(balance, amount);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into wallet_transactions (id, client_id, transaction_type, amount, balance_after, description,
                    reference_number, mpesa_receipt_number, payment_id, invoice_id, created_by, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, clientId, type.db(), amount, after, posting.description(), posting.reference(),
                posting.mpesaReceiptNumber(), posting.paymentId(), posting.invoiceId(), posting.createdBy(), company);
        jdbc.update("update wallet_balances set balance = ?, updated_at = now() where client_id = ?", after, clientId);
        return jdbc.queryForObject(SELECT_ENTRY + " where w.id = ?", ENTRY, id);
    }

    /**
     * The client's balance, with his balance row locked until the transaction ends: callers that
     * decide on the balance (settlement) hold it steady that way.
     */
    @Transactional
    public BigDecimal lockBalance(UUID clientId) {
        jdbc.update("""
                insert into wallet_balances (client_id, balance, isp_company_id) values (?, 0, ?)
                on conflict (client_id) do nothing""", clientId, TenantContext.requireCompanyId());
        return jdbc.queryForObject("select balance from wallet_balances where client_id = ? for update",
                BigDecimal.class, clientId);
    }

    @Transactional(readOnly = true)
    public BigDecimal balance(UUID clientId) {
        List<BigDecimal> balance = jdbc.queryForList("select balance from wallet_balances where client_id = ?",
                BigDecimal.class, clientId);
        return balance.isEmpty() ? BigDecimal.ZERO.setScale(2) : balance.get(0);
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(UUID clientId) {
        return jdbc.query(SELECT_ENTRY + " where w.client_id = ? order by w.entry_no", ENTRY, clientId);
    }
}
