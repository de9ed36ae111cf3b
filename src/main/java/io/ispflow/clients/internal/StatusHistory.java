package io.ispflow.clients.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientStatus;
import io.ispflow.clients.ClientStatusChange;
import io.ispflow.platform.TenantContext;

/** The record of every status change of a client ({@code client_status_changes}). */
@Component
public class StatusHistory {

    private final JdbcTemplate jdbc;

    StatusHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID clientId, ClientStatus from, ClientStatus to, String by, String reason) {
        jdbc.update("""
                insert into client_status_changes (client_id, from_status, to_status, changed_by, reason, isp_company_id)
                values (?, ?, ?, ?, ?, ?)""",
                clientId, from == null ? null : db(from), db(to), by, reason, TenantContext.requireCompanyId());
    }

    public List<ClientStatusChange> of(UUID clientId) {
        return jdbc.query("""
                select from_status, to_status, changed_by, reason, changed_at from client_status_changes
                where client_id = ? and isp_company_id = ? order by changed_at, id""",
                (rs, n) -> new ClientStatusChange(
                        rs.getString("from_status") == null ? null : ClientStatus.valueOf(rs.getString("from_status").toUpperCase(Locale.ROOT)),
                        ClientStatus.valueOf(rs.getString("to_status").toUpperCase(Locale.ROOT)),
                        rs.getString("changed_by"), rs.getString("reason"), rs.getTimestamp("changed_at").toInstant()),
                clientId, TenantContext.requireCompanyId());
    }

    private static String db(ClientStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
