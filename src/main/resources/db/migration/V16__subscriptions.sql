-- A client's subscription: what he pays for, the period he is in, and where he stands (billing owns it).
-- The subscription lifecycle process (processes/subscription-lifecycle.bpmn) moves it month by month.
CREATE TABLE subscriptions (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id          uuid          NOT NULL REFERENCES clients (id),
    -- the client's account number (it never changes): the lifecycle's business key
    account_number     varchar(12)   NOT NULL,
    service_package_id uuid          REFERENCES service_packages (id),
    monthly_rate       numeric(14,2) NOT NULL CHECK (monthly_rate >= 0),
    -- a downgrade waits for the next period
    next_package_id    uuid          REFERENCES service_packages (id),
    next_monthly_rate  numeric(14,2) CHECK (next_monthly_rate >= 0),
    period_start       date          NOT NULL,
    period_end         date          NOT NULL,
    paid_through       date,
    state              varchar(20)   NOT NULL DEFAULT 'active'
        CHECK (state IN ('active', 'grace', 'suspended', 'disconnected', 'ended')),
    state_reason       varchar(200),
    state_changed_at   timestamptz   NOT NULL DEFAULT now(),
    auto_renew         boolean       NOT NULL DEFAULT true,
    -- a promise to pay, once per unpaid period
    promised_until     date,
    promised_by        varchar(100),
    isp_company_id     uuid          NOT NULL REFERENCES isp_companies (id),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    CHECK (period_end >= period_start)
);
CREATE UNIQUE INDEX subscriptions_one_live_per_client ON subscriptions (client_id) WHERE state <> 'ended';
CREATE INDEX subscriptions_company_state_idx ON subscriptions (isp_company_id, state);
SELECT isolate_by_company('subscriptions');

-- Clients billed before subscriptions existed: their latest invoiced period, their service state.
INSERT INTO subscriptions (client_id, account_number, service_package_id, monthly_rate, period_start, period_end,
                           paid_through, state, state_reason, isp_company_id)
SELECT c.id, c.account_number, c.service_package_id, c.monthly_rate, i.period_start, i.period_end,
       CASE WHEN i.status = 'paid' THEN i.period_end END,
       CASE WHEN c.status = 'suspended' THEN 'suspended' ELSE 'active' END,
       'Billed before subscriptions', c.isp_company_id
FROM clients c
JOIN LATERAL (SELECT period_start, period_end, status FROM invoices
              WHERE client_id = c.id AND status <> 'void' AND period_start IS NOT NULL
              ORDER BY period_start DESC LIMIT 1) i ON true
WHERE c.status IN ('active', 'suspended');
