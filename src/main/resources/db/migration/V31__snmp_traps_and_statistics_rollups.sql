-- ---------------------------------------------------------------------------------------------
-- SNMP traps received from the companies' devices, and hourly and daily rollups of the interface and
-- bandwidth statistics so that raw samples can go after a few days. Owned by the network module.
-- ---------------------------------------------------------------------------------------------

-- The trap receiver learns which company's device sent a trap from the sender's address and credential,
-- before it knows the company; the retention job lists the companies that have devices. Both read
-- devices platform-wide (and only read).
CREATE POLICY equipment_platform_reads ON equipment FOR SELECT USING (platform_scope());

-- Traps of known devices, stored before an inform is acknowledged; the inbox dispatcher turns them into
-- network_events (dispatched_at null = not yet). `natural_key` (the trap's OID, the device's uptime in
-- it and a digest of its variables) is the same for the same trap sent twice, e.g. a repeated inform.
CREATE TABLE snmp_traps (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    equipment_id      uuid         NOT NULL REFERENCES equipment (id),
    source_address    varchar(64)  NOT NULL,
    snmp_version      varchar(3)   NOT NULL CHECK (snmp_version IN ('v2c', 'v3')),
    pdu_type          varchar(10)  NOT NULL CHECK (pdu_type IN ('trap', 'inform')),
    trap_oid          varchar(255) NOT NULL,
    uptime_ticks      bigint,
    natural_key       varchar(400) NOT NULL,
    variables         jsonb        NOT NULL,
    received_at       timestamptz  NOT NULL,
    dispatched_at     timestamptz,
    dispatch_attempts integer      NOT NULL DEFAULT 0,
    dispatch_error    text,
    isp_company_id    uuid         NOT NULL REFERENCES isp_companies (id)
);
CREATE UNIQUE INDEX snmp_traps_once ON snmp_traps (equipment_id, natural_key);
CREATE INDEX snmp_traps_undispatched_idx ON snmp_traps (received_at) WHERE dispatched_at IS NULL;
SELECT isolate_by_company('snmp_traps');
-- the dispatcher claims every company's rows in platform scope (and only there), as for the other inboxes
DROP POLICY company_isolation ON snmp_traps;
CREATE POLICY company_isolation ON snmp_traps
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());

-- Rollups: per interface (or device) and hour, and per day (Africa/Nairobi), the samples' average and
-- highest rates, the intervals' octets, packets and errors added up, how many samples there were and how
-- many of them had a rate (the first after a restart has none), so that days average hours exactly.
CREATE TABLE interface_statistics_hourly (
    equipment_id    uuid        NOT NULL REFERENCES equipment (id),
    interface_index integer     NOT NULL,
    period_start    timestamptz NOT NULL,
    samples         integer     NOT NULL,
    rate_samples    integer     NOT NULL,
    avg_in_bps      bigint,
    max_in_bps      bigint,
    avg_out_bps     bigint,
    max_out_bps     bigint,
    in_octets       bigint      NOT NULL,
    out_octets      bigint      NOT NULL,
    in_packets      bigint      NOT NULL,
    out_packets     bigint      NOT NULL,
    errors          bigint      NOT NULL,
    isp_company_id  uuid        NOT NULL REFERENCES isp_companies (id),
    PRIMARY KEY (equipment_id, interface_index, period_start)
);
CREATE INDEX interface_statistics_hourly_period_idx ON interface_statistics_hourly (period_start);
SELECT isolate_by_company('interface_statistics_hourly');

CREATE TABLE interface_statistics_daily (LIKE interface_statistics_hourly INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE interface_statistics_daily ADD PRIMARY KEY (equipment_id, interface_index, period_start),
    ADD FOREIGN KEY (equipment_id) REFERENCES equipment (id),
    ADD FOREIGN KEY (isp_company_id) REFERENCES isp_companies (id);
CREATE INDEX interface_statistics_daily_period_idx ON interface_statistics_daily (period_start);
SELECT isolate_by_company('interface_statistics_daily');

CREATE TABLE bandwidth_statistics_hourly (
    equipment_id    uuid        NOT NULL REFERENCES equipment (id),
    period_start    timestamptz NOT NULL,
    samples         integer     NOT NULL,
    rate_samples    integer     NOT NULL,
    avg_in_bps      bigint,
    max_in_bps      bigint,
    avg_out_bps     bigint,
    max_out_bps     bigint,
    in_octets       bigint      NOT NULL,
    out_octets      bigint      NOT NULL,
    in_packets      bigint      NOT NULL,
    out_packets     bigint      NOT NULL,
    isp_company_id  uuid        NOT NULL REFERENCES isp_companies (id),
    PRIMARY KEY (equipment_id, period_start)
);
CREATE INDEX bandwidth_statistics_hourly_period_idx ON bandwidth_statistics_hourly (period_start);
SELECT isolate_by_company('bandwidth_statistics_hourly');

CREATE TABLE bandwidth_statistics_daily (LIKE bandwidth_statistics_hourly INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE bandwidth_statistics_daily ADD PRIMARY KEY (equipment_id, period_start),
    ADD FOREIGN KEY (equipment_id) REFERENCES equipment (id),
    ADD FOREIGN KEY (isp_company_id) REFERENCES isp_companies (id);
CREATE INDEX bandwidth_statistics_daily_period_idx ON bandwidth_statistics_daily (period_start);
SELECT isolate_by_company('bandwidth_statistics_daily');

-- How far each company's statistics are rolled up: hours (and days) before `rolled_up_to` are done.
CREATE TABLE statistics_rollup_progress (
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    period         varchar(5)  NOT NULL CHECK (period IN ('hour', 'day')),
    rolled_up_to   timestamptz NOT NULL,
    PRIMARY KEY (isp_company_id, period)
);
SELECT isolate_by_company('statistics_rollup_progress');
