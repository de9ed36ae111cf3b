package io.ispflow.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.billing.DocumentNumbers;
import io.ispflow.billing.Invoicing;
import io.ispflow.billing.Posting;
import io.ispflow.billing.WalletCredits;
import io.ispflow.billing.WalletLedger;
import io.ispflow.platform.TenantContext;

/**
 * Payments of the company in context. Receiving one is one transaction: the payment row with its
 * receipt number, the wallet credit, and the settlement of open invoices. An M-PESA receipt or bank
 * reference is credited once; a second attempt fails with {@link DuplicatePayment} and changes nothing.
 */
@Service
public class Payments {

    private final JdbcTemplate jdbc;
    private final WalletCredits wallet;
    private final WalletLedger ledger;
    private final DocumentNumbers numbers;
    private final Invoicing invoicing;

    Payments(JdbcTemplate jdbc, WalletCredits wallet, WalletLedger ledger, DocumentNumbers numbers,
            Invoicing invoicing) {
        this.jdbc = jdbc;
        this.wallet = wallet;
        this.ledger = ledger;
        this.numbers = numbers;
        this.invoicing = invoicing;
    }

    @Transactional(noRollbackFor = {DuplicatePayment.class, PossiblySamePayment.class})
    public Payment receive(ReceivePayment payment, String recordedBy) {
        return receive(payment, recordedBy, false);
    }

    /**
     * Receives a payment; {@code confirmedSeparate} when a person has confirmed that an M-PESA payment
     * is not the one credited before under its other key.
     *
     * @throws DuplicatePayment    when its receipt, STK push or bank reference was credited already
     * @throws PossiblySamePayment when it may be a payment credited under its other key
     */
    @Transactional(noRollbackFor = {DuplicatePayment.class, PossiblySamePayment.class})
    public Payment receive(ReceivePayment payment, String recordedBy, boolean confirmedSeparate) {
        UUID company = TenantContext.requireCompanyId();
        wallet.requireClient(payment.clientId());
        if (payment.method() == PaymentMethod.MPESA) {
            // one M-PESA decision per client at a time, so that the two keys of a payment meet
            ledger.lockBalance(payment.clientId());
            if (!confirmedSeparate) {
                var credited = creditedUnderOtherKey(payment);
                if (credited.isPresent()) {
                    throw new PossiblySamePayment(find(credited.get()).orElseThrow());
                }
            }
        }
        UUID id = UUID.randomUUID();
        // a conflict must not abort the transaction (the caller records the duplicate), so no exception here
        int inserted = jdbc.update("""
                insert into payments (id, client_id, amount, payment_method, status, reference_number,
                    mpesa_receipt_number, payer_phone, paid_at, receipt_number, recorded_by, notes, isp_company_id)
                values (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""",
                id, payment.clientId(), payment.amount(), payment.method().name().toLowerCase(Locale.ROOT),
                payment.reference(), payment.mpesaReceiptNumber(), payment.payerPhone(),
                Timestamp.from(payment.paidAt() == null ? Instant.now() : payment.paidAt()),
                DocumentNumbers.provisional(id), recordedBy, payment.notes(), company);
        if (inserted == 0) {
            throw new DuplicatePayment(payment.mpesaReceiptNumber() != null ? payment.mpesaReceiptNumber()
                    : payment.reference());
        }
        // the receipt's number is written as this commits (a duplicate above takes none)
        numbers.atCommit(company, "receipt", "RCT",
                number -> jdbc.update("update payments set receipt_number = ? where id = ?", number, id));
        wallet.pay(payment.clientId(), payment.amount(), new Posting(
                describe(payment), payment.reference(), payment.mpesaReceiptNumber(), id, null, recordedBy));
        return find(id).orElseThrow();
    }

    /**
     * A payment credited on the CheckoutRequestID alone (a status query answered before Daraja's
     * callback) learns its receipt number when the callback comes.
     */
    @Transactional
    public void learnReceipt(String checkoutRequestId, String mpesaReceiptNumber) {
        if (mpesaReceiptNumber == null) {
            return;
        }
        jdbc.update("""
                update payments set mpesa_receipt_number = ?
                where payment_method = 'mpesa' and reference_number = ? and mpesa_receipt_number is null
                  and not exists (select 1 from payments p where p.mpesa_receipt_number = ?)""",
                mpesaReceiptNumber, checkoutRequestId, mpesaReceiptNumber);
    }

    /** A payment credited on its receipt alone (paybill first) learns the STK push that asked for it. */
    @Transactional
    public void learnCheckout(String mpesaReceiptNumber, String checkoutRequestId) {
        if (mpesaReceiptNumber == null) {
            return;
        }
        jdbc.update("""
                update payments set reference_number = ?
                where payment_method = 'mpesa' and mpesa_receipt_number = ? and reference_number is null""",
                checkoutRequestId, mpesaReceiptNumber);
    }

    /**
     * An M-PESA payment has two keys, the receipt and (for STK pushes) the CheckoutRequestID, but is
     * sometimes told with one only: a status query confirms a push without its receipt, a paybill
     * confirmation carries the receipt without the push. A payment of the same client and amount
     * credited within a day under the other key alone may be the same money, or a second payment.
     */
    private Optional<UUID> creditedUnderOtherKey(ReceivePayment payment) {
        if (payment.mpesaReceiptNumber() != null && payment.reference() == null) {
            return jdbc.queryForList("""
                    select id from payments
                    where client_id = ? and payment_method = 'mpesa' and amount = ?
                      and mpesa_receipt_number is null and reference_number is not null
                      and paid_at > now() - interval '1 day'
                    order by paid_at limit 1""", UUID.class, payment.clientId(), payment.amount())
                    .stream().findFirst();
        }
        if (payment.reference() != null && payment.mpesaReceiptNumber() == null) {
            return jdbc.queryForList("""
                    select p.id from payments p join mpesa_stk_requests r on r.checkout_request_id = ?
                    where p.client_id = ? and p.payment_method = 'mpesa' and p.amount = ?
                      and p.reference_number is null and p.mpesa_receipt_number is not null
                      and p.paid_at >= r.created_at and p.paid_at < r.created_at + interval '1 day'
                    order by p.paid_at limit 1""", UUID.class, payment.reference(), payment.clientId(),
                    payment.amount()).stream().findFirst();
        }
        return Optional.empty();
    }

    /** Whether a payment with this M-PESA receipt or bank reference was credited already. */
    @Transactional(readOnly = true)
    public boolean alreadyCredited(Optional<String> mpesaReceiptNumber, Optional<String> bankReference) {
        return mpesaReceiptNumber.isPresent() && Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from payments where mpesa_receipt_number = ?)", Boolean.class,
                mpesaReceiptNumber.get()))
                || bankReference.isPresent() && Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from payments where payment_method = 'bank' and reference_number = ?)""",
                        Boolean.class, bankReference.get()));
    }

    /** A person found that a payment told with one key is the credited one: it gets the other key. */
    @Transactional
    public void joinKeys(UUID creditedPaymentId, String checkoutRequestId, String mpesaReceiptNumber) {
        jdbc.update("""
                update payments set reference_number = coalesce(reference_number, ?),
                                    mpesa_receipt_number = coalesce(mpesa_receipt_number, ?)
                where id = ? and payment_method = 'mpesa'""", checkoutRequestId, mpesaReceiptNumber,
                creditedPaymentId);
    }

    @Transactional(readOnly = true)
    public Optional<Payment> find(UUID id) {
        return jdbc.query("select * from payments where id = ? and isp_company_id = ?",
                (rs, n) -> row(rs), id, TenantContext.requireCompanyId()).stream().findFirst().map(this::withSettlements);
    }

    /** Payments newest first, of one client or of the whole company. */
    @Transactional(readOnly = true)
    public Page<Payment> history(UUID clientId, Pageable page) {
        UUID company = TenantContext.requireCompanyId();
        String where = " where isp_company_id = ? and (?::uuid is null or client_id = ?::uuid)";
        long total = jdbc.queryForObject("select count(*) from payments" + where, Long.class, company, clientId, clientId);
        List<Payment> content = jdbc.query("select * from payments" + where
                + " order by coalesce(paid_at, created_at) desc, id limit ? offset ?", (rs, n) -> row(rs),
                company, clientId, clientId, page.getPageSize(), page.getOffset());
        return new PageImpl<>(content.stream().map(this::withSettlements).toList(), page, total);
    }

    private Payment withSettlements(Payment payment) {
        List<Payment.Settled> settled = invoicing.allocationsOf(payment.id()).stream()
                .map(allocation -> new Payment.Settled(allocation.invoiceNumber(), allocation.amount())).toList();
        return new Payment(payment.id(), payment.receiptNumber(), payment.clientId(), payment.amount(),
                payment.method(), payment.status(), payment.reference(), payment.mpesaReceiptNumber(),
                payment.payerPhone(), payment.paidAt(), payment.recordedBy(), settled);
    }

    private static Payment row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Payment(rs.getObject("id", UUID.class), rs.getString("receipt_number"),
                rs.getObject("client_id", UUID.class), rs.getBigDecimal("amount"),
                PaymentMethod.valueOf(rs.getString("payment_method").toUpperCase(Locale.ROOT)), rs.getString("status"),
                rs.getString("reference_number"), rs.getString("mpesa_receipt_number"), rs.getString("payer_phone"),
                rs.getTimestamp("paid_at") == null ? null : rs.getTimestamp("paid_at").toInstant(),
                rs.getString("recorded_by"), new ArrayList<>());
    }

    private static String describe(ReceivePayment payment) {
        return switch (payment.method()) {
            case MPESA -> "M-PESA payment " + payment.mpesaReceiptNumber();
            case BANK -> "Bank payment " + payment.reference();
            case CASH -> "Cash payment" + (payment.reference() == null ? "" : " " + payment.reference());
            case WALLET -> "Wallet transfer";
        };
    }
}
