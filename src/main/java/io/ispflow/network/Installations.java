package io.ispflow.network;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/** Installation visits at clients' premises: booked, reported on site, verified by NOC. */
@Service
public class Installations {

    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final EquipmentStock equipment;

    Installations(JdbcTemplate jdbc, EquipmentStock equipment, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.equipment = equipment;
    }

    /** Books a visit and tells so ({@link InstallationBooked}); returns its id. {@code attempt} counts visits per client from 1. */
    @Transactional
    public UUID book(UUID clientId, int attempt, Instant scheduledFor, String technicianReference) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into installations (id, client_id, attempt, scheduled_for, technician_user_id,
                                           external_technician_id, isp_company_id)
                values (?, ?, ?, ?, ?, ?, ?)""",
                id, clientId, attempt, java.sql.Timestamp.from(scheduledFor),
                Technician.staffUserId(technicianReference), Technician.externalId(technicianReference),
                TenantContext.requireCompanyId());
        events.publishEvent(new InstallationBooked(TenantContext.requireCompanyId(), clientId, id, attempt, scheduledFor));
        return id;
    }

    @Transactional
    public void report(UUID installationId, InstallationReport report, String reportedBy) {
        int updated = jdbc.update("""
                update installations set status = ?, equipment_serial = ?, mac_address = ?, ip_address = ?::inet,
                       signal_dbm = ?, failure_reason = ?, notes = ?, reported_by = ?, updated_at = now()
                where id = ? and isp_company_id = ? and status = 'scheduled'""",
                report.installed() ? "installed" : "failed", blankToNull(report.equipmentSerial()),
                EquipmentStock.normaliseMac(report.macAddress()), blankToNull(report.ipAddress()),
                report.signalDbm(), blankToNull(report.failureReason()), blankToNull(report.notes()), reportedBy,
                installationId, TenantContext.requireCompanyId());
        requireOne(updated, installationId);
    }

    /** NOC's verdict on the link of an installed client. */
    @Transactional
    public void verify(UUID installationId, boolean linkUp, String verifiedBy) {
        int updated = jdbc.update("""
                update installations set status = ?, verified_by = ?, verified_at = now(), updated_at = now()
                where id = ? and isp_company_id = ? and status = 'installed'""",
                linkUp ? "verified" : "link_failed", verifiedBy, installationId, TenantContext.requireCompanyId());
        requireOne(updated, installationId);
        if (linkUp) {
            UUID clientId = jdbc.queryForObject("select client_id from installations where id = ?", UUID.class,
                    installationId);
            equipment.markDeployed(clientId);
        }
    }

    /** Whether the client has an installation whose link NOC verified. */
    @Transactional(readOnly = true)
    public boolean isVerified(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from installations where client_id = ? and status = 'verified')",
                Boolean.class, clientId));
    }

    private static void requireOne(int updated, UUID installationId) {
        if (updated != 1) {
            throw new IllegalStateException("installation " + installationId + " is not in the expected state");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
