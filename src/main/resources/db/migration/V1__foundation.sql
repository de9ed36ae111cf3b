-- ISPFlow foundation: tenants, staff profiles, clients and the core tables of the seed architecture,
-- with PostgreSQL row-level security keyed on per-transaction settings.

-- ---------------------------------------------------------------------------------------------
-- Tenant context. The application sets these with set_config(..., true) at the start of every
-- transaction; a transaction that sets nothing sees no tenant rows at all (fail closed).
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION current_company_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.company_id', true), '')::uuid $$;

-- Platform scope is for super administrators and the platform's own jobs (registering companies).
-- Only the tenant registry and staff profiles honour it; business data never does.
CREATE FUNCTION platform_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT coalesce(current_setting('app.platform_scope', true), '') = 'on' $$;

-- Every tenant table is isolated the same way; later migrations call this for their tables.
CREATE FUNCTION isolate_by_company(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY company_isolation ON %s USING (isp_company_id = current_company_id())'
                   ' WITH CHECK (isp_company_id = current_company_id())', tbl);
END $$;

-- ---------------------------------------------------------------------------------------------
-- Seed enums, as domains over varchar so that they can grow without type juggling in JDBC.
-- ---------------------------------------------------------------------------------------------
CREATE DOMAIN license_type AS varchar(20)
    CHECK (VALUE IN ('starter', 'professional', 'enterprise'));
CREATE DOMAIN user_role AS varchar(30)
    CHECK (VALUE IN ('super_admin', 'isp_admin', 'billing_finance', 'customer_support',
                     'sales_account_manager', 'network_operations', 'infrastructure_asset', 'hotspot_admin'));
CREATE DOMAIN client_status AS varchar(20)
    CHECK (VALUE IN ('pending', 'approved', 'active', 'suspended', 'disconnected'));
CREATE DOMAIN client_type AS varchar(20)
    CHECK (VALUE IN ('individual', 'business', 'corporate', 'government'));
CREATE DOMAIN connection_type AS varchar(20)
    CHECK (VALUE IN ('fiber', 'wireless', 'satellite', 'dsl'));

-- ---------------------------------------------------------------------------------------------
-- Tenants and staff
-- ---------------------------------------------------------------------------------------------
CREATE TABLE isp_companies (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name         varchar(200) NOT NULL,
    slug         varchar(40)  NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+$'),
    license_type license_type NOT NULL,
    client_limit integer      NOT NULL DEFAULT 100 CHECK (client_limit >= 0),
    is_active    boolean      NOT NULL DEFAULT true,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);
ALTER TABLE isp_companies ENABLE ROW LEVEL SECURITY;
ALTER TABLE isp_companies FORCE ROW LEVEL SECURITY;
CREATE POLICY company_isolation ON isp_companies
    USING (id = current_company_id() OR platform_scope())
    WITH CHECK (id = current_company_id() OR platform_scope());

-- One row per staff member; the login itself (password, groups, tenant) lives in Camunda's identity.
CREATE TABLE profiles (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        varchar(64)  NOT NULL UNIQUE,
    first_name     varchar(100) NOT NULL,
    last_name      varchar(100) NOT NULL,
    email          varchar(255) NOT NULL,
    phone          varchar(16),
    role           user_role    NOT NULL,
    isp_company_id uuid REFERENCES isp_companies (id),
    is_active      boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK ((role = 'super_admin') = (isp_company_id IS NULL))
);
CREATE INDEX profiles_company_idx ON profiles (isp_company_id);
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY company_isolation ON profiles
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());

CREATE TABLE departments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           varchar(100) NOT NULL,
    description    text,
    is_active      boolean      NOT NULL DEFAULT true,
    isp_company_id uuid         NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, name)
);
SELECT isolate_by_company('departments');

-- ---------------------------------------------------------------------------------------------
-- Service packages and clients
-- ---------------------------------------------------------------------------------------------
CREATE TABLE service_packages (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name              varchar(100)  NOT NULL,
    description       text,
    connection_type   connection_type,
    download_mbps     integer       NOT NULL CHECK (download_mbps > 0),
    upload_mbps       integer       NOT NULL CHECK (upload_mbps > 0),
    monthly_rate      numeric(14,2) NOT NULL CHECK (monthly_rate > 0),
    is_active         boolean       NOT NULL DEFAULT true,
    isp_company_id    uuid          NOT NULL REFERENCES isp_companies (id),
    created_at        timestamptz   NOT NULL DEFAULT now(),
    updated_at        timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, name)
);
SELECT isolate_by_company('service_packages');

CREATE TABLE clients (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- short, per company, typed by customers as the M-PESA account reference
    account_number     varchar(12)     NOT NULL,
    name               varchar(200)    NOT NULL,
    email              varchar(255),
    phone              varchar(16)     NOT NULL,
    address            text            NOT NULL,
    county             varchar(60)     NOT NULL,
    sub_county         varchar(60)     NOT NULL,
    status             client_status   NOT NULL DEFAULT 'pending',
    client_type        client_type     NOT NULL,
    connection_type    connection_type NOT NULL,
    monthly_rate       numeric(14,2)   NOT NULL CHECK (monthly_rate > 0),
    service_package_id uuid REFERENCES service_packages (id),
    isp_company_id     uuid            NOT NULL REFERENCES isp_companies (id),
    version            bigint          NOT NULL DEFAULT 0,
    created_at         timestamptz     NOT NULL DEFAULT now(),
    updated_at         timestamptz     NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, account_number)
);
CREATE INDEX clients_company_created_idx ON clients (isp_company_id, created_at DESC, id);
CREATE INDEX clients_company_status_idx ON clients (isp_company_id, status);
CREATE INDEX clients_company_phone_idx ON clients (isp_company_id, phone);
SELECT isolate_by_company('clients');

-- Per-company counter for account numbers; its row lock also serialises client registration per
-- company, which keeps the licence limit check exact under concurrency.
CREATE TABLE client_account_numbers (
    isp_company_id uuid PRIMARY KEY REFERENCES isp_companies (id),
    last_number    bigint NOT NULL
);
SELECT isolate_by_company('client_account_numbers');

CREATE TABLE client_service_assignments (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id          uuid        NOT NULL REFERENCES clients (id),
    service_package_id uuid        NOT NULL REFERENCES service_packages (id),
    assigned_at        timestamptz NOT NULL DEFAULT now(),
    is_active          boolean     NOT NULL DEFAULT true,
    notes              text,
    isp_company_id     uuid        NOT NULL REFERENCES isp_companies (id),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_service_assignments_client_idx ON client_service_assignments (client_id);
CREATE UNIQUE INDEX client_service_assignments_one_active
    ON client_service_assignments (client_id) WHERE is_active;
SELECT isolate_by_company('client_service_assignments');

-- ---------------------------------------------------------------------------------------------
-- Equipment
-- ---------------------------------------------------------------------------------------------
-- A shared catalogue of device models (seed: readable by every authenticated user).
CREATE TABLE equipment_types (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           varchar(100) NOT NULL,
    brand          varchar(100) NOT NULL,
    model          varchar(100) NOT NULL,
    device_type    varchar(30)  NOT NULL
        CHECK (device_type IN ('router', 'switch', 'access_point', 'cpe', 'onu', 'olt', 'radio', 'modem', 'firewall', 'server')),
    default_config jsonb,
    snmp_settings  jsonb,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (brand, model)
);

CREATE TABLE equipment (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    equipment_type_id uuid REFERENCES equipment_types (id),
    serial_number     varchar(100) NOT NULL,
    mac_address       varchar(17) CHECK (mac_address ~ '^([0-9A-F]{2}:){5}[0-9A-F]{2}$'),
    ip_address        inet,
    brand             varchar(100),
    model             varchar(100),
    status            varchar(20)  NOT NULL DEFAULT 'available'
        CHECK (status IN ('available', 'assigned', 'deployed', 'maintenance', 'faulty', 'retired')),
    location          varchar(255),
    snmp_community    text,
    snmp_version      varchar(5) DEFAULT 'v2c' CHECK (snmp_version IN ('v1', 'v2c', 'v3')),
    purchase_date     date,
    warranty_expiry   date,
    notes             text,
    isp_company_id    uuid         NOT NULL REFERENCES isp_companies (id),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, serial_number)
);
CREATE INDEX equipment_company_status_idx ON equipment (isp_company_id, status);
SELECT isolate_by_company('equipment');

CREATE TABLE client_equipment (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id      uuid        NOT NULL REFERENCES clients (id),
    equipment_id   uuid        NOT NULL REFERENCES equipment (id),
    assigned_at    timestamptz NOT NULL DEFAULT now(),
    assigned_by    uuid REFERENCES profiles (id),
    is_primary     boolean     NOT NULL DEFAULT false,
    network_config jsonb,
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX client_equipment_client_idx ON client_equipment (client_id);
CREATE UNIQUE INDEX client_equipment_equipment_once ON client_equipment (equipment_id);
SELECT isolate_by_company('client_equipment');

-- ---------------------------------------------------------------------------------------------
-- Billing and payments (money is NUMERIC(14,2), Kenya shillings)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE invoices (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_number varchar(30)   NOT NULL,
    client_id      uuid          NOT NULL REFERENCES clients (id),
    amount         numeric(14,2) NOT NULL CHECK (amount >= 0),
    vat_amount     numeric(14,2) NOT NULL DEFAULT 0 CHECK (vat_amount >= 0),
    total_amount   numeric(14,2) NOT NULL CHECK (total_amount >= 0),
    amount_paid    numeric(14,2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
    currency       varchar(3)    NOT NULL DEFAULT 'KES',
    status         varchar(20)   NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'issued', 'partially_paid', 'paid', 'void')),
    period_start   date,
    period_end     date,
    due_date       date          NOT NULL,
    issued_at      timestamptz,
    paid_at        timestamptz,
    notes          text,
    isp_company_id uuid          NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz   NOT NULL DEFAULT now(),
    updated_at     timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, invoice_number)
);
CREATE INDEX invoices_client_idx ON invoices (client_id, due_date);
SELECT isolate_by_company('invoices');

CREATE TABLE payments (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id            uuid REFERENCES clients (id),
    invoice_id           uuid REFERENCES invoices (id),
    amount               numeric(14,2) NOT NULL CHECK (amount > 0),
    currency             varchar(3)    NOT NULL DEFAULT 'KES',
    payment_method       varchar(20)   NOT NULL CHECK (payment_method IN ('mpesa', 'bank', 'cash', 'wallet')),
    status               varchar(20)   NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'completed', 'failed', 'reversed')),
    reference_number     varchar(255),
    mpesa_receipt_number varchar(255),
    payer_phone          varchar(16),
    paid_at              timestamptz,
    isp_company_id       uuid          NOT NULL REFERENCES isp_companies (id),
    created_at           timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX payments_client_idx ON payments (client_id, created_at DESC);
CREATE UNIQUE INDEX payments_mpesa_receipt_once ON payments (isp_company_id, mpesa_receipt_number)
    WHERE mpesa_receipt_number IS NOT NULL;
SELECT isolate_by_company('payments');

-- The wallet is an append-only ledger: corrections are new rows, never edits.
CREATE TABLE wallet_transactions (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id            uuid          NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
    transaction_type     varchar(20)   NOT NULL CHECK (transaction_type IN ('credit', 'debit', 'payment', 'refund')),
    amount               numeric(14,2) NOT NULL CHECK (amount > 0),
    description          text,
    reference_number     varchar(255),
    mpesa_receipt_number varchar(255),
    isp_company_id       uuid          NOT NULL REFERENCES isp_companies (id),
    created_at           timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX wallet_transactions_client_idx ON wallet_transactions (client_id, created_at);
SELECT isolate_by_company('wallet_transactions');

CREATE FUNCTION refuse_ledger_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'wallet_transactions is append-only: record a correcting transaction instead'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER wallet_transactions_append_only
    BEFORE UPDATE OR DELETE ON wallet_transactions
    FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();

-- ---------------------------------------------------------------------------------------------
-- Support
-- ---------------------------------------------------------------------------------------------
CREATE TABLE support_tickets (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ticket_number  varchar(20)  NOT NULL,
    client_id      uuid REFERENCES clients (id),
    title          varchar(200) NOT NULL,
    description    text         NOT NULL,
    category       varchar(30)  NOT NULL DEFAULT 'technical'
        CHECK (category IN ('technical', 'billing', 'installation', 'account', 'general')),
    priority       varchar(10)  NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high', 'critical')),
    status         varchar(20)  NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'pending', 'resolved', 'closed')),
    department_id  uuid REFERENCES departments (id),
    assigned_to    uuid REFERENCES profiles (id),
    created_by     uuid REFERENCES profiles (id),
    resolved_at    timestamptz,
    isp_company_id uuid         NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (isp_company_id, ticket_number)
);
CREATE INDEX support_tickets_company_status_idx ON support_tickets (isp_company_id, status);
SELECT isolate_by_company('support_tickets');

-- ---------------------------------------------------------------------------------------------
-- Infrastructure: Spring Modulith's event outbox and Spring Integration's cluster lock table.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE event_publication (
    id               uuid        NOT NULL PRIMARY KEY,
    listener_id      text        NOT NULL,
    event_type       text        NOT NULL,
    serialized_event text        NOT NULL,
    publication_date timestamptz NOT NULL,
    completion_date  timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

CREATE TABLE int_lock (
    lock_key     char(36)     NOT NULL,
    region       varchar(100) NOT NULL,
    client_id    char(36),
    created_date timestamp    NOT NULL,
    CONSTRAINT int_lock_pk PRIMARY KEY (lock_key, region)
);

INSERT INTO equipment_types (name, brand, model, device_type, snmp_settings) VALUES
    ('hAP ac2 home router', 'MikroTik', 'RBD52G-5HacD2HnD', 'router', '{"version": "v2c", "port": 161}'),
    ('CCR2004 core router', 'MikroTik', 'CCR2004-1G-12S+2XS', 'router', '{"version": "v2c", "port": 161}'),
    ('LiteBeam 5AC Gen2 CPE', 'Ubiquiti', 'LBE-5AC-Gen2', 'cpe', '{"version": "v2c", "port": 161}'),
    ('airFiber 5XHD radio', 'Ubiquiti', 'AF-5XHD', 'radio', '{"version": "v2c", "port": 161}'),
    ('EG8145V5 GPON ONU', 'Huawei', 'EG8145V5', 'onu', '{"version": "v2c", "port": 161}'),
    ('MA5800-X7 OLT', 'Huawei', 'MA5800-X7', 'olt', '{"version": "v2c", "port": 161}');
