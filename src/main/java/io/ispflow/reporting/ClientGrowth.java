package io.ispflow.reporting;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.clients.ClientRegistered;
import io.ispflow.platform.TenantScope;
import io.ispflow.shared.Nairobi;

/**
 * Registrations per company and day (Nairobi time), for the growth dashboard. Fed by
 * {@link ClientRegistered} after the registration committed; the event publication registry retries
 * it if this fails or the node dies first.
 */
@Component
public class ClientGrowth {

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;

    ClientGrowth(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(ClientRegistered registered) {
        tenantScope.runAs(registered.companyId(), () -> jdbc.update("""
                insert into client_registrations_daily (isp_company_id, day, registered) values (?, ?, 1)
                on conflict (isp_company_id, day) do update
                    set registered = client_registrations_daily.registered + 1""",
                registered.companyId(), LocalDate.now(Nairobi.ZONE)));
    }

    /** Clients the company registered on a day. */
    @Transactional(readOnly = true)
    public int registeredOn(UUID companyId, LocalDate day) {
        return tenantScope.callAs(companyId, () -> jdbc.query(
                "select registered from client_registrations_daily where isp_company_id = ? and day = ?",
                rs -> rs.next() ? rs.getInt(1) : 0, companyId, day));
    }
}
