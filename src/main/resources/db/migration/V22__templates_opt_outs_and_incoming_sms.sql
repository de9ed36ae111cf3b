-- Each company's own wording of client messages, the numbers and addresses that opted out of
-- optional messages, and the SMS clients send in.

-- A company's template for one purpose and language; without one, the platform's wording applies
-- (messaging/client-messages*.properties). Placeholders are checked by the application on save.
CREATE TABLE message_templates (
    isp_company_id uuid         NOT NULL REFERENCES isp_companies (id),
    purpose        varchar(40)  NOT NULL,
    language       varchar(2)   NOT NULL CHECK (language IN ('en', 'sw')),
    body           text         NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    subject        varchar(200),
    updated_by     varchar(100) NOT NULL,
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (isp_company_id, purpose, language)
);
SELECT isolate_by_company('message_templates');

-- A recipient who asked for no optional messages (reminders, invoice notices) on a channel: an SMS
-- "STOP", or staff acting on his word. Receipts and service notices still reach him.
CREATE TABLE message_opt_outs (
    isp_company_id uuid         NOT NULL REFERENCES isp_companies (id),
    channel        varchar(10)  NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient      varchar(255) NOT NULL,
    source         varchar(20)  NOT NULL CHECK (source IN ('sms_keyword', 'staff')),
    recorded_by    varchar(100),
    opted_out_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (isp_company_id, channel, recipient)
);
SELECT isolate_by_company('message_opt_outs');

-- SMS sent in to a company's shortcode or number (Africa's Talking incoming messages), once each.
CREATE TABLE inbound_messages (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    gateway_message_id varchar(100) NOT NULL,
    from_number        varchar(20)  NOT NULL,
    to_number          varchar(20),
    text               varchar(1600) NOT NULL,
    link_id            varchar(100),
    network_code       varchar(10),
    sent_at            timestamptz,
    received_at        timestamptz  NOT NULL DEFAULT now(),
    -- what it was read as: stop, start, balance, pay, other
    command            varchar(20)  NOT NULL,
    isp_company_id     uuid         NOT NULL REFERENCES isp_companies (id),
    UNIQUE (isp_company_id, gateway_message_id)
);
CREATE INDEX inbound_messages_from_idx ON inbound_messages (isp_company_id, from_number, received_at);
SELECT isolate_by_company('inbound_messages');

-- "at most one such message to this number a day" looks back by recipient
CREATE INDEX outbound_messages_recipient_idx ON outbound_messages (isp_company_id, recipient, created_at);
