-- STK pushes we sent: a callback is credited only if it answers a CheckoutRequestID issued here, for
-- the same amount and company.
CREATE TABLE mpesa_stk_requests (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    checkout_request_id  varchar(100)  NOT NULL UNIQUE,
    merchant_request_id  varchar(100),
    client_id            uuid          NOT NULL REFERENCES clients (id),
    phone                varchar(16)   NOT NULL,
    amount               numeric(14,2) NOT NULL CHECK (amount > 0),
    account_reference    varchar(12)   NOT NULL,
    status               varchar(20)   NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'completed', 'failed', 'expired')),
    result_code          varchar(20),
    result_description   text,
    mpesa_receipt_number varchar(30),
    requested_by         varchar(64)   NOT NULL,
    isp_company_id       uuid          NOT NULL REFERENCES isp_companies (id),
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX mpesa_stk_requests_client_idx ON mpesa_stk_requests (client_id, created_at DESC);
CREATE INDEX mpesa_stk_requests_pending_idx ON mpesa_stk_requests (status, created_at) WHERE status = 'pending';
SELECT isolate_by_company('mpesa_stk_requests');
