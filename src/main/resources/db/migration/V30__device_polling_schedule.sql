-- ---------------------------------------------------------------------------------------------
-- Polling schedule of managed devices. Owned by the network module.
--
-- Every device has its `equipment_poll_state` row from the start (a trigger on `equipment` keeps it):
-- `polled` says whether the device is to be polled (polling enabled, an address and SNMP credentials),
-- `next_poll_at` when (null: now). A node claims due rows with `for update skip locked` and moves
-- `next_poll_at` forward by a lease, so one node polls a device per interval; when the poll is
-- recorded `next_poll_at` becomes the poll's start plus the device's interval.
--
-- `counters` are the interface counters of the last successful poll (a compact binary list written
-- by the application), so that the next poll, on whichever node and after a restart of the
-- application, computes the interval's rates from them.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE equipment_poll_state
    ADD COLUMN polled       boolean NOT NULL DEFAULT false,
    ADD COLUMN next_poll_at timestamptz,
    ADD COLUMN counters     bytea,
    ADD COLUMN described_at timestamptz;
CREATE INDEX equipment_poll_state_due_idx ON equipment_poll_state (next_poll_at NULLS FIRST) WHERE polled;

-- The poller claims every company's due devices in platform scope (and only there); recording a poll
-- runs as the device's company.
DROP POLICY company_isolation ON equipment_poll_state;
CREATE POLICY company_isolation ON equipment_poll_state
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());

-- A device added, or its polling or access changed, is (re)scheduled now; it runs as the statement
-- that changed the device, in the device's company.
CREATE FUNCTION schedule_device_polling() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO equipment_poll_state (equipment_id, isp_company_id, polled)
    VALUES (NEW.id, NEW.isp_company_id,
            NEW.polling_enabled AND NEW.ip_address IS NOT NULL AND NEW.snmp_version IS NOT NULL
            AND (NEW.snmp_community_encrypted IS NOT NULL OR NEW.snmp_v3_user IS NOT NULL))
    ON CONFLICT (equipment_id) DO UPDATE SET polled = EXCLUDED.polled, next_poll_at = NULL;
    RETURN NEW;
END $$;
CREATE TRIGGER equipment_polling_schedule
    AFTER INSERT OR UPDATE OF polling_enabled, poll_interval_seconds, ip_address, snmp_port, snmp_version,
        snmp_community_encrypted, snmp_v3_user ON equipment FOR EACH ROW EXECUTE FUNCTION schedule_device_polling();

-- Devices already there get their row, company by company (the migration runs under row-level security).
DO $$
DECLARE
    company uuid;
BEGIN
    PERFORM set_config('app.platform_scope', 'on', true);
    FOR company IN SELECT id FROM isp_companies LOOP
        PERFORM set_config('app.company_id', company::text, true);
        INSERT INTO equipment_poll_state (equipment_id, isp_company_id, polled)
        SELECT id, isp_company_id, polling_enabled AND ip_address IS NOT NULL AND snmp_version IS NOT NULL
               AND (snmp_community_encrypted IS NOT NULL OR snmp_v3_user IS NOT NULL)
        FROM equipment
        ON CONFLICT (equipment_id) DO UPDATE SET polled = EXCLUDED.polled;
    END LOOP;
    PERFORM set_config('app.company_id', '', true);
    PERFORM set_config('app.platform_scope', '', true);
END $$;
