-- ---------------------------------------------------------------------------------------------
-- Managed network devices carry their kind themselves (a router, a switch, an OLT …), whether or not
-- a catalogue type (brand and model in equipment_types) is known for them; and a serial number only
-- when staff know it (unique in the company when given).
-- ---------------------------------------------------------------------------------------------
ALTER TABLE equipment
    ADD COLUMN device_type varchar(30) CHECK (device_type IN ('router', 'switch', 'access_point', 'cpe', 'onu',
        'olt', 'radio', 'modem', 'firewall', 'server'));
ALTER TABLE equipment ALTER COLUMN serial_number DROP NOT NULL;
