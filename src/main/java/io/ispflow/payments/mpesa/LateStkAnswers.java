package io.ispflow.payments.mpesa;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.locks.SingletonWork;

/**
 * Daraja promises no callback retries, and callbacks do go missing. A push still unanswered after a
 * while is asked about with the STK query, with back-off, until Daraja knows how it ended: paid or
 * failed goes into the inbox like a callback would; a prompt still on the handset (or a phone that
 * could not be reached, which may still pay) is asked about again; after the last attempt the push is
 * expired. A late callback still counts after any of these. Claiming a push moves its next query time
 * in the same statement ({@code skip locked}), so several nodes never query the same push at once.
 */
@Component
class LateStkAnswers {

    private static final Logger log = LoggerFactory.getLogger(LateStkAnswers.class);
    private static final int BATCH = 50;

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;
    private final MpesaSettings settings;
    private final DarajaClient daraja;
    private final MpesaCallbackInbox inbox;
    private final StkQueryProperties properties;
    private final SingletonWork singletonWork;

    LateStkAnswers(JdbcTemplate jdbc, TenantScope tenantScope, TransactionTemplate transactions, MpesaSettings settings,
            DarajaClient daraja, MpesaCallbackInbox inbox, StkQueryProperties properties, SingletonWork singletonWork) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transactions = transactions;
        this.settings = settings;
        this.daraja = daraja;
        this.inbox = inbox;
        this.properties = properties;
        this.singletonWork = singletonWork;
    }

    private record Due(String checkoutRequestId, int attempts) {
    }

    @Scheduled(fixedDelayString = "${isp.payments.stk-query.interval:PT10S}",
            initialDelayString = "${isp.payments.stk-query.interval:PT10S}")
    void onSchedule() {
        if (properties.enabled()) {
            // claims are skip-locked anyway; the lock spares the other nodes the same company scan
            singletonWork.runIfFree("payments.late-stk-answers", this::queryDuePushes);
        }
    }

    /** Queries every push that is due, of every company; returns how many were queried. */
    int queryDuePushes() {
        List<UUID> companies = transactions.execute(status -> tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select isp_company_id from mpesa_settings where is_active", UUID.class)));
        int queried = 0;
        for (UUID company : companies) {
            queried += tenantScope.callAs(company, this::queryDuePushesOfCompany);
        }
        return queried;
    }

    private int queryDuePushesOfCompany() {
        // pushes whose last query is long past without an answer (Daraja unreachable, credentials gone)
        transactions.executeWithoutResult(status -> jdbc.update("""
                update mpesa_stk_requests r set status = 'expired', updated_at = now()
                where r.status = 'pending' and r.query_attempts >= ? and r.next_query_at <= now()
                  and not exists (select 1 from mpesa_callbacks c
                                  where c.kind = 'stk' and c.checkout_request_id = r.checkout_request_id)""",
                properties.maxAttempts()));
        List<Due> due = transactions.execute(status -> jdbc.query("""
                update mpesa_stk_requests set query_attempts = query_attempts + 1,
                    next_query_at = now() + least(?::interval * power(2, query_attempts), ?::interval)
                where id in (select r.id from mpesa_stk_requests r
                             where r.status = 'pending' and r.query_attempts < ?
                               and coalesce(r.next_query_at, r.created_at + ?::interval) <= now()
                               and not exists (select 1 from mpesa_callbacks c
                                               where c.kind = 'stk' and c.checkout_request_id = r.checkout_request_id)
                             order by r.created_at limit ? for update skip locked)
                returning checkout_request_id, query_attempts""",
                (rs, n) -> new Due(rs.getString(1), rs.getInt(2)),
                properties.backoff().toString(), properties.maxBackoff().toString(), properties.maxAttempts(),
                properties.firstAfter().toString(), BATCH));
        if (due.isEmpty()) {
            return 0;
        }
        var credentials = settings.credentials().orElse(null);
        if (credentials == null) {
            return 0;
        }
        for (Due push : due) {
            try {
                StkQueryAnswer answer = daraja.stkQuery(credentials, push.checkoutRequestId());
                transactions.executeWithoutResult(status -> record(push, answer));
            } catch (RuntimeException unreachable) {
                // asked again at its next query time; the claim above already moved it
                log.warn("STK query for {} failed: {}", push.checkoutRequestId(), unreachable.getMessage());
            }
        }
        return due.size();
    }

    private void record(Due push, StkQueryAnswer answer) {
        boolean lastAttempt = push.attempts() >= properties.maxAttempts();
        boolean maybeStillPaying = answer.state() == StkQueryAnswer.State.PENDING
                || answer.state() == StkQueryAnswer.State.FAILED && "1037".equals(answer.resultCode());
        if (!maybeStillPaying || lastAttempt && answer.state() == StkQueryAnswer.State.FAILED) {
            inbox.recordQueryAnswer(push.checkoutRequestId(), answer);
        } else if (lastAttempt) {
            jdbc.update("""
                    update mpesa_stk_requests set status = 'expired', result_code = ?, result_description = ?,
                        updated_at = now()
                    where checkout_request_id = ? and status = 'pending'""",
                    answer.resultCode(), answer.resultDesc(), push.checkoutRequestId());
        }
    }
}
