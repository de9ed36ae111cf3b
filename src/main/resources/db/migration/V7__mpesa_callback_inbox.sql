-- Daraja callbacks are stored before they are acknowledged; crediting reads them from here.
-- The callback path names the company by an unguessable token, so the intake looks settings up by
-- token in platform scope (and only there).
DROP POLICY company_isolation ON mpesa_settings;
CREATE POLICY company_isolation ON mpesa_settings
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id());

CREATE TABLE mpesa_callbacks (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind                 varchar(20)   NOT NULL CHECK (kind IN ('stk', 'c2b_confirmation')),
    checkout_request_id  varchar(100),
    result_code          varchar(20)   NOT NULL,
    result_description   text,
    mpesa_receipt_number varchar(30),
    amount               numeric(14,2),
    phone                varchar(16),
    payload              jsonb         NOT NULL,
    deliveries           integer       NOT NULL DEFAULT 1,
    status               varchar(20)   NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed')),
    isp_company_id       uuid          NOT NULL REFERENCES isp_companies (id),
    received_at          timestamptz   NOT NULL DEFAULT now(),
    processed_at         timestamptz
);
-- one row per STK request, whatever the number of deliveries
CREATE UNIQUE INDEX mpesa_callbacks_stk_once ON mpesa_callbacks (checkout_request_id) WHERE kind = 'stk';
CREATE INDEX mpesa_callbacks_unprocessed_idx ON mpesa_callbacks (received_at) WHERE status = 'received';
SELECT isolate_by_company('mpesa_callbacks');

-- Refused or suspicious requests from outside (forged callbacks, bad signatures), for the security log.
CREATE TABLE security_events (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind           varchar(40) NOT NULL,
    detail         text        NOT NULL,
    source_address varchar(64),
    isp_company_id uuid REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_events_created_idx ON security_events (created_at);
ALTER TABLE security_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_events FORCE ROW LEVEL SECURITY;
CREATE POLICY company_isolation ON security_events
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());
