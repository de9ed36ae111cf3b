package io.ispflow.payments.mpesa;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.payments.Payments;
import io.ispflow.platform.callbacks.CallbackRefused;
import io.ispflow.platform.callbacks.IntakeRefusals;
import io.ispflow.platform.inbox.InboxDispatcher;
import io.ispflow.platform.TenantContext;

/**
 * Takes the answers to our STK pushes in, from Daraja's callbacks and from our own status queries:
 * the callback path's token names the company; the answer must be to a push we sent, for the same
 * amount; it is stored once per CheckoutRequestID (however often it is delivered) and committed
 * before Daraja gets its acknowledgement. Anything else is refused, recorded as a security event,
 * and stores nothing.
 */
@Service
public class MpesaCallbackInbox {

    private final JdbcTemplate jdbc;
    private final InboxDispatcher dispatcher;
    private final MpesaPaths paths;
    private final IntakeRefusals refusals;
    private final Payments payments;
    private final ObjectMapper json = new ObjectMapper();

    MpesaCallbackInbox(JdbcTemplate jdbc, InboxDispatcher dispatcher,
            MpesaPaths paths, IntakeRefusals refusals, Payments payments) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.paths = paths;
        this.refusals = refusals;
        this.payments = payments;
    }

    /**
     * Stores an STK callback; returns the inbox row id. The company comes from the path before any
     * transaction, so that the one transaction of the acknowledgement runs in that company from its
     * start: the fewest round trips between the callback and its acknowledgement.
     *
     * @throws CallbackRefused when it cannot be accepted (after recording why)
     */
    public UUID acceptStkCallback(String token, String body, String sourceAddress) {
        UUID company = paths.companyOf(token, "stk_callback", sourceAddress);
        JsonNode tree = refusals.readJson(company, "stk_callback", body.getBytes(java.nio.charset.StandardCharsets.UTF_8), sourceAddress);
        StkCallback callback = StkCallback.read(tree).orElseThrow(() -> refusals.refuse(400, company,
                "stk_callback_malformed", "not an STK callback", sourceAddress));
        return refusals.inTransactionOf(company, () -> store(company, callback, body, sourceAddress));
    }

    /**
     * Stores what a status query said of a push whose callback is late, unless an answer is in already.
     * A query knows no receipt number; the payment is credited on the CheckoutRequestID and learns its
     * receipt if Daraja's callback comes after all.
     */
    @Transactional
    public void recordQueryAnswer(String checkoutRequestId, StkQueryAnswer answer) {
        UUID company = TenantContext.requireCompanyId();
        BigDecimal requested = jdbc.queryForObject(
                "select amount from mpesa_stk_requests where checkout_request_id = ?", BigDecimal.class,
                checkoutRequestId);
        boolean paid = answer.state() == StkQueryAnswer.State.PAID;
        String payload = json.createObjectNode().put("CheckoutRequestID", checkoutRequestId)
                .put("ResultCode", answer.resultCode()).put("ResultDesc", answer.resultDesc()).toString();
        List<UUID> stored = jdbc.queryForList("""
                insert into mpesa_callbacks (kind, source, checkout_request_id, result_code, result_description,
                    amount, payload, isp_company_id)
                values ('stk', 'query', ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (checkout_request_id) where kind = 'stk' do nothing
                returning id""", UUID.class,
                checkoutRequestId, answer.resultCode(), answer.resultDesc(), paid ? requested : null, payload, company);
        if (!stored.isEmpty()) {
            dispatcher.wakeUpAfterCommit();
        }
    }

    private UUID store(UUID company, StkCallback callback, String body, String sourceAddress) {
        List<BigDecimal> requested = jdbc.queryForList(
                "select amount from mpesa_stk_requests where checkout_request_id = ? and isp_company_id = ?",
                BigDecimal.class, callback.checkoutRequestId(), company);
        if (requested.isEmpty()) {
            throw refusals.refuse(400, company, "stk_callback_unknown_request",
                    "CheckoutRequestID " + callback.checkoutRequestId() + " was not issued by us", sourceAddress);
        }
        if (callback.succeeded() && (callback.amount() == null || callback.amount().compareTo(requested.get(0)) != 0)) {
            throw refusals.refuse(400, company, "stk_callback_amount_mismatch", "CheckoutRequestID "
                    + callback.checkoutRequestId() + ": paid " + callback.amount() + ", requested " + requested.get(0),
                    sourceAddress);
        }
        Map<String, Object> stored = jdbc.queryForMap("""
                insert into mpesa_callbacks (kind, checkout_request_id, result_code, result_description,
                    mpesa_receipt_number, amount, phone, payload, isp_company_id)
                values ('stk', ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (checkout_request_id) where kind = 'stk' do update set
                    deliveries = mpesa_callbacks.deliveries + 1,
                    mpesa_receipt_number = coalesce(mpesa_callbacks.mpesa_receipt_number, excluded.mpesa_receipt_number)
                returning id, (xmax = 0) as first_delivery, result_code""",
                callback.checkoutRequestId(), callback.resultCode(), callback.resultDesc(), callback.receiptNumber(),
                callback.amount(), callback.phone(), body, company);
        UUID id = (UUID) stored.get("id");
        if (Boolean.TRUE.equals(stored.get("first_delivery"))) {
            // reconciled once this commits: durable, and Daraja does not wait for it
            dispatcher.wakeUpAfterCommit();
        } else if (callback.succeeded() && !"0".equals(stored.get("result_code"))) {
            // Daraja's word beats an earlier query answer that the payment had failed: it is paid after all
            jdbc.update("""
                    update mpesa_callbacks set result_code = ?, result_description = ?, mpesa_receipt_number = ?,
                        amount = ?, phone = ?, payload = ?::jsonb, source = 'callback', status = 'received',
                        processed_at = null, dispatched_at = null
                    where id = ?""",
                    callback.resultCode(), callback.resultDesc(), callback.receiptNumber(), callback.amount(),
                    callback.phone(), body, id);
            dispatcher.wakeUpAfterCommit();
        } else if (callback.succeeded()) {
            payments.learnReceipt(callback.checkoutRequestId(), callback.receiptNumber());
        }
        return id;
    }
}
