-- M-PESA (Daraja) settings per company (seed: mpesa_settings). Consumer secret and passkey are stored
-- encrypted by the application (AES-256-GCM); the callback token makes each company's callback URL
-- unguessable.
CREATE TABLE mpesa_settings (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    isp_company_id      uuid        NOT NULL UNIQUE REFERENCES isp_companies (id),
    paybill_number      varchar(20) NOT NULL CHECK (paybill_number ~ '^[0-9]{5,7}$'),
    shortcode           varchar(20) CHECK (shortcode ~ '^[0-9]{5,7}$'),
    consumer_key        text,
    consumer_secret     text CHECK (consumer_secret IS NULL OR consumer_secret LIKE 'v1:%'),
    passkey             text CHECK (passkey IS NULL OR passkey LIKE 'v1:%'),
    environment         varchar(10) NOT NULL DEFAULT 'sandbox' CHECK (environment IN ('sandbox', 'production')),
    callback_token      varchar(64) NOT NULL UNIQUE,
    is_active           boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
SELECT isolate_by_company('mpesa_settings');
