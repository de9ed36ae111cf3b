package io.ispflow.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.tenancy.StaffDirectory;

/** The company's equipment in stock, and its assignment to clients. */
@Service
public class EquipmentStock {

    /** Which kinds of device serve which connection type. */
    private static final Map<String, List<String>> DEVICES_FOR_CONNECTION = Map.of(
            "fiber", List.of("onu", "router"),
            "wireless", List.of("cpe", "radio", "router"),
            "dsl", List.of("modem", "router"),
            "satellite", List.of("modem", "router"));

    private static final String CHOICE_COLUMNS = """
            select e.id, e.serial_number, t.device_type, t.brand, t.name
            from equipment e join equipment_types t on t.id = e.equipment_type_id""";

    private static final RowMapper<EquipmentChoice> CHOICE = (rs, n) -> new EquipmentChoice(
            rs.getObject("id", UUID.class),
            rs.getString("brand") + " " + rs.getString("name") + " · SN " + rs.getString("serial_number"),
            rs.getString("serial_number"), rs.getString("device_type"));

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;

    EquipmentStock(JdbcTemplate jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    @Transactional
    public UUID receive(NewEquipment item) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into equipment (id, equipment_type_id, serial_number, mac_address, brand, model, status,
                                       location, isp_company_id)
                select ?, t.id, ?, ?, t.brand, t.model, 'available', ?, ?
                from equipment_types t where t.brand = ? and t.model = ?""",
                id, item.serialNumber(), normaliseMac(item.macAddress()), item.location(),
                TenantContext.requireCompanyId(), item.brand(), item.model());
        if (inserted == 0) {
            throw new IllegalArgumentException("unknown equipment type " + item.brand() + " " + item.model());
        }
        return id;
    }

    /** Unassigned equipment of the company suitable for the connection type, oldest first. */
    @Transactional(readOnly = true)
    public List<EquipmentChoice> availableFor(String connectionType) {
        List<String> devices = DEVICES_FOR_CONNECTION.getOrDefault(connectionType, List.of());
        return jdbc.query(CHOICE_COLUMNS + """
                 where e.isp_company_id = ? and e.status = 'available' and t.device_type = any (?)
                order by t.device_type, e.created_at, e.serial_number""",
                CHOICE,
                TenantContext.requireCompanyId(), devices.toArray(String[]::new));
    }

    /**
     * Assigns equipment in stock to a client.
     *
     * @throws EquipmentUnavailable when it was taken meanwhile or is not the company's (nothing is
     *         written then, and the caller's transaction stays usable)
     */
    @Transactional(noRollbackFor = EquipmentUnavailable.class)
    public EquipmentChoice assign(UUID equipmentId, UUID clientId, String assignedBy) {
        UUID company = TenantContext.requireCompanyId();
        // the conditional update is the reservation: of two concurrent assignments only one matches
        int taken = jdbc.update("""
                update equipment set status = 'assigned', updated_at = now()
                where id = ? and isp_company_id = ? and status = 'available'""", equipmentId, company);
        if (taken == 0) {
            throw new EquipmentUnavailable(equipmentId);
        }
        UUID profileId = staff.profileOf(assignedBy).map(p -> p.id()).orElse(null);
        jdbc.update("""
                insert into client_equipment (client_id, equipment_id, assigned_by, is_primary, isp_company_id)
                values (?, ?, ?, true, ?)""", clientId, equipmentId, profileId, company);
        return jdbc.queryForObject(CHOICE_COLUMNS + " where e.id = ?", CHOICE, equipmentId);
    }

    /** Marks the client's assigned equipment as deployed at his premises. */
    @Transactional
    public void markDeployed(UUID clientId) {
        jdbc.update("""
                update equipment set status = 'deployed', updated_at = now()
                where id in (select equipment_id from client_equipment where client_id = ?) and status = 'assigned'""",
                clientId);
    }

    /** The equipment the client holds (assigned or deployed, not yet returned). */
    @Transactional(readOnly = true)
    public List<EquipmentChoice> heldBy(UUID clientId) {
        return jdbc.query(CHOICE_COLUMNS + """
                 join client_equipment ce on ce.equipment_id = e.id
                where ce.client_id = ? and ce.returned_at is null order by e.serial_number""", CHOICE, clientId);
    }

    /**
     * Takes back what the client held: each item is available again (recovered from a disconnected
     * client). Returns how many items came back; a second call finds none.
     */
    @Transactional
    public int recover(UUID clientId) {
        jdbc.update("""
                update equipment set status = 'available', updated_at = now()
                where id in (select equipment_id from client_equipment where client_id = ? and returned_at is null)""",
                clientId);
        return jdbc.update("update client_equipment set returned_at = now() where client_id = ? and returned_at is null",
                clientId);
    }

    /** Whether equipment was ever assigned to the client: he is then kept for the record. */
    @Transactional(readOnly = true)
    public boolean holdsRecordsOf(UUID clientId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from client_equipment where client_id = ?)", Boolean.class, clientId));
    }

    /** {@code aa-bb-cc-dd-ee-ff} or {@code aabb.ccdd.eeff} to {@code AA:BB:CC:DD:EE:FF}; null stays null. */
    public static String normaliseMac(String mac) {
        if (mac == null || mac.isBlank()) {
            return null;
        }
        String hex = mac.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 12) {
            throw new IllegalArgumentException("not a MAC address: " + mac);
        }
        return String.join(":", hex.split("(?<=\\G..)"));
    }
}
