-- ---------------------------------------------------------------------------------------------
-- Client stock moves onto inventory items. Until now the equipment table held the client equipment
-- in store (ONUs, CPEs, routers…) and client_equipment its assignments; from here on equipment means
-- the managed network devices and client_equipment a client's access port on one. Every equipment
-- row so far was client stock (it had no other writer): each becomes an inventory item with the same
-- id (so that running processes that name it still find it), on record as moved by the system.
-- ---------------------------------------------------------------------------------------------

-- Who ever held an item, found in the history (before or after value of assigned_client_id).
CREATE INDEX inventory_history_assigned_client_idx ON inventory_history USING gin ((changes -> 'assigned_client_id'));

DO $$
DECLARE
    company    uuid;
    duplicates text;
BEGIN
    -- system work: no staff member; the registry is read platform-wide, the rest company by company
    PERFORM set_config('app.user_id', '', true);
    PERFORM set_config('app.platform_scope', 'on', true);
    FOR company IN SELECT id FROM isp_companies ORDER BY created_at, id LOOP
        PERFORM set_config('app.company_id', company::text, true);

        -- the same serial number or MAC address in both records cannot be resolved here: stop, for
        -- staff to settle, rather than merge or drop an item
        SELECT string_agg(DISTINCT coalesce(e.serial_number, e.mac_address), ', ') INTO duplicates
        FROM equipment e
        WHERE EXISTS (SELECT 1 FROM inventory_items i
                      WHERE i.serial_number = e.serial_number OR i.mac_address = e.mac_address)
           OR EXISTS (SELECT 1 FROM equipment o WHERE o.id <> e.id AND o.mac_address = e.mac_address);
        IF duplicates IS NOT NULL THEN
            RAISE EXCEPTION 'company %: equipment % is in the inventory already (or its MAC address twice);'
                ' settle it before moving the client stock', company, duplicates;
        END IF;

        INSERT INTO inventory_items (id, category, name, manufacturer, model, serial_number, mac_address,
                                     purchase_date, warranty_expiry_date, location, status, assigned_client_id,
                                     assignment_date, notes, isp_company_id, created_at)
        SELECT e.id, coalesce(t.device_type, 'other'), t.name, coalesce(e.brand, t.brand), coalesce(e.model, t.model),
               e.serial_number, e.mac_address, e.purchase_date, e.warranty_expiry,
               CASE WHEN e.status = 'deployed' AND ce.client_id IS NOT NULL THEN 'client premises' ELSE e.location END,
               CASE WHEN e.status IN ('assigned', 'deployed') AND ce.client_id IS NOT NULL THEN 'assigned'
                    -- marked out but held by nobody: for staff to check, like a returned item
                    WHEN e.status IN ('assigned', 'deployed') THEN 'returned'
                    WHEN e.status IN ('maintenance', 'faulty') THEN 'faulty'
                    WHEN e.status = 'retired' THEN 'retired'
                    ELSE 'in_stock' END,
               CASE WHEN e.status IN ('assigned', 'deployed') THEN ce.client_id END,
               CASE WHEN e.status IN ('assigned', 'deployed') THEN ce.assigned_at END,
               e.notes, e.isp_company_id, e.created_at
        FROM equipment e
                 LEFT JOIN equipment_types t ON t.id = e.equipment_type_id
                 LEFT JOIN client_equipment ce ON ce.equipment_id = e.id AND ce.returned_at IS NULL
        ORDER BY e.created_at, e.serial_number;

        -- where it came from, and the assignments that had ended: the client's part in the record
        INSERT INTO inventory_history (inventory_item_id, action, changes, performed_by, isp_company_id)
        SELECT e.id, 'moved_from_equipment',
               jsonb_build_object('equipment_id', jsonb_build_array(e.id, NULL),
                                  'equipment_status', jsonb_build_array(e.status, NULL)),
               NULL, e.isp_company_id
        FROM equipment e ORDER BY e.created_at, e.serial_number;
        INSERT INTO inventory_history (inventory_item_id, action, changes, performed_by, isp_company_id)
        SELECT ce.equipment_id, 'earlier_assignment',
               jsonb_build_object('assigned_client_id', jsonb_build_array(ce.client_id, NULL),
                                  'assignment_date', jsonb_build_array(ce.assigned_at, NULL),
                                  'returned_at', jsonb_build_array(NULL, ce.returned_at)),
               NULL, ce.isp_company_id
        FROM client_equipment ce
        WHERE ce.returned_at IS NOT NULL AND ce.equipment_id IN (SELECT id FROM equipment)
        ORDER BY ce.returned_at;

        DELETE FROM client_equipment WHERE equipment_id IN (SELECT id FROM equipment);
        DELETE FROM equipment;
    END LOOP;
    PERFORM set_config('app.company_id', '', true);
    PERFORM set_config('app.platform_scope', '', true);
END $$;

-- ---------------------------------------------------------------------------------------------
-- QoS policies (seed: qos_policies), owned by the network module. Rates in kbit/s; burst_size in
-- kbit. The link of a policy to a service package and a client's own policy are network's tables:
-- billing owns the packages and client_service_assignments (the client's package, kept from his
-- subscription), and this module reads them through billing's API. Pushing the limits to devices is
-- vendor-specific and not done here.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE qos_policies (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name                 varchar(100) NOT NULL,
    max_bandwidth_down   integer      NOT NULL CHECK (max_bandwidth_down > 0),
    max_bandwidth_up     integer      NOT NULL CHECK (max_bandwidth_up > 0),
    priority             varchar(10)  NOT NULL DEFAULT 'medium'
        CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    burst_size           integer CHECK (burst_size >= 0),
    guaranteed_bandwidth integer CHECK (guaranteed_bandwidth > 0
                                        AND guaranteed_bandwidth <= least(max_bandwidth_down, max_bandwidth_up)),
    protocol             varchar(4)   NOT NULL DEFAULT 'both' CHECK (protocol IN ('both', 'tcp', 'udp')),
    is_active            boolean      NOT NULL DEFAULT true,
    isp_company_id       uuid         NOT NULL REFERENCES isp_companies (id),
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    -- the key of the same-company references below
    UNIQUE (id, isp_company_id)
);
CREATE UNIQUE INDEX qos_policies_company_name ON qos_policies (isp_company_id, lower(name));
SELECT isolate_by_company('qos_policies');

-- The policy of a service package: one per package.
CREATE TABLE service_package_qos_policies (
    service_package_id uuid PRIMARY KEY REFERENCES service_packages (id) ON DELETE CASCADE,
    qos_policy_id      uuid        NOT NULL,
    isp_company_id     uuid        NOT NULL REFERENCES isp_companies (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (qos_policy_id, isp_company_id) REFERENCES qos_policies (id, isp_company_id)
);
CREATE INDEX service_package_qos_policies_policy_idx ON service_package_qos_policies (qos_policy_id);
SELECT isolate_by_company('service_package_qos_policies');

-- A client's own policy, instead of his package's: one per client.
CREATE TABLE client_qos_policies (
    client_id      uuid PRIMARY KEY REFERENCES clients (id) ON DELETE CASCADE,
    qos_policy_id  uuid        NOT NULL,
    reason         varchar(500),
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (qos_policy_id, isp_company_id) REFERENCES qos_policies (id, isp_company_id)
);
CREATE INDEX client_qos_policies_policy_idx ON client_qos_policies (qos_policy_id);
SELECT isolate_by_company('client_qos_policies');

-- A package or client of the row's own company only (a foreign key alone would not see row-level
-- security).
CREATE FUNCTION check_qos_policy_holder() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    -- nested: PL/pgSQL may evaluate both sides of an AND, and each table has only its own column
    IF TG_TABLE_NAME = 'service_package_qos_policies' THEN
        IF NOT EXISTS (SELECT 1 FROM service_packages
                       WHERE id = NEW.service_package_id AND isp_company_id = NEW.isp_company_id) THEN
            RAISE EXCEPTION 'no such service package' USING ERRCODE = 'foreign_key_violation';
        END IF;
    ELSIF NOT EXISTS (SELECT 1 FROM clients WHERE id = NEW.client_id AND isp_company_id = NEW.isp_company_id) THEN
        RAISE EXCEPTION 'no such client' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER trigger_check_service_package_qos_policy
    BEFORE INSERT OR UPDATE ON service_package_qos_policies
    FOR EACH ROW EXECUTE FUNCTION check_qos_policy_holder();
CREATE TRIGGER trigger_check_client_qos_policy
    BEFORE INSERT OR UPDATE ON client_qos_policies
    FOR EACH ROW EXECUTE FUNCTION check_qos_policy_holder();
