package io.ispflow.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.platform.TenantScope;

/**
 * The audit log ({@code audit_log}): what staff did, written once and never changed. Entries belong
 * to the company the action was for (a super administrator's action for a company is that
 * company's), or to the platform when it was for none.
 */
@Component
public class AuditTrail {

    /** One action of a staff member. */
    public record Entry(UUID id, Instant at, String actor, String action, String subject, int outcome,
            JsonNode detail) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final TransactionTemplate transaction;
    private final ObjectMapper json = new ObjectMapper();

    AuditTrail(JdbcTemplate jdbc, TenantScope tenantScope, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Records an action, in a transaction of its own. */
    public void record(UUID company, String actor, String action, String subject, int outcome, JsonNode detail) {
        Runnable insert = () -> transaction.executeWithoutResult(tx -> jdbc.update("""
                insert into audit_log (actor, action, subject, outcome, detail, isp_company_id)
                values (?, ?, ?, ?, ?::jsonb, ?)""",
                cut(actor, 64), cut(action, 200), cut(subject, 300), outcome, detail == null ? null : detail.toString(),
                company));
        if (company == null) {
            tenantScope.callPlatformWide(() -> {
                insert.run();
                return null;
            });
        } else {
            tenantScope.runAs(company, insert);
        }
    }

    /** The latest entries of a company (or, {@code null}, of the platform's own work), newest first. */
    public List<Entry> latest(UUID company, String actor, Instant before, int limit) {
        java.util.function.Supplier<List<Entry>> query = () -> transaction.execute(tx -> jdbc.query("""
                select id, created_at, actor, action, subject, outcome, detail from audit_log
                where isp_company_id is not distinct from ? and (?::text is null or actor = ?)
                  and created_at < coalesce(?, 'infinity'::timestamptz)
                order by created_at desc limit ?""",
                (rs, n) -> new Entry(rs.getObject("id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"), rs.getInt("outcome"),
                        readJson(rs.getString("detail"))),
                company, actor, actor, before == null ? null : java.sql.Timestamp.from(before), limit));
        // a company's entries are read in its scope, so that row-level security has the last word
        return company == null ? tenantScope.callPlatformWide(query) : tenantScope.callAs(company, query);
    }

    private JsonNode readJson(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
