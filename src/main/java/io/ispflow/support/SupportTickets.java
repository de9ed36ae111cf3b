package io.ispflow.support;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientRecords;

/** The support tickets of the company in context. */
@Component
class SupportTickets implements ClientRecords {

    private final JdbcTemplate jdbc;

    SupportTickets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A client with tickets is kept for the record. */
    @Override
    public boolean holdsRecordsOf(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from support_tickets where client_id = ?)", Boolean.class, clientId));
    }
}
