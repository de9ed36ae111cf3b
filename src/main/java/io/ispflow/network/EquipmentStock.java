package io.ispflow.network;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;
import io.ispflow.platform.TenantScope;
import io.ispflow.tenancy.StaffDirectory;

/**
 * Client equipment (ONUs, CPEs, routers…) as items of the company's inventory: offered while in stock,
 * assigned to a client, marked deployed at his premises, and returned when he leaves. Every change is
 * in the item's history ({@link Inventory}).
 */
@Service
public class EquipmentStock {

    /** Where an item is once NOC verified the link of the client it is assigned to. */
    public static final String AT_CLIENT_PREMISES = "client premises";

    /** Which kinds of device serve which connection type. */
    private static final Map<String, List<String>> DEVICES_FOR_CONNECTION = Map.of(
            "fiber", List.of("onu", "router"),
            "wireless", List.of("cpe", "radio", "router"),
            "dsl", List.of("modem", "router"),
            "satellite", List.of("modem", "router"));

    private static final String CHOICE_COLUMNS = """
            select id, item_id, category, manufacturer, coalesce(name, model) as name, serial_number
            from inventory_items""";

    private static final RowMapper<EquipmentChoice> CHOICE = (rs, n) -> new EquipmentChoice(
            rs.getObject("id", UUID.class),
            label(rs.getString("item_id"), rs.getString("manufacturer"), rs.getString("name"),
                    rs.getString("serial_number")),
            rs.getString("serial_number"), rs.getString("category"));

    private final JdbcTemplate jdbc;
    private final Inventory inventory;
    private final StaffDirectory staff;
    private final TenantScope tenantScope;

    EquipmentStock(JdbcTemplate jdbc, Inventory inventory, StaffDirectory staff, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.staff = staff;
        this.tenantScope = tenantScope;
    }

    /** A catalogued device (by brand and model) into stock as an inventory item; returns the item's id. */
    @Transactional
    public UUID receive(NewEquipment item) {
        var type = jdbc.query("select device_type, name from equipment_types where brand = ? and model = ?",
                (rs, n) -> new String[] {rs.getString("device_type"), rs.getString("name")}, item.brand(), item.model())
                .stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown equipment type " + item.brand() + " " + item.model()));
        InventoryCategory category = InventoryCategory.fromText(type[0]).orElseThrow();
        return inventory.add(category, new InventoryItemDetails(type[1], item.brand(), item.model(), item.serialNumber(),
                item.macAddress(), null, null, null, null, item.location(), null)).id();
    }

    /** Items in stock of the kinds that suit the connection type, oldest first. */
    @Transactional(readOnly = true)
    public List<EquipmentChoice> availableFor(String connectionType) {
        List<String> devices = DEVICES_FOR_CONNECTION.getOrDefault(connectionType, List.of());
        return jdbc.query(CHOICE_COLUMNS + """
                 where isp_company_id = ? and status = 'in_stock' and category = any (?)
                order by category, created_at, item_id""",
                CHOICE, TenantContext.requireCompanyId(), devices.toArray(String[]::new));
    }

    /**
     * Assigns an item in stock to a client, on record as the work of the staff member who chose it.
     *
     * @throws EquipmentUnavailable when it was taken meanwhile or is not the company's (nothing is
     *         written then, and the caller's transaction stays usable)
     */
    @Transactional(noRollbackFor = EquipmentUnavailable.class)
    public EquipmentChoice assign(UUID itemId, UUID clientId, String assignedBy) {
        UUID company = TenantContext.requireCompanyId();
        // the conditional update is the reservation: of two concurrent assignments only one matches
        Supplier<Integer> reserve = () -> jdbc.update("""
                update inventory_items set status = 'assigned', assigned_client_id = ?, assignment_date = now(),
                       updated_at = now()
                where id = ? and isp_company_id = ? and status = 'in_stock'""", clientId, itemId, company);
        int taken = (assignedBy == null ? Optional.<UUID>empty()
                : staff.profileOf(assignedBy).map(p -> p.id()))
                .map(profile -> tenantScope.callAsStaff(company, profile, reserve)).orElseGet(reserve);
        if (taken == 0) {
            throw new EquipmentUnavailable(itemId);
        }
        return jdbc.queryForObject(CHOICE_COLUMNS + " where id = ?", CHOICE, itemId);
    }

    /** The client's assigned items are at his premises now (their location says so, and their history when). */
    @Transactional
    public void markDeployed(UUID clientId) {
        jdbc.update("""
                update inventory_items set location = ?, updated_at = now()
                where assigned_client_id = ? and isp_company_id = ? and status = 'assigned'
                  and location is distinct from ?""",
                AT_CLIENT_PREMISES, clientId, TenantContext.requireCompanyId(), AT_CLIENT_PREMISES);
    }

    /** The items the client holds (assigned to him, not yet returned). */
    @Transactional(readOnly = true)
    public List<EquipmentChoice> heldBy(UUID clientId) {
        return jdbc.query(CHOICE_COLUMNS
                + " where assigned_client_id = ? and isp_company_id = ? and status = 'assigned' order by item_id",
                CHOICE, clientId, TenantContext.requireCompanyId());
    }

    /**
     * Takes back what the client held: each item is {@code returned}, no longer his, for staff to check
     * before it goes back into stock. Returns how many items came back; a second call finds none.
     */
    @Transactional
    public int recover(UUID clientId) {
        return jdbc.update("""
                update inventory_items set status = 'returned', assigned_client_id = null, assignment_date = null,
                       location = nullif(location, ?), updated_at = now()
                where assigned_client_id = ? and isp_company_id = ? and status = 'assigned'""",
                AT_CLIENT_PREMISES, clientId, TenantContext.requireCompanyId());
    }

    /** Whether an item was ever assigned to the client (his now, or in an item's history): he is then kept for the record. */
    @Transactional(readOnly = true)
    public boolean holdsRecordsOf(UUID clientId) {
        UUID company = TenantContext.requireCompanyId();
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from inventory_items where assigned_client_id = ? and isp_company_id = ?)
                    or exists (select 1 from inventory_history
                               where changes -> 'assigned_client_id' @> to_jsonb(?::text) and isp_company_id = ?)""",
                Boolean.class, clientId, company, clientId.toString(), company));
    }

    /** What staff read: {@code ONU-000012 · Huawei EG8145V5 GPON ONU · SN 4857…}. */
    static String label(String itemId, String manufacturer, String name, String serialNumber) {
        String device = String.join(" ", Stream.of(manufacturer, name).filter(Objects::nonNull).toList());
        return itemId + (device.isEmpty() ? "" : " · " + device) + (serialNumber == null ? "" : " · SN " + serialNumber);
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
