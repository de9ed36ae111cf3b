package io.ispflow.billing;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Whether billing holds records of a client (invoices or wallet entries) that must be kept. */
@Component
public class BillingRecords {

    private final JdbcTemplate jdbc;

    BillingRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean holdsRecordsOf(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from invoices where client_id = ?)
                    or exists (select 1 from wallet_transactions where client_id = ?)""",
                Boolean.class, clientId, clientId));
    }
}
