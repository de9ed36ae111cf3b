-- ---------------------------------------------------------------------------------------------
-- Inventory (seed: inventory_items, inventory_history, generate_inventory_item_id(),
-- log_inventory_change()). Owned by the network module.
--
-- Deviations from the seed: item ids are unique per company (not globally) and counted per company
-- and category; serial numbers and MAC addresses are unique per company; statuses are lower-case
-- words; cost is NUMERIC(14,2); the history records {field: [before, after]} in a jsonb `changes`
-- column instead of the seed's free-text `details`. The seed's cable, IP and consumable columns are
-- left out until something uses them.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE inventory_items (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    item_id              varchar(50)  NOT NULL,
    category             varchar(30)  NOT NULL
        CHECK (category IN ('router', 'switch', 'access_point', 'cpe', 'onu', 'olt', 'radio', 'modem', 'firewall',
                            'server', 'cable', 'consumable', 'other')),
    name                 varchar(255),
    manufacturer         varchar(100),
    model                varchar(100),
    serial_number        varchar(100),
    mac_address          varchar(17) CHECK (mac_address ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'),
    purchase_date        date,
    warranty_expiry_date date,
    supplier             varchar(255),
    cost                 numeric(14,2) CHECK (cost >= 0),
    location             varchar(255),
    status               varchar(20)  NOT NULL DEFAULT 'in_stock'
        CHECK (status IN ('in_stock', 'assigned', 'faulty', 'returned', 'retired')),
    assigned_client_id   uuid REFERENCES clients (id),
    assignment_date      timestamptz,
    notes                text,
    isp_company_id       uuid         NOT NULL REFERENCES isp_companies (id),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, item_id),
    UNIQUE (isp_company_id, serial_number),
    UNIQUE (isp_company_id, mac_address),
    CHECK ((status = 'assigned') = (assigned_client_id IS NOT NULL))
);
CREATE INDEX inventory_items_company_category_idx ON inventory_items (isp_company_id, category);
CREATE INDEX inventory_items_company_status_idx ON inventory_items (isp_company_id, status);
CREATE INDEX inventory_items_assigned_client_idx ON inventory_items (assigned_client_id);
SELECT isolate_by_company('inventory_items');

-- The last item number given per company and category; the row is locked while an item is added, so
-- numbers are never given twice, and items are never deleted, so never reused.
CREATE TABLE inventory_item_counters (
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    category       varchar(30) NOT NULL,
    last_number    bigint      NOT NULL,
    PRIMARY KEY (isp_company_id, category)
);
SELECT isolate_by_company('inventory_item_counters');

CREATE TABLE inventory_history (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    inventory_item_id uuid         NOT NULL REFERENCES inventory_items (id),
    action            varchar(100) NOT NULL,
    changes           jsonb        NOT NULL,
    performed_by      uuid REFERENCES profiles (id),
    -- clock time, so that the entries of one transaction keep their order
    created_at        timestamptz  NOT NULL DEFAULT clock_timestamp(),
    isp_company_id    uuid         NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX inventory_history_item_idx ON inventory_history (inventory_item_id, created_at);
SELECT isolate_by_company('inventory_history');

CREATE FUNCTION inventory_item_prefix(category varchar) RETURNS varchar
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT CASE category
           WHEN 'router' THEN 'RTR' WHEN 'switch' THEN 'SWT' WHEN 'access_point' THEN 'APT'
           WHEN 'cpe' THEN 'CPE' WHEN 'onu' THEN 'ONU' WHEN 'olt' THEN 'OLT' WHEN 'radio' THEN 'RAD'
           WHEN 'modem' THEN 'MDM' WHEN 'firewall' THEN 'FWL' WHEN 'server' THEN 'SRV'
           WHEN 'cable' THEN 'CBL' WHEN 'consumable' THEN 'CON' ELSE 'ITM' END
$$;

-- Item ids: CPE-000001, RTR-000001 … per company and category.
CREATE FUNCTION generate_inventory_item_id() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    next_number bigint;
BEGIN
    INSERT INTO inventory_item_counters AS c (isp_company_id, category, last_number)
    VALUES (NEW.isp_company_id, NEW.category, 1)
    ON CONFLICT (isp_company_id, category) DO UPDATE SET last_number = c.last_number + 1
    RETURNING last_number INTO next_number;
    NEW.item_id := inventory_item_prefix(NEW.category) || '-'
                   || lpad(next_number::text, greatest(6, length(next_number::text)), '0');
    RETURN NEW;
END $$;

CREATE TRIGGER trigger_generate_inventory_item_id
    BEFORE INSERT ON inventory_items
    FOR EACH ROW EXECUTE FUNCTION generate_inventory_item_id();

-- The item id, category and company are for life; an item goes only to a client of its own company
-- (a foreign key alone would not see row-level security).
CREATE FUNCTION check_inventory_item_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.item_id <> OLD.item_id OR NEW.category <> OLD.category
                             OR NEW.isp_company_id <> OLD.isp_company_id) THEN
        RAISE EXCEPTION 'inventory item id, category and company cannot change' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.assigned_client_id IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.assigned_client_id IS DISTINCT FROM OLD.assigned_client_id)
       AND NOT EXISTS (SELECT 1 FROM clients WHERE id = NEW.assigned_client_id
                                              AND isp_company_id = NEW.isp_company_id) THEN
        RAISE EXCEPTION 'no such client' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER trigger_check_inventory_item_change
    BEFORE INSERT OR UPDATE ON inventory_items
    FOR EACH ROW EXECUTE FUNCTION check_inventory_item_change();

-- Every insert and every real change is on record: what changed from what to what, and who did it
-- (the staff member of the transaction; none for system work). In the database, so that no code path
-- that writes items can forget it.
CREATE FUNCTION log_inventory_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    diff    jsonb;
    ignored text[] := ARRAY ['id', 'isp_company_id', 'created_at', 'updated_at'];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT coalesce(jsonb_object_agg(key, jsonb_build_array(NULL, value)), '{}') INTO diff
        FROM jsonb_each(to_jsonb(NEW))
        WHERE key <> ALL (ignored) AND value <> 'null'::jsonb;
    ELSE
        SELECT jsonb_object_agg(n.key, jsonb_build_array(o.value, n.value)) INTO diff
        FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
        WHERE n.key <> ALL (ignored) AND n.value IS DISTINCT FROM o.value;
        IF diff IS NULL THEN
            RETURN NULL;
        END IF;
    END IF;
    INSERT INTO inventory_history (inventory_item_id, action, changes, performed_by, isp_company_id)
    VALUES (NEW.id,
            CASE WHEN TG_OP = 'INSERT' THEN 'created'
                 WHEN NEW.status IS DISTINCT FROM OLD.status THEN 'status_changed'
                 ELSE 'updated' END,
            diff, current_user_id(), NEW.isp_company_id);
    RETURN NULL;
END $$;

CREATE TRIGGER trigger_log_inventory_change
    AFTER INSERT OR UPDATE ON inventory_items
    FOR EACH ROW EXECUTE FUNCTION log_inventory_change();
