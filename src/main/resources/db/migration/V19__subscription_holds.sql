-- Vacation holds: days a client's service is paused and not billed (his period ends that much later).
CREATE TABLE subscription_holds (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    subscription_id uuid          NOT NULL REFERENCES subscriptions (id),
    client_id       uuid          NOT NULL REFERENCES clients (id),
    starts_on       date          NOT NULL,
    ends_on         date          NOT NULL,
    days            integer       NOT NULL CHECK (days > 0),
    reason          varchar(200)  NOT NULL,
    requested_by    varchar(100)  NOT NULL,
    isp_company_id  uuid          NOT NULL REFERENCES isp_companies (id),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    CHECK (ends_on >= starts_on),
    CHECK (days = ends_on - starts_on + 1)
);
CREATE INDEX subscription_holds_subscription_idx ON subscription_holds (subscription_id, starts_on);
SELECT isolate_by_company('subscription_holds');
