-- STK status queries, C2B paybill payments and bank notifications.

-- An M-PESA payment has two keys: the receipt and, for STK pushes, the CheckoutRequestID. A status
-- query confirms a push without telling its receipt, so the CheckoutRequestID is credited once too.
CREATE UNIQUE INDEX payments_mpesa_checkout_once ON payments (isp_company_id, reference_number)
    WHERE payment_method = 'mpesa' AND reference_number IS NOT NULL;

-- Pushes whose callback is late are queried, with back-off, until they are answered or given up.
ALTER TABLE mpesa_stk_requests
    ADD COLUMN query_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN next_query_at  timestamptz;
CREATE INDEX mpesa_stk_requests_next_query_idx ON mpesa_stk_requests (isp_company_id, next_query_at)
    WHERE status = 'pending';

-- Where an STK answer came from (Daraja's callback or our status query), and the account number a
-- paybill payer typed. A C2B confirmation is stored once per receipt, however often it is delivered.
ALTER TABLE mpesa_callbacks
    ADD COLUMN source         varchar(10) NOT NULL DEFAULT 'callback' CHECK (source IN ('callback', 'query')),
    ADD COLUMN bill_reference varchar(40);
CREATE UNIQUE INDEX mpesa_callbacks_c2b_once ON mpesa_callbacks (isp_company_id, mpesa_receipt_number)
    WHERE kind = 'c2b_confirmation';

ALTER TABLE mpesa_settings
    ADD COLUMN c2b_registered_at timestamptz;

-- The bank's collections account per company, and the secret its notifications are signed with
-- (HMAC-SHA256, stored encrypted by the application like the M-PESA secrets).
CREATE TABLE bank_settings (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    isp_company_id     uuid         NOT NULL UNIQUE REFERENCES isp_companies (id),
    bank_name          varchar(100) NOT NULL,
    collection_account varchar(40)  NOT NULL,
    signing_secret     text         NOT NULL CHECK (signing_secret LIKE 'v1:%'),
    callback_token     varchar(64)  NOT NULL UNIQUE,
    is_active          boolean      NOT NULL DEFAULT true,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);
ALTER TABLE bank_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE bank_settings FORCE ROW LEVEL SECURITY;
-- the intake finds the company by the token in the path, in platform scope (and only there)
CREATE POLICY company_isolation ON bank_settings
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id());

-- Bank payment notifications, stored (once per bank reference) before they are acknowledged.
CREATE TABLE bank_notifications (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    bank_reference     varchar(64)   NOT NULL,
    customer_reference varchar(64)   NOT NULL,
    amount             numeric(14,2) NOT NULL CHECK (amount > 0),
    payer_name         varchar(200),
    payer_phone        varchar(20),
    payment_mode       varchar(30),
    payload            jsonb         NOT NULL,
    deliveries         integer       NOT NULL DEFAULT 1,
    status             varchar(20)   NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed')),
    isp_company_id     uuid          NOT NULL REFERENCES isp_companies (id),
    received_at        timestamptz   NOT NULL DEFAULT now(),
    processed_at       timestamptz,
    UNIQUE (isp_company_id, bank_reference)
);
SELECT isolate_by_company('bank_notifications');

-- Signatures already seen inside the replay window: the same signed request twice is a replay.
CREATE TABLE bank_signatures_seen (
    signature      varchar(64) PRIMARY KEY,
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    seen_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bank_signatures_seen_at_idx ON bank_signatures_seen (seen_at);
SELECT isolate_by_company('bank_signatures_seen');
