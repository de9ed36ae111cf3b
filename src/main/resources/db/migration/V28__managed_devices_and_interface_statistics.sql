-- ---------------------------------------------------------------------------------------------
-- Network devices managed over SNMP, and what polling them records. Owned by the network module.
--
-- `equipment` is the company's network devices (routers, switches, OLTs, access points …) with their
-- management address and SNMP access; client stock lives in `inventory_items`. `client_equipment`
-- maps a client to his access port on such a device: `network_config` holds {"ifIndex": n, "ifName": …}.
--
-- Deviations from the seed: the statistics tables have a bigint identity key (1.44 million rows a day
-- for 1,000 interfaces polled every minute; a uuid key costs more per row and orders nothing), their
-- time column is `sampled_at`, and they carry the rates and the deltas of each interval besides the
-- seed's columns. `speed` is Mbit/s (IF-MIB ifHighSpeed).
-- ---------------------------------------------------------------------------------------------

-- SNMP access of a device. Secrets (v2c community, v3 keys) are stored encrypted (SecretBox) and are
-- never returned; the plaintext community column of the first schema goes.
ALTER TABLE equipment DROP COLUMN snmp_community;
ALTER TABLE equipment
    ADD COLUMN name                      varchar(100),
    ADD COLUMN inventory_item_id         uuid REFERENCES inventory_items (id),
    ADD COLUMN snmp_port                 integer NOT NULL DEFAULT 161 CHECK (snmp_port BETWEEN 1 AND 65535),
    ADD COLUMN snmp_community_encrypted  text,
    ADD COLUMN snmp_write_community_encrypted text,
    ADD COLUMN snmp_v3_user              varchar(64),
    ADD COLUMN snmp_v3_auth_protocol     varchar(10) CHECK (snmp_v3_auth_protocol IN ('SHA', 'SHA256')),
    ADD COLUMN snmp_v3_auth_key_encrypted text,
    ADD COLUMN snmp_v3_priv_protocol     varchar(10) CHECK (snmp_v3_priv_protocol IN ('AES128', 'AES256')),
    ADD COLUMN snmp_v3_priv_key_encrypted text,
    -- whether client ports may be switched over SNMP; otherwise staff switch them by hand
    ADD COLUMN snmp_write_access         boolean NOT NULL DEFAULT false,
    ADD COLUMN polling_enabled           boolean NOT NULL DEFAULT true,
    ADD COLUMN poll_interval_seconds     integer NOT NULL DEFAULT 60 CHECK (poll_interval_seconds BETWEEN 10 AND 3600);
ALTER TABLE equipment ADD CONSTRAINT equipment_snmp_credentials CHECK (
    snmp_version IS NULL
    OR (snmp_version IN ('v1', 'v2c') AND snmp_v3_user IS NULL)
    OR (snmp_version = 'v3' AND snmp_v3_user IS NOT NULL AND snmp_v3_auth_protocol IS NOT NULL
        AND snmp_v3_auth_key_encrypted IS NOT NULL AND snmp_v3_priv_protocol IS NOT NULL
        AND snmp_v3_priv_key_encrypted IS NOT NULL));
CREATE UNIQUE INDEX equipment_company_name_idx ON equipment (isp_company_id, lower(name)) WHERE name IS NOT NULL;
CREATE INDEX equipment_ip_address_idx ON equipment (ip_address);

-- A device serves many clients, one per access port: the assignment is unique per port, not per device.
DROP INDEX client_equipment_equipment_once;
CREATE UNIQUE INDEX client_equipment_port_once ON client_equipment (equipment_id, ((network_config ->> 'ifIndex')))
    WHERE returned_at IS NULL AND network_config ? 'ifIndex';
CREATE INDEX client_equipment_equipment_idx ON client_equipment (equipment_id);

-- What monitoring knows of each device now: written by every poll, one row per device.
CREATE TABLE equipment_poll_state (
    equipment_id         uuid PRIMARY KEY REFERENCES equipment (id),
    state                varchar(10) NOT NULL DEFAULT 'unknown' CHECK (state IN ('unknown', 'up', 'down')),
    last_poll_at         timestamptz,
    last_success_at      timestamptz,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    last_error           text,
    sys_name             varchar(255),
    sys_descr            text,
    sys_uptime_ticks     bigint,
    state_changed_at     timestamptz,
    isp_company_id       uuid        NOT NULL REFERENCES isp_companies (id)
);
SELECT isolate_by_company('equipment_poll_state');

-- Seed: interface statistics, one row per interface and poll.
CREATE TABLE interface_statistics (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    equipment_id     uuid         NOT NULL REFERENCES equipment (id),
    interface_index  integer      NOT NULL,
    interface_name   varchar(100) NOT NULL,
    status           varchar(20)  NOT NULL DEFAULT 'down'
        CHECK (status IN ('up', 'down', 'testing', 'unknown', 'dormant', 'not_present', 'lower_layer_down')),
    admin_status     varchar(10)  CHECK (admin_status IN ('up', 'down', 'testing')),
    utilization      numeric(6,2) NOT NULL DEFAULT 0,
    errors           integer      NOT NULL DEFAULT 0,
    speed            integer      NOT NULL DEFAULT 0,
    in_bps           bigint,
    out_bps          bigint,
    in_octets        bigint,
    out_octets       bigint,
    in_packets       bigint,
    out_packets      bigint,
    interval_seconds numeric(9,3),
    sampled_at       timestamptz  NOT NULL DEFAULT now(),
    isp_company_id   uuid         NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX interface_statistics_series_idx ON interface_statistics (equipment_id, interface_index, sampled_at);
CREATE INDEX interface_statistics_sampled_idx ON interface_statistics (sampled_at);
SELECT isolate_by_company('interface_statistics');

-- Seed: bandwidth statistics, one row per device and poll: the interval's octets and packets over
-- all its interfaces.
CREATE TABLE bandwidth_statistics (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    equipment_id     uuid        NOT NULL REFERENCES equipment (id),
    in_octets        bigint      NOT NULL DEFAULT 0,
    out_octets       bigint      NOT NULL DEFAULT 0,
    in_packets       bigint      NOT NULL DEFAULT 0,
    out_packets      bigint      NOT NULL DEFAULT 0,
    interval_seconds numeric(9,3),
    sampled_at       timestamptz NOT NULL DEFAULT now(),
    isp_company_id   uuid        NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX bandwidth_statistics_series_idx ON bandwidth_statistics (equipment_id, sampled_at);
CREATE INDEX bandwidth_statistics_sampled_idx ON bandwidth_statistics (sampled_at);
SELECT isolate_by_company('bandwidth_statistics');

-- Network events of monitoring, traps and provisioning.
ALTER TABLE network_events DROP CONSTRAINT network_events_event_type_check;
ALTER TABLE network_events ADD CONSTRAINT network_events_event_type_check CHECK (event_type IN (
    'service_activated', 'service_suspended', 'service_reactivated', 'service_disconnected',
    'link_up', 'link_down', 'snmp_poll_failed', 'config_pushed',
    'device_down', 'device_up', 'device_restarted',
    'port_disabled', 'port_enabled', 'port_switch_failed', 'port_switched_manually'));
CREATE INDEX network_events_equipment_idx ON network_events (equipment_id, created_at);
CREATE INDEX network_events_company_idx ON network_events (isp_company_id, created_at);
