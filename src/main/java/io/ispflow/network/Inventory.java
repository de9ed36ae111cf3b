package io.ispflow.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.ispflow.platform.TenantContext;

/**
 * The company's inventory: items with ids per category ({@code CPE-000001}), serial numbers and MAC
 * addresses unique in the company, statuses with their allowed changes, and deliveries taken in whole
 * or not at all. The database numbers the items and writes every change to the item's history, with
 * the staff member of the transaction (triggers {@code generate_inventory_item_id},
 * {@code log_inventory_change}).
 */
@Service
public class Inventory {

    private static final TypeReference<Map<String, List<Object>>> CHANGES = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            name, manufacturer, model, serial_number, mac_address, purchase_date, warranty_expiry_date, supplier,
            cost, location, notes""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Inventory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Items by category and status, and whose item id, serial number or MAC address contains {@code text}. */
    @Transactional(readOnly = true)
    public Page<InventoryItem> search(InventoryCategory category, InventoryStatus status, String text, Pageable page) {
        String like = text == null || text.isBlank() ? null
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = """
                where isp_company_id = ? and (?::text is null or category = ?::text)
                   and (?::text is null or status = ?::text)
                   and (?::text is null or item_id ilike ?::text or serial_number ilike ?::text
                        or mac_address ilike ?::text or mac_address = ?::text)""";
        String cat = category == null ? null : category.db();
        String stat = status == null ? null : status.db();
        List<Object> args = new ArrayList<>(List.of(TenantContext.requireCompanyId()));
        args.addAll(java.util.Arrays.asList(cat, cat, stat, stat, like, like, like, like, macOrNull(text)));
        long total = jdbc.queryForObject("select count(*) from inventory_items " + where, Long.class, args.toArray());
        args.add(page.getPageSize());
        args.add(page.getOffset());
        List<InventoryItem> items = jdbc.query("select * from inventory_items " + where
                + " order by created_at desc, item_id desc limit ? offset ?", this::item, args.toArray());
        return new PageImpl<>(items, page, total);
    }

    @Transactional(readOnly = true)
    public Optional<InventoryItem> find(UUID id) {
        return jdbc.query("select * from inventory_items where id = ? and isp_company_id = ?", this::item, id,
                TenantContext.requireCompanyId()).stream().findFirst();
    }

    /** The item's history, oldest first. */
    @Transactional(readOnly = true)
    public List<InventoryChange> history(UUID id) {
        return jdbc.query("""
                select action, changes::text, performed_by, created_at from inventory_history
                where inventory_item_id = ? and isp_company_id = ? order by created_at, id""",
                (rs, n) -> new InventoryChange(rs.getString("action"), changes(rs.getString("changes")),
                        rs.getObject("performed_by", UUID.class), rs.getTimestamp("created_at").toInstant()),
                id, TenantContext.requireCompanyId());
    }

    /** A new item in stock, numbered in its category. */
    @Transactional
    public InventoryItem add(InventoryCategory category, InventoryItemDetails details) {
        InventoryItemDetails item = details.normalised();
        refuseDuplicates(null, item);
        return find(insert(category, item)).orElseThrow();
    }

    /**
     * Replaces what is recorded about the item; its category (and so its item id) stays, and giving
     * another one is refused.
     */
    @Transactional
    public InventoryItem update(UUID id, InventoryCategory category, InventoryItemDetails details) {
        InventoryItem current = locked(id);
        if (category != null && category != current.category()) {
            throw new InvalidInventoryChange("category", "cannot change; the item id " + current.itemId()
                    + " is counted in its category");
        }
        InventoryItemDetails item = details.normalised();
        refuseDuplicates(id, item);
        jdbc.update("update inventory_items set (" + COLUMNS + ", updated_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
                + " where id = ?", values(item, id));
        return find(id).orElseThrow();
    }

    /**
     * Moves the item to another status: {@code assigned} names the client it goes to; leaving
     * {@code assigned} ends the assignment.
     */
    @Transactional
    public InventoryItem changeStatus(UUID id, InventoryStatus status, UUID clientId) {
        InventoryItem current = locked(id);
        if (!current.status().mayBecome(status)) {
            throw new InventoryStatusChangeRefused(current.itemId(), current.status(), status);
        }
        boolean assigning = status == InventoryStatus.ASSIGNED;
        if (assigning != (clientId != null)) {
            throw new InvalidInventoryChange("clientId", assigning ? "is required to assign the item"
                    : "is given only when the item is assigned");
        }
        jdbc.update("""
                update inventory_items set status = ?, assigned_client_id = ?,
                       assignment_date = case when ? then now() end, updated_at = now()
                where id = ?""", status.db(), clientId, assigning, id);
        return find(id).orElseThrow();
    }

    /**
     * Why lines of a delivery cannot be taken in: serial numbers or MAC addresses repeated in it, or
     * found in the company's inventory already. Empty when all can be.
     */
    @Transactional(readOnly = true)
    public List<DeliveryRefused.LineError> conflicts(List<DeliveryLine> lines) {
        var errors = new ArrayList<DeliveryRefused.LineError>();
        Map<String, Integer> serials = new HashMap<>();
        Map<String, Integer> macs = new HashMap<>();
        for (DeliveryLine line : lines) {
            InventoryItemDetails item = line.details().normalised();
            repeated(line.line(), "serialNumber", item.serialNumber(), serials, errors);
            repeated(line.line(), "macAddress", item.macAddress(), macs, errors);
        }
        jdbc.query("""
                select item_id, serial_number, mac_address from inventory_items
                where isp_company_id = ? and (serial_number = any (?) or mac_address = any (?))""", rs -> {
            inStock(rs.getString("serial_number"), "serialNumber", rs.getString("item_id"), serials, errors);
            inStock(rs.getString("mac_address"), "macAddress", rs.getString("item_id"), macs, errors);
        }, TenantContext.requireCompanyId(), serials.keySet().toArray(String[]::new),
                macs.keySet().toArray(String[]::new));
        return errors;
    }

    /** Takes a delivery into stock, every line or none. */
    @Transactional
    public List<InventoryItem> receive(List<DeliveryLine> lines) {
        List<DeliveryRefused.LineError> errors = conflicts(lines);
        if (!errors.isEmpty()) {
            throw new DeliveryRefused(errors);
        }
        lockCounters(lines);
        var items = new ArrayList<InventoryItem>();
        for (DeliveryLine line : lines) {
            items.add(find(insert(line.category(), line.details().normalised())).orElseThrow());
        }
        return items;
    }

    /**
     * The item counters of the delivery's categories, locked in one order before any is counted up, so
     * that two deliveries of several categories cannot wait for each other's.
     */
    private void lockCounters(List<DeliveryLine> lines) {
        lines.stream().map(line -> line.category().db()).distinct().sorted().forEach(category -> jdbc.update("""
                insert into inventory_item_counters (isp_company_id, category, last_number) values (?, ?, 0)
                on conflict (isp_company_id, category) do update set last_number = inventory_item_counters.last_number""",
                TenantContext.requireCompanyId(), category));
    }

    private UUID insert(InventoryCategory category, InventoryItemDetails item) {
        return jdbc.queryForObject("insert into inventory_items (category, " + COLUMNS + ", isp_company_id)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", UUID.class,
                insertValues(category, item));
    }

    private static Object[] insertValues(InventoryCategory category, InventoryItemDetails item) {
        var args = new ArrayList<Object>();
        args.add(category.db());
        args.addAll(java.util.Arrays.asList(values(item, TenantContext.requireCompanyId())));
        return args.toArray();
    }

    private static Object[] values(InventoryItemDetails item, Object last) {
        return new Object[] {item.name(), item.manufacturer(), item.model(), item.serialNumber(), item.macAddress(),
                item.purchaseDate(), item.warrantyExpiryDate(), item.supplier(), item.cost(), item.location(),
                item.notes(), last};
    }

    /** The item, locked until the transaction ends, so that concurrent changes follow one another. */
    private InventoryItem locked(UUID id) {
        return jdbc.query("select * from inventory_items where id = ? and isp_company_id = ? for update", this::item,
                id, TenantContext.requireCompanyId()).stream().findFirst().orElseThrow(() -> new InventoryItemNotFound(id));
    }

    private void refuseDuplicates(UUID self, InventoryItemDetails item) {
        jdbc.query("""
                select item_id, serial_number = ? as same_serial from inventory_items
                where isp_company_id = ? and id is distinct from ? and (serial_number = ? or mac_address = ?)
                limit 1""", (rs, n) -> new InventoryItemDuplicate(rs.getBoolean("same_serial") ? "serialNumber"
                : "macAddress", rs.getString("item_id")), item.serialNumber(), TenantContext.requireCompanyId(), self,
                item.serialNumber(), item.macAddress()).stream().findFirst().ifPresent(duplicate -> {
                    throw duplicate;
                });
    }

    private static void repeated(int line, String field, String value, Map<String, Integer> seen,
            List<DeliveryRefused.LineError> errors) {
        if (value != null) {
            Integer first = seen.putIfAbsent(value, line);
            if (first != null) {
                errors.add(new DeliveryRefused.LineError(line, field, "repeats line " + first));
            }
        }
    }

    private static void inStock(String value, String field, String itemId, Map<String, Integer> lines,
            List<DeliveryRefused.LineError> errors) {
        if (value != null && lines.containsKey(value)) {
            errors.add(new DeliveryRefused.LineError(lines.get(value), field, "is in stock already as " + itemId));
        }
    }

    private static String macOrNull(String text) {
        return text != null && text.strip().matches(InventoryItemDetails.MAC) ? EquipmentStock.normaliseMac(text) : null;
    }

    /** The history's {@code {column: [before, after]}}, with the API's field names. */
    private Map<String, List<Object>> changes(String stored) {
        try {
            var named = new LinkedHashMap<String, List<Object>>();
            Map<String, List<Object>> changes = json.readerFor(CHANGES)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(stored);
            changes.forEach((column, values) ->
                    named.put(JdbcUtils.convertUnderscoreNameToPropertyName(column), values));
            return named;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable inventory history", e);
        }
    }

    private InventoryItem item(ResultSet rs, int row) throws SQLException {
        return new InventoryItem(rs.getObject("id", UUID.class), rs.getString("item_id"),
                InventoryCategory.valueOf(rs.getString("category").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("name"), rs.getString("manufacturer"), rs.getString("model"),
                rs.getString("serial_number"), rs.getString("mac_address"),
                rs.getObject("purchase_date", java.time.LocalDate.class),
                rs.getObject("warranty_expiry_date", java.time.LocalDate.class), rs.getString("supplier"),
                rs.getBigDecimal("cost"), rs.getString("location"), InventoryStatus.fromDb(rs.getString("status")),
                rs.getObject("assigned_client_id", UUID.class), instant(rs.getTimestamp("assignment_date")),
                rs.getString("notes"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
