package io.ispflow.payments.intake;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.platform.TenantScope;

/**
 * Refuses what payment providers (or someone pretending to be one) send us: each refusal is logged and
 * kept in {@code security_events}, in whatever transaction the intake runs (the refusal commits; the
 * payment data does not).
 */
@Component
public class IntakeRefusals {

    private static final Logger log = LoggerFactory.getLogger(IntakeRefusals.class);

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    IntakeRefusals(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    /**
     * Records the refusal and returns the exception to throw.
     *
     * @param company the company whose path was called, or {@code null} when the path is unknown
     */
    public CallbackRefused refuse(int status, UUID company, String kind, String detail, String sourceAddress) {
        log.warn("Refused payment notification from {}: {} ({})", sourceAddress, kind, detail);
        tenantScope.callPlatformWide(() -> jdbc.update("""
                insert into security_events (kind, detail, source_address, isp_company_id) values (?, ?, ?, ?)""",
                kind, detail, sourceAddress, company));
        return new CallbackRefused(status, kind);
    }
}
