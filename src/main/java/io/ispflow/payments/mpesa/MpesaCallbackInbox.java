package io.ispflow.payments.mpesa;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.payments.process.ReconciliationProcess;
import io.ispflow.platform.TenantScope;

/**
 * Takes Daraja's STK callbacks in: the callback path's token names the company; the callback must
 * answer an STK push we sent for the same amount; it is stored (once per CheckoutRequestID, however
 * often Daraja delivers it) and committed before Daraja gets its acknowledgement. Anything else is
 * refused, recorded as a security event, and stores nothing.
 */
@Service
public class MpesaCallbackInbox {

    private static final Logger log = LoggerFactory.getLogger(MpesaCallbackInbox.class);
    /** Daraja's callbacks are a few hundred bytes; anything far larger is not one. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ReconciliationProcess reconciliation;
    private final ObjectMapper json = new ObjectMapper();

    MpesaCallbackInbox(JdbcTemplate jdbc, TenantScope tenantScope, ReconciliationProcess reconciliation) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.reconciliation = reconciliation;
    }

    /**
     * Stores an STK callback; returns the inbox row id.
     *
     * @throws CallbackRefused when it cannot be accepted (after recording why)
     */
    @Transactional(noRollbackFor = CallbackRefused.class)
    public UUID acceptStkCallback(String token, String body, String sourceAddress) {
        UUID company = companyOf(token, sourceAddress);
        if (body == null || body.length() > MAX_BODY_BYTES) {
            throw refuse(413, company, "stk_callback_oversized", "body of " + (body == null ? 0 : body.length())
                    + " characters", sourceAddress);
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (Exception malformed) {
            throw refuse(400, company, "stk_callback_malformed", "not JSON", sourceAddress);
        }
        StkCallback callback = StkCallback.read(tree)
                .orElseThrow(() -> refuse(400, company, "stk_callback_malformed", "not an STK callback", sourceAddress));
        return tenantScope.callAs(company, () -> store(company, callback, body, sourceAddress));
    }

    private UUID store(UUID company, StkCallback callback, String body, String sourceAddress) {
        List<java.util.Map<String, Object>> requested = jdbc.queryForList("""
                select amount from mpesa_stk_requests where checkout_request_id = ? and isp_company_id = ?""",
                callback.checkoutRequestId(), company);
        if (requested.isEmpty()) {
            throw refuse(400, company, "stk_callback_unknown_request",
                    "CheckoutRequestID " + callback.checkoutRequestId() + " was not issued by us", sourceAddress);
        }
        var amount = (java.math.BigDecimal) requested.get(0).get("amount");
        if (callback.succeeded() && (callback.amount() == null || callback.amount().compareTo(amount) != 0)) {
            throw refuse(400, company, "stk_callback_amount_mismatch", "CheckoutRequestID "
                    + callback.checkoutRequestId() + ": paid " + callback.amount() + ", requested " + amount,
                    sourceAddress);
        }
        var stored = jdbc.queryForMap("""
                insert into mpesa_callbacks (kind, checkout_request_id, result_code, result_description,
                    mpesa_receipt_number, amount, phone, payload, isp_company_id)
                values ('stk', ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (checkout_request_id) where kind = 'stk'
                    do update set deliveries = mpesa_callbacks.deliveries + 1
                returning id, (xmax = 0) as first_delivery""",
                callback.checkoutRequestId(), callback.resultCode(), callback.resultDesc(), callback.receiptNumber(),
                callback.amount(), callback.phone(), body, company);
        UUID id = (UUID) stored.get("id");
        if (Boolean.TRUE.equals(stored.get("first_delivery"))) {
            // started in this transaction, run later by the job executor: durable, and Daraja does not wait
            reconciliation.start(new ReconciliationProcess.ReceivedPayment(id, "mpesa_stk", callback.resultCode(),
                    callback.resultDesc(), callback.receiptNumber(), callback.amount(), callback.phone(),
                    callback.checkoutRequestId(), null));
        }
        return id;
    }

    private UUID companyOf(String token, String sourceAddress) {
        List<UUID> company = tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select isp_company_id from mpesa_settings where callback_token = ? and is_active", UUID.class, token));
        if (company.isEmpty()) {
            throw refuse(404, null, "stk_callback_unknown_path", "no company has this callback path", sourceAddress);
        }
        return company.get(0);
    }

    private CallbackRefused refuse(int status, UUID company, String kind, String detail, String sourceAddress) {
        log.warn("Refused M-PESA callback from {}: {} ({})", sourceAddress, kind, detail);
        tenantScope.callPlatformWide(() -> jdbc.update("""
                insert into security_events (kind, detail, source_address, isp_company_id) values (?, ?, ?, ?)""",
                kind, detail, sourceAddress, company));
        return new CallbackRefused(status, kind);
    }
}
