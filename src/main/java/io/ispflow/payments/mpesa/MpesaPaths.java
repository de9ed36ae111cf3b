package io.ispflow.payments.mpesa;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.payments.intake.IntakeRefusals;
import io.ispflow.platform.TenantScope;

/**
 * The first checks on anything Daraja posts to us: the token in the path must be an active company's,
 * the body a small JSON document.
 */
@Component
class MpesaPaths {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final IntakeRefusals refusals;
    private final ObjectMapper json = new ObjectMapper();

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

    /** The body as JSON; refuses oversized (413) and malformed (400) bodies. */
    JsonNode readJson(UUID company, String what, String body, String sourceAddress) {
        if (body == null || body.length() > MpesaCallbackInbox.MAX_BODY_BYTES) {
            throw refusals.refuse(413, company, what + "_oversized",
                    "body of " + (body == null ? 0 : body.length()) + " characters", sourceAddress);
        }
        try {
            return json.readTree(body);
        } catch (Exception malformed) {
            throw refusals.refuse(400, company, what + "_malformed", "not JSON", sourceAddress);
        }
    }
}
