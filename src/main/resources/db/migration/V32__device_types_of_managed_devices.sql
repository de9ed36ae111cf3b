-- ---------------------------------------------------------------------------------------------
-- Managed network devices carry their kind themselves (a router, a switch, an OLT …), whether or not
-- a catalogue type (brand and model in equipment_types) is known for them; and a serial number only
-- when staff know it (unique in the company when given). A client has one access port at a time.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE equipment
    ADD COLUMN device_type varchar(30) CHECK (device_type IN ('router', 'switch', 'access_point', 'cpe', 'onu',
        'olt', 'radio', 'modem', 'firewall', 'server'));
ALTER TABLE equipment ALTER COLUMN serial_number DROP NOT NULL;

-- One access port per client at a time (the API ends the previous one; this settles a race).
CREATE UNIQUE INDEX client_equipment_client_port_once ON client_equipment (client_id)
    WHERE returned_at IS NULL AND network_config ? 'ifIndex';
