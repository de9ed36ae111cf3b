package io.ispflow.clients.internal;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether anything refers to a client that must be kept for the record. */
@Component
public class ClientReferences {

    private final JdbcTemplate jdbc;

    ClientReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exist(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from invoices where client_id = ?)
                    or exists (select 1 from payments where client_id = ?)
                    or exists (select 1 from wallet_transactions where client_id = ?)
                    or exists (select 1 from client_equipment where client_id = ?)
                    or exists (select 1 from support_tickets where client_id = ?)""",
                Boolean.class, clientId, clientId, clientId, clientId, clientId));
    }
}
