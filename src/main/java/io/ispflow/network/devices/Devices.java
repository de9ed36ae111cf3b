package io.ispflow.network.devices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.network.snmp.DeviceAccess;
import io.ispflow.network.snmp.SnmpEndpoint;
import io.ispflow.platform.TenantContext;

/**
 * The company's managed network devices: their management address, SNMP access (secrets encrypted by
 * {@link DeviceAccess}, never read back out through here) and polling settings. Devices are retired,
 * never deleted: polls, events and client ports refer to them.
 */
@Service
public class Devices {

    /** A device's columns and its poll state, for {@link #device(ResultSet, int)}. */
    static final String SELECT = """
            select e.id, e.name, e.device_type, e.brand, e.model, host(e.ip_address) as ip, e.snmp_port,
                   e.serial_number, e.location, e.status, e.snmp_version, e.snmp_v3_user, e.snmp_v3_auth_protocol,
                   e.snmp_v3_priv_protocol,
                   (e.snmp_community_encrypted is not null or e.snmp_v3_auth_key_encrypted is not null) as secrets_set,
                   e.snmp_write_community_encrypted is not null as write_community_set, e.snmp_write_access,
                   e.polling_enabled, e.poll_interval_seconds, e.created_at, e.updated_at,
                   p.state, p.last_poll_at, p.last_success_at, p.consecutive_failures, p.sys_name, p.last_error,
                   p.state_changed_at
            from equipment e left join equipment_poll_state p on p.equipment_id = e.id
            """;
    /** Managed devices have a name; the rest of the table (if any) is client stock. */
    private static final String OF_COMPANY = " where e.isp_company_id = ? and e.name is not null";

    private final JdbcTemplate jdbc;
    private final DeviceAccess access;
    private final SnmpAccessMerge merge = new SnmpAccessMerge();

    Devices(JdbcTemplate jdbc, DeviceAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Devices of a type and monitoring state whose name or management address contains {@code text},
     * by name; retired ones only when asked for.
     */
    @Transactional(readOnly = true)
    public Page<Device> search(DeviceType type, DeviceState state, String text, boolean includeRetired,
            Pageable page) {
        String like = text == null || text.isBlank() ? null
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = OF_COMPANY + "\n" + """
                 and (?::text is null or e.device_type = ?::text)
                 and (?::text is null or coalesce(p.state, 'unknown') = ?::text)
                 and (?::text is null or e.name ilike ?::text or host(e.ip_address) ilike ?::text)
                 and (? or e.status <> 'retired')""";
        String kind = type == null ? null : type.db();
        String monitored = state == null ? null : state.db();
        List<Object> args = new ArrayList<>(List.of(TenantContext.requireCompanyId()));
        args.addAll(java.util.Arrays.asList(kind, kind, monitored, monitored, like, like, like, includeRetired));
        long total = jdbc.queryForObject("select count(*) from equipment e"
                + " left join equipment_poll_state p on p.equipment_id = e.id" + where, Long.class, args.toArray());
        args.add(page.getPageSize());
        args.add(page.getOffset());
        List<Device> devices = jdbc.query(SELECT + where + " order by lower(e.name), e.id limit ? offset ?",
                Devices::device, args.toArray());
        return new PageImpl<>(devices, page, total);
    }

    @Transactional(readOnly = true)
    public Optional<Device> find(UUID id) {
        return jdbc.query(SELECT + OF_COMPANY + " and e.id = ?", Devices::device, TenantContext.requireCompanyId(), id)
                .stream().findFirst();
    }

    /** The device, if it is the company's and in service. */
    @Transactional(readOnly = true)
    public Device inService(UUID id) {
        Device device = find(id).orElseThrow(() -> new DeviceNotFound(id));
        if (device.retired()) {
            throw new DeviceChangeRefused("Device " + device.name() + " is retired.");
        }
        return device;
    }

    /** A new device in service, with its SNMP access stored encrypted. */
    @Transactional
    public Device add(DeviceSettings settings) {
        var credentials = merge.credentials(settings.access(), null);
        refuseDuplicates(null, settings);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into equipment (id, name, device_type, brand, model, ip_address, snmp_port, serial_number,
                                       location, status, snmp_version, snmp_write_access, polling_enabled,
                                       poll_interval_seconds, isp_company_id)
                values (?, ?, ?, ?, ?, ?::inet, ?, ?, ?, 'deployed', null, ?, ?, ?, ?)""",
                id, settings.name().strip(), settings.deviceType().db(), blank(settings.brand()), blank(settings.model()),
                settings.ipAddress(), settings.snmpPort(), blank(settings.serialNumber()), blank(settings.location()),
                settings.snmpWriteAccess(), settings.pollingEnabled(), settings.pollIntervalSeconds(),
                TenantContext.requireCompanyId());
        access.store(id, settings.ipAddress(), settings.snmpPort(), credentials);
        return find(id).orElseThrow();
    }

    /**
     * Replaces the device's settings. SNMP secrets left out are kept; access left out entirely keeps
     * the version and credentials as they are.
     */
    @Transactional
    public Device update(UUID id, DeviceSettings settings) {
        Device current = locked(id);
        if (current.retired()) {
            throw new DeviceChangeRefused("Device " + current.name() + " is retired; it cannot change.");
        }
        refuseDuplicates(id, settings);
        jdbc.update("""
                update equipment set name = ?, device_type = ?, brand = ?, model = ?, ip_address = ?::inet,
                       snmp_port = ?, serial_number = ?, location = ?, snmp_write_access = ?, polling_enabled = ?,
                       poll_interval_seconds = ?, updated_at = now()
                where id = ?""",
                settings.name().strip(), settings.deviceType().db(), blank(settings.brand()), blank(settings.model()),
                settings.ipAddress(), settings.snmpPort(), blank(settings.serialNumber()), blank(settings.location()),
                settings.snmpWriteAccess(), settings.pollingEnabled(), settings.pollIntervalSeconds(), id);
        if (settings.access() != null) {
            SnmpEndpoint stored = access.endpoint(id).orElse(null);
            access.store(id, settings.ipAddress(), settings.snmpPort(),
                    merge.credentials(settings.access(), stored == null ? null : stored.credentials()));
        }
        return find(id).orElseThrow();
    }

    /**
     * Takes the device out of service: no longer polled, kept for its history. Refused while clients
     * are on its ports (move them first); retiring it again changes nothing.
     */
    @Transactional
    public Device retire(UUID id) {
        Device current = locked(id);
        Integer clients = jdbc.queryForObject("""
                select count(*) from client_equipment
                where equipment_id = ? and returned_at is null and network_config ->> 'ifIndex' is not null""", Integer.class, id);
        if (clients != null && clients > 0) {
            throw new DeviceChangeRefused("Device " + current.name() + " serves " + clients
                    + " client port(s); move them to another device first.");
        }
        jdbc.update("""
                update equipment set status = 'retired', polling_enabled = false, updated_at = now()
                where id = ? and status <> 'retired'""", id);
        return find(id).orElseThrow();
    }

    private Device locked(UUID id) {
        UUID company = TenantContext.requireCompanyId();
        List<UUID> row = jdbc.queryForList("select id from equipment where id = ? and isp_company_id = ?"
                + " and name is not null for update", UUID.class, id, company);
        if (row.isEmpty()) {
            throw new DeviceNotFound(id);
        }
        return find(id).orElseThrow();
    }

    private void refuseDuplicates(UUID self, DeviceSettings settings) {
        UUID company = TenantContext.requireCompanyId();
        jdbc.queryForList("select id from equipment where isp_company_id = ? and lower(name) = lower(?) and id <> ?",
                UUID.class, company, settings.name().strip(), self == null ? new UUID(0, 0) : self).stream()
                .findFirst().ifPresent(existing -> {
                    throw new DeviceDuplicate("name", existing);
                });
        String serial = blank(settings.serialNumber());
        if (serial != null) {
            jdbc.queryForList("select id from equipment where isp_company_id = ? and serial_number = ? and id <> ?",
                    UUID.class, company, serial, self == null ? new UUID(0, 0) : self).stream()
                    .findFirst().ifPresent(existing -> {
                        throw new DeviceDuplicate("serialNumber", existing);
                    });
        }
    }

    static Device device(ResultSet rs, int row) throws SQLException {
        String version = rs.getString("snmp_version");
        var snmp = version == null ? null : new Device.SnmpAccess(version, rs.getString("snmp_v3_user"),
                rs.getString("snmp_v3_auth_protocol"), rs.getString("snmp_v3_priv_protocol"),
                rs.getBoolean("secrets_set"), rs.getBoolean("write_community_set"));
        var monitoring = new Device.Monitoring(DeviceState.ofDb(rs.getString("state")),
                instant(rs.getTimestamp("last_poll_at")), instant(rs.getTimestamp("last_success_at")),
                rs.getInt("consecutive_failures"), rs.getString("sys_name"), rs.getString("last_error"),
                instant(rs.getTimestamp("state_changed_at")));
        return new Device(rs.getObject("id", UUID.class), rs.getString("name"),
                DeviceType.ofDb(rs.getString("device_type")), rs.getString("brand"), rs.getString("model"),
                rs.getString("ip"), rs.getInt("snmp_port"), rs.getString("serial_number"), rs.getString("location"),
                "retired".equals(rs.getString("status")) ? "retired" : "active", snmp, rs.getBoolean("snmp_write_access"),
                rs.getBoolean("polling_enabled"), rs.getInt("poll_interval_seconds"), monitoring,
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
