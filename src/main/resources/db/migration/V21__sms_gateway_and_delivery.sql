-- Client messages leave: each company's SMS gateway (Africa's Talking), the delivery state of every
-- queued message, and a log of every attempt and delivery report (seed: notification_logs).

CREATE TABLE sms_gateway_settings (
    isp_company_id uuid PRIMARY KEY REFERENCES isp_companies (id),
    provider       varchar(30)  NOT NULL DEFAULT 'africastalking' CHECK (provider IN ('africastalking')),
    username       varchar(100) NOT NULL,
    -- encrypted by the application (never returned)
    api_key        text,
    -- a registered alphanumeric sender id (at most 11 characters) or shortcode; the provider's default when null
    sender_id      varchar(11),
    environment    varchar(20)  NOT NULL DEFAULT 'sandbox' CHECK (environment IN ('sandbox', 'production')),
    -- the unguessable part of the URLs the gateway posts to
    callback_token varchar(64)  NOT NULL UNIQUE,
    is_active      boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
-- The delivery report path names the company by an unguessable token, so the
-- intake looks settings up by token in platform scope (and only there).
ALTER TABLE sms_gateway_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE sms_gateway_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY company_isolation ON sms_gateway_settings
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id());

-- queued -> sending (claimed by a node until next_attempt_at) -> sent -> delivered | failed;
-- a failed attempt that may succeed later goes back to queued with a later next_attempt_at
ALTER TABLE outbound_messages DROP CONSTRAINT outbound_messages_status_check;
ALTER TABLE outbound_messages
    ADD CONSTRAINT outbound_messages_status_check
        CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed')),
    ADD COLUMN attempts           integer      NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at    timestamptz  NOT NULL DEFAULT now(),
    ADD COLUMN gateway_message_id varchar(100),
    ADD COLUMN failure_reason     varchar(200),
    ADD COLUMN segments           smallint,
    ADD COLUMN encoding           varchar(5)   CHECK (encoding IN ('GSM-7', 'UCS-2')),
    ADD COLUMN cost               varchar(30),
    ADD COLUMN delivered_at       timestamptz,
    ADD COLUMN updated_at         timestamptz  NOT NULL DEFAULT now();
-- The dispatcher claims every company's due messages in platform scope (and only there).
DROP POLICY company_isolation ON outbound_messages;
CREATE POLICY company_isolation ON outbound_messages
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());
CREATE INDEX outbound_messages_due_idx ON outbound_messages (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE UNIQUE INDEX outbound_messages_gateway_id_idx ON outbound_messages (isp_company_id, gateway_message_id)
    WHERE gateway_message_id IS NOT NULL;

CREATE TABLE notification_logs (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ticket_id      uuid         REFERENCES support_tickets (id),
    message_id     uuid         REFERENCES outbound_messages (id) ON DELETE CASCADE,
    -- the message's purpose (payment_receipt, service_suspended, ...)
    type           varchar(40)  NOT NULL,
    channels       text[]       NOT NULL,
    recipients     text[]       NOT NULL,
    -- what this attempt or report came to: sent, retry, rejected, gave_up, delivered, failed, report
    status         varchar(20)  NOT NULL DEFAULT 'pending',
    metadata       jsonb,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    isp_company_id uuid         NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX notification_logs_message_idx ON notification_logs (message_id, created_at);
SELECT isolate_by_company('notification_logs');
