package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.ispflow.clients.ClientDirectory;
import io.ispflow.platform.callbacks.CallbackRefused;
import io.ispflow.platform.callbacks.IntakeRefusals;
import io.ispflow.platform.callbacks.ProviderFields;
import io.ispflow.platform.inbox.InboxDispatcher;

/**
 * Paybill payments made from the phone menu (Daraja C2B). Validation lets M-PESA turn away a payment
 * to an account number we do not know before the customer's money moves; confirmation is stored (once
 * per M-PESA receipt) and committed before it is acknowledged, then reconciled like any payment. The
 * same receipt may also arrive as an STK callback: reconciliation credits it once.
 */
@Service
class PaybillInbox {

    /** Daraja's validation answer: {@code "0"} accepts, {@code C2B000xx} rejects (a string either way). */
    record Verdict(@JsonProperty("ResultCode") String resultCode, @JsonProperty("ResultDesc") String resultDesc) {

        static final Verdict ACCEPTED = new Verdict("0", "Accepted");

        static Verdict rejected(String code) {
            return new Verdict(code, "Rejected");
        }
    }

    private final JdbcTemplate jdbc;
    private final MpesaPaths paths;
    private final IntakeRefusals refusals;
    private final ClientDirectory clients;
    private final InboxDispatcher dispatcher;

    PaybillInbox(JdbcTemplate jdbc, MpesaPaths paths, IntakeRefusals refusals,
            ClientDirectory clients, InboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.paths = paths;
        this.refusals = refusals;
        this.clients = clients;
        this.dispatcher = dispatcher;
    }

    /** Whether M-PESA should let this payment through (C2B00012 for an unknown account, and so on). */
    Verdict validate(String token, String body, String sourceAddress) {
        UUID company = paths.companyOf(token, "c2b_validation", sourceAddress);
        PaybillPayment payment = read(company, "c2b_validation", body, sourceAddress);
        return refusals.inTransactionOf(company, () -> {
            if (!isOurShortcode(payment.shortCode())) {
                return Verdict.rejected("C2B00015");
            }
            if (payment.creditableAmount().isEmpty()) {
                return Verdict.rejected("C2B00013");
            }
            if (payment.billReference() == null || clients.findByAccountNumber(payment.billReference()).isEmpty()) {
                return Verdict.rejected("C2B00012");
            }
            return Verdict.ACCEPTED;
        });
    }

    /**
     * Stores a confirmed paybill payment; returns the inbox row id. A payment with an account number
     * we do not know is stored all the same (the money has moved) and goes to finance to assign.
     *
     * @throws CallbackRefused when it is not a confirmation for this company's paybill
     */
    UUID confirm(String token, String body, String sourceAddress) {
        UUID company = paths.companyOf(token, "c2b_confirmation", sourceAddress);
        PaybillPayment payment = read(company, "c2b_confirmation", body, sourceAddress);
        return refusals.inTransactionOf(company, () -> {
            if (!isOurShortcode(payment.shortCode())) {
                throw refusals.refuse(400, company, "c2b_confirmation_wrong_shortcode",
                        "shortcode " + payment.shortCode() + " is not this company's", sourceAddress);
            }
            // validation refuses these before the customer pays, so a confirmation of one is not real
            BigDecimal amount = payment.creditableAmount().orElseThrow(() -> refusals.refuse(400, company,
                    "c2b_confirmation_bad_amount", "amount " + payment.amount().toPlainString(), sourceAddress));
            Map<String, Object> stored = jdbc.queryForMap("""
                    insert into mpesa_callbacks (kind, result_code, result_description, mpesa_receipt_number, amount,
                        bill_reference, payload, isp_company_id)
                    values ('c2b_confirmation', '0', 'Paybill payment', ?, ?, ?, ?::jsonb, ?)
                    on conflict (isp_company_id, mpesa_receipt_number) where kind = 'c2b_confirmation'
                        do update set deliveries = mpesa_callbacks.deliveries + 1
                    returning id, (xmax = 0) as first_delivery""",
                    payment.transactionId(), amount, ProviderFields.truncate(payment.billReference(), 40), body, company);
            UUID id = (UUID) stored.get("id");
            if (Boolean.TRUE.equals(stored.get("first_delivery"))) {
                dispatcher.wakeUpAfterCommit();
            }
            return id;
        });
    }

    private PaybillPayment read(UUID company, String what, String body, String sourceAddress) {
        return PaybillPayment.read(refusals.readJson(company, what, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), sourceAddress)).orElseThrow(() ->
                refusals.refuse(400, company, what + "_malformed", "not a C2B request", sourceAddress));
    }

    private boolean isOurShortcode(String shortCode) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from mpesa_settings where ? in (paybill_number, shortcode))""",
                Boolean.class, shortCode));
    }
}
