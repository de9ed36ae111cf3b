-- Wallet ledger with a running balance kept under lock, payments settling invoices oldest first,
-- and one numbering table for every kind of document.

CREATE TABLE document_numbers (
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    kind           varchar(20) NOT NULL CHECK (kind IN ('invoice', 'receipt')),
    last_number    bigint      NOT NULL,
    PRIMARY KEY (isp_company_id, kind)
);
-- carried over before the table is isolated: migrations see every company's rows only that way
ALTER TABLE invoice_numbers NO FORCE ROW LEVEL SECURITY;
ALTER TABLE invoice_numbers DISABLE ROW LEVEL SECURITY;
INSERT INTO document_numbers (isp_company_id, kind, last_number)
    SELECT isp_company_id, 'invoice', last_number FROM invoice_numbers;
DROP TABLE invoice_numbers;
SELECT isolate_by_company('document_numbers');

-- Who wrote a ledger entry, and which payment it belongs to.
ALTER TABLE wallet_transactions
    ADD COLUMN created_by    varchar(64),
    ADD COLUMN payment_id    uuid REFERENCES payments (id),
    ADD COLUMN invoice_id    uuid REFERENCES invoices (id),
    ADD COLUMN balance_after numeric(14,2),
    -- the order of entries, also within one transaction (created_at is the transaction's start)
    ADD COLUMN entry_no      bigint GENERATED ALWAYS AS IDENTITY;
-- An M-PESA receipt is credited to a wallet at most once, whatever arrives how often.
CREATE UNIQUE INDEX wallet_transactions_receipt_once ON wallet_transactions (isp_company_id, mpesa_receipt_number)
    WHERE mpesa_receipt_number IS NOT NULL AND transaction_type = 'payment';

-- The balance, one row per client, updated in the same transaction as the ledger row it follows.
CREATE TABLE wallet_balances (
    client_id      uuid PRIMARY KEY REFERENCES clients (id),
    balance        numeric(14,2) NOT NULL DEFAULT 0,
    isp_company_id uuid          NOT NULL REFERENCES isp_companies (id),
    updated_at     timestamptz   NOT NULL DEFAULT now()
);
SELECT isolate_by_company('wallet_balances');

ALTER TABLE payments
    ADD COLUMN receipt_number varchar(30),
    ADD COLUMN recorded_by    varchar(64),
    ADD COLUMN notes          text;
CREATE UNIQUE INDEX payments_receipt_number_once ON payments (isp_company_id, receipt_number)
    WHERE receipt_number IS NOT NULL;
CREATE UNIQUE INDEX payments_bank_reference_once ON payments (isp_company_id, payment_method, reference_number)
    WHERE payment_method = 'bank' AND reference_number IS NOT NULL;

-- Which invoices a payment (or wallet credit) settled, and with how much.
CREATE TABLE payment_allocations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    payment_id     uuid REFERENCES payments (id),
    invoice_id     uuid          NOT NULL REFERENCES invoices (id),
    amount         numeric(14,2) NOT NULL CHECK (amount > 0),
    isp_company_id uuid          NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX payment_allocations_payment_idx ON payment_allocations (payment_id);
CREATE INDEX payment_allocations_invoice_idx ON payment_allocations (invoice_id);
SELECT isolate_by_company('payment_allocations');
