package io.ispflow.payments.mpesa;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.intake.IntakeRefusals;
import io.ispflow.platform.TenantScope;

/**
 * The first check on anything Daraja posts to us: the token in the path must be an active company's.
 */
@Component
class MpesaPaths {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final IntakeRefusals refusals;

    MpesaPaths(JdbcTemplate jdbc, TenantScope tenantScope, IntakeRefusals refusals) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.refusals = refusals;
    }

    /** The company whose callback path this is; refuses (404) unknown and inactive paths. */
    UUID companyOf(String token, String what, String sourceAddress) {
        List<UUID> company = tenantScope.callPlatformWide(() -> jdbc.queryForList(
                "select isp_company_id from mpesa_settings where callback_token = ? and is_active", UUID.class, token));
        if (company.isEmpty()) {
            throw refusals.refuse(404, null, what + "_unknown_path", "no company has this callback path",
                    sourceAddress);
        }
        return company.get(0);
    }
}
