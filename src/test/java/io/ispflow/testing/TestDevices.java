package io.ispflow.testing;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpCredentials;
import io.ispflow.platform.TenantScope;

/** Managed network devices for tests: an {@code equipment} row with its SNMP access, as the company. */
@Component
public class TestDevices {

    private final JdbcTemplate jdbc;
    private final TenantScope tenants;
    private final DeviceAccess access;
    private final TransactionTemplate transactions;

    TestDevices(JdbcTemplate jdbc, TenantScope tenants, DeviceAccess access, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.access = access;
        this.transactions = transactions;
    }

    /** A switch of the company at {@code 127.0.0.1:port}, polled every {@code pollSeconds}. */
    public UUID add(UUID companyId, String name, int port, SnmpCredentials credentials, boolean writeAccess,
            int pollSeconds) {
        // the company's settings reach PostgreSQL with a transaction
        return tenants.callAs(companyId, () -> transactions.execute(status -> {
            UUID id = UUID.randomUUID();
            jdbc.update("""
                    insert into equipment (id, serial_number, name, brand, model, status, snmp_write_access,
                                           poll_interval_seconds, isp_company_id)
                    values (?, ?, ?, 'Simulated', 'IF-MIB switch', 'deployed', ?, ?, ?)""",
                    id, "SN-" + id, name, writeAccess, pollSeconds, companyId);
            access.store(id, "127.0.0.1", port, credentials);
            return id;
        }));
    }
}
