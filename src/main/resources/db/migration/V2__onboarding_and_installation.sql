-- Client onboarding and installation: a rejected status, guarded status transitions with their
-- history, installations, field technicians, network events, staff notifications, client messages.

ALTER DOMAIN client_status DROP CONSTRAINT client_status_check;
ALTER DOMAIN client_status ADD CONSTRAINT client_status_check
    CHECK (VALUE IN ('pending', 'approved', 'active', 'suspended', 'disconnected', 'rejected'));

-- The lifecycle, enforced underneath the application as well: no path reaches 'active' without
-- approval (installation is checked by the application, which owns that knowledge).
CREATE FUNCTION guard_client_status_transition() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
           (OLD.status = 'pending'   AND NEW.status IN ('approved', 'rejected'))
        OR (OLD.status = 'approved'  AND NEW.status IN ('active', 'rejected'))
        OR (OLD.status = 'active'    AND NEW.status IN ('suspended', 'disconnected'))
        OR (OLD.status = 'suspended' AND NEW.status IN ('active', 'disconnected'))) THEN
        RAISE EXCEPTION 'a client cannot go from % to %', OLD.status, NEW.status
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER clients_status_transition
    BEFORE UPDATE OF status ON clients
    FOR EACH ROW EXECUTE FUNCTION guard_client_status_transition();

CREATE TABLE client_status_changes (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id      uuid          NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    from_status    client_status,
    to_status      client_status NOT NULL,
    changed_by     varchar(64)   NOT NULL,
    reason         text,
    isp_company_id uuid          NOT NULL REFERENCES isp_companies (id),
    changed_at     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX client_status_changes_client_idx ON client_status_changes (client_id, changed_at);
SELECT isolate_by_company('client_status_changes');

-- Field technicians and contractors who have no login (seed: external_users).
CREATE TABLE external_users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           varchar(255) NOT NULL UNIQUE,
    first_name      varchar(100) NOT NULL,
    last_name       varchar(100) NOT NULL,
    phone           varchar(16),
    role            varchar(30)  NOT NULL CHECK (role IN ('technician', 'contractor', 'surveyor')),
    is_active       boolean      NOT NULL DEFAULT true,
    company_name    varchar(200),
    specializations text[]       NOT NULL DEFAULT '{}',
    hourly_rate     numeric(14,2),
    isp_company_id  uuid         NOT NULL REFERENCES isp_companies (id),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX external_users_company_idx ON external_users (isp_company_id, role, is_active);
SELECT isolate_by_company('external_users');

-- One row per installation visit.
CREATE TABLE installations (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id             uuid        NOT NULL REFERENCES clients (id),
    attempt               integer     NOT NULL CHECK (attempt > 0),
    scheduled_for         timestamptz NOT NULL,
    technician_user_id    varchar(64),
    external_technician_id uuid REFERENCES external_users (id),
    status                varchar(20) NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('scheduled', 'installed', 'failed', 'verified', 'link_failed')),
    equipment_serial      varchar(100),
    mac_address           varchar(17) CHECK (mac_address ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'),
    ip_address            inet,
    signal_dbm            numeric(5,1),
    failure_reason        text,
    notes                 text,
    reported_by           varchar(64),
    verified_by           varchar(64),
    verified_at           timestamptz,
    isp_company_id        uuid        NOT NULL REFERENCES isp_companies (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (client_id, attempt),
    CHECK (technician_user_id IS NOT NULL OR external_technician_id IS NOT NULL)
);
SELECT isolate_by_company('installations');

-- Seed: network events for clients and equipment (provisioning, SNMP).
CREATE TABLE network_events (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id      uuid REFERENCES clients (id),
    equipment_id   uuid REFERENCES equipment (id),
    event_type     varchar(40) NOT NULL CHECK (event_type IN ('service_activated', 'service_suspended',
        'service_reactivated', 'service_disconnected', 'link_up', 'link_down', 'snmp_poll_failed', 'config_pushed')),
    event_data     jsonb,
    triggered_by   varchar(20) CHECK (triggered_by IN ('system', 'staff', 'snmp', 'process')),
    success        boolean     NOT NULL DEFAULT true,
    error_message  text,
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX network_events_client_idx ON network_events (client_id, created_at);
SELECT isolate_by_company('network_events');

-- Seed: notifications for staff.
CREATE TABLE notifications (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id             uuid         NOT NULL REFERENCES profiles (id),
    title               text         NOT NULL,
    message             text         NOT NULL,
    type                varchar(50)  NOT NULL DEFAULT 'info',
    is_read             boolean      NOT NULL DEFAULT false,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    read_at             timestamptz,
    related_entity_type varchar(50),
    related_entity_id   uuid,
    action_url          text,
    isp_company_id      uuid         NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id, is_read);
SELECT isolate_by_company('notifications');

-- Messages to clients (SMS, e-mail), queued for the gateways.
CREATE TABLE outbound_messages (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id      uuid REFERENCES clients (id) ON DELETE SET NULL,
    channel        varchar(10) NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient      varchar(255) NOT NULL,
    subject        varchar(200),
    body           text        NOT NULL,
    purpose        varchar(40) NOT NULL,
    status         varchar(20) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz
);
CREATE INDEX outbound_messages_status_idx ON outbound_messages (status, created_at);
SELECT isolate_by_company('outbound_messages');

-- Invoice numbers per company, in sequence (INV-000001...).
CREATE TABLE invoice_numbers (
    isp_company_id uuid PRIMARY KEY REFERENCES isp_companies (id),
    last_number    bigint NOT NULL
);
SELECT isolate_by_company('invoice_numbers');

ALTER TABLE isp_companies ADD COLUMN vat_rate numeric(5,2) NOT NULL DEFAULT 16.00 CHECK (vat_rate >= 0);
