package io.ispflow.payments;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.ispflow.clients.ClientRecords;

/** A client who has paid is kept for the record. */
@Component
class PaymentRecordsOfClients implements ClientRecords {

    private final JdbcTemplate jdbc;

    PaymentRecordsOfClients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean holdsRecordsOf(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from payments where client_id = ?)",
                Boolean.class, clientId));
    }
}
