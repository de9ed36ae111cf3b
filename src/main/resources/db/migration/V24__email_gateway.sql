-- Client e-mail leaves through each company's SMTP server.

CREATE TABLE email_gateway_settings (
    isp_company_id uuid PRIMARY KEY REFERENCES isp_companies (id),
    host           varchar(253) NOT NULL,
    port           integer      NOT NULL CHECK (port BETWEEN 1 AND 65535),
    -- 'none' only for a server on this machine (checked by the application)
    security       varchar(10)  NOT NULL CHECK (security IN ('starttls', 'ssl', 'none')),
    -- no login when null (a relay that takes the installation's mail), and then no password
    username       varchar(200),
    -- encrypted by the application (never returned)
    password       text,
    from_address   varchar(254) NOT NULL,
    from_name      varchar(100) NOT NULL,
    reply_to       varchar(254),
    is_active      boolean      NOT NULL DEFAULT true,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (username IS NOT NULL OR password IS NULL)
);
-- The dispatcher claims every company's due e-mails in platform scope, where it sees which companies
-- have an active account (and only there).
ALTER TABLE email_gateway_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE email_gateway_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY company_isolation ON email_gateway_settings
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id());

-- an e-mail's gateway id is the Message-ID we give it: <uuid@sender's domain>
ALTER TABLE outbound_messages ALTER COLUMN gateway_message_id TYPE varchar(300);
