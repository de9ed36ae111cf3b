package io.ispflow.payments.intake;

import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * Refuses what payment providers (or someone pretending to be one) send us: each refusal is logged and
 * kept in {@code security_events}: in the intake's transaction when it runs in one (an intake commits
 * after a refusal, having stored nothing else), otherwise in a transaction of its own.
 */
@Component
public class IntakeRefusals {

    private static final Logger log = LoggerFactory.getLogger(IntakeRefusals.class);
    /** Providers' messages are a few hundred bytes; anything far larger is not one. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;

    IntakeRefusals(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs an intake's work in one transaction that belongs to the company from its start, so that
     * the acknowledgement waits for no tenant switches. A refusal thrown by the work commits the
     * security event it recorded (intakes refuse before they write anything else) and is thrown on.
     */
    public <T> T inTransactionOf(UUID company, Supplier<T> work) {
        Object outcome = tenantScope.callAs(company, () -> transaction.execute(status -> {
            try {
                return work.get();
            } catch (CallbackRefused refused) {
                return refused;
            }
        }));
        if (outcome instanceof CallbackRefused refused) {
            throw refused;
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome;
        return result;
    }

    /** Refuses (413) a body over {@link #MAX_BODY_BYTES}; {@code what} prefixes the security event kind. */
    public void checkSize(UUID company, String what, byte[] body, String sourceAddress) {
        if (body == null || body.length > MAX_BODY_BYTES) {
            throw refuse(413, company, what + "_oversized", "body of " + (body == null ? 0 : body.length) + " bytes",
                    sourceAddress);
        }
    }

    /** The body as JSON; refuses oversized (413) and malformed (400) bodies. */
    public JsonNode readJson(UUID company, String what, byte[] body, String sourceAddress) {
        checkSize(company, what, body, sourceAddress);
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException malformed) {
            throw refuse(400, company, what + "_malformed", "not JSON", sourceAddress);
        }
    }

    /**
     * Records the refusal and returns the exception to throw.
     *
     * @param company the company whose path was called, or {@code null} when the path is unknown
     */
    public CallbackRefused refuse(int status, UUID company, String kind, String detail, String sourceAddress) {
        log.warn("Refused payment notification from {}: {} ({})", sourceAddress, kind, detail);
        tenantScope.callPlatformWide(() -> transaction.execute(tx -> jdbc.update("""
                insert into security_events (kind, detail, source_address, isp_company_id) values (?, ?, ?, ?)""",
                kind, detail, sourceAddress, company)));
        return new CallbackRefused(status, kind);
    }
}
