package io.ispflow.platform.callbacks;

import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;
import io.ispflow.platform.security.SecurityEvents;

/**
 * Refuses what providers (or someone pretending to be one) send us: each refusal goes to the
 * {@link SecurityEvents} log, in the intake's transaction when it runs in one (an intake commits after a
 * refusal, having stored nothing else), otherwise in a transaction of its own.
 */
@Component
public class IntakeRefusals {

    /** Providers' messages are a few hundred bytes; anything far larger is not one. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecurityEvents securityEvents;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;

    IntakeRefusals(SecurityEvents securityEvents, TenantScope tenantScope, PlatformTransactionManager transactionManager) {
        this.securityEvents = securityEvents;
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
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw refuse(413, company, what + "_oversized", "body of " + body.length + " bytes", sourceAddress);
        }
    }

    /**
     * The body as a JSON object; refuses oversized (413), empty, malformed or non-object bodies and
     * bodies that escape a NUL character (400).
     */
    public JsonNode readJson(UUID company, String what, byte[] body, String sourceAddress) {
        checkSize(company, what, body, sourceAddress);
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (java.io.IOException malformed) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw refuse(400, company, what + "_malformed", "not a JSON object", sourceAddress);
        }
        if (ProviderFields.escapesNul(body)) {
            throw refuse(400, company, what + "_malformed", "NUL character in a value", sourceAddress);
        }
        return tree;
    }

    /** The body as form fields; refuses oversized (413) and malformed bodies (400). */
    public java.util.Map<String, String> readForm(UUID company, String what, byte[] body, String sourceAddress) {
        checkSize(company, what, body, sourceAddress);
        return ProviderFields.form(body == null ? new byte[0] : body)
                .orElseThrow(() -> refuse(400, company, what + "_malformed", "not a UTF-8 form", sourceAddress));
    }

    /**
     * Records the refusal and returns the exception to throw.
     *
     * @param company the company whose path was called, or {@code null} when the path is unknown
     */
    public CallbackRefused refuse(int status, UUID company, String kind, String detail, String sourceAddress) {
        securityEvents.record(company, kind, detail, sourceAddress);
        return new CallbackRefused(status, kind);
    }
}
