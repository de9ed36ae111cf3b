-- Staff messaging: notifications only their addressee reads, internal messages between staff with
-- threads and replies, and their attachments, visible to sender and recipient alone.

-- The staff member of the transaction (his profile id), set with the company by the application; system
-- work sets none. Policies call it as (select current_user_id()), evaluated once per statement.
CREATE FUNCTION current_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

-- ---------------------------------------------------------------------------------------------
-- Notifications: read and marked read by the addressee only. Any work of the company may address one
-- to a staff member of it (the system tells staff what happened); nobody deletes them.
-- ---------------------------------------------------------------------------------------------
DROP POLICY company_isolation ON notifications;
CREATE POLICY company_insert ON notifications FOR INSERT
    WITH CHECK (isp_company_id = current_company_id());
CREATE POLICY addressee_reads ON notifications FOR SELECT
    USING (isp_company_id = current_company_id() AND user_id = (SELECT current_user_id()));
CREATE POLICY addressee_marks ON notifications FOR UPDATE
    USING (isp_company_id = current_company_id() AND user_id = (SELECT current_user_id()))
    WITH CHECK (isp_company_id = current_company_id() AND user_id = (SELECT current_user_id()));
CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC);

-- ---------------------------------------------------------------------------------------------
-- Internal messages (seed). A reply keeps its thread; a deleted message stays on record, hidden from
-- both parties. The attachments are listed in message_attachments (the seed's jsonb copy is left out).
-- ---------------------------------------------------------------------------------------------
CREATE TABLE internal_messages (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sender_id      uuid        NOT NULL REFERENCES profiles (id),
    recipient_id   uuid        NOT NULL REFERENCES profiles (id),
    subject        text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    content        text        NOT NULL CHECK (length(content) BETWEEN 1 AND 20000),
    is_read        boolean     NOT NULL DEFAULT false,
    sent_at        timestamptz NOT NULL DEFAULT now(),
    read_at        timestamptz,
    message_type   varchar(50) NOT NULL DEFAULT 'internal',
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    thread_id      uuid        NOT NULL DEFAULT gen_random_uuid(),
    reply_to_id    uuid REFERENCES internal_messages (id),
    is_deleted     boolean     NOT NULL DEFAULT false,
    deleted_at     timestamptz,
    CHECK (sender_id <> recipient_id)
);
CREATE INDEX internal_messages_sender_idx ON internal_messages (sender_id, sent_at DESC);
CREATE INDEX internal_messages_recipient_idx ON internal_messages (recipient_id, sent_at DESC);
CREATE INDEX internal_messages_thread_idx ON internal_messages (thread_id, sent_at);

-- Sender and recipient only, within their company: no company-wide policy, which would widen these
-- (permissive policies are or-ed).
ALTER TABLE internal_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE internal_messages FORCE ROW LEVEL SECURITY;
CREATE POLICY parties_read ON internal_messages FOR SELECT
    USING (isp_company_id = current_company_id()
           AND (SELECT current_user_id()) IN (sender_id, recipient_id));
CREATE POLICY sender_sends ON internal_messages FOR INSERT
    WITH CHECK (isp_company_id = current_company_id() AND sender_id = (SELECT current_user_id()));
CREATE POLICY parties_update ON internal_messages FOR UPDATE
    USING (isp_company_id = current_company_id() AND (SELECT current_user_id()) IN (sender_id, recipient_id))
    WITH CHECK (isp_company_id = current_company_id() AND (SELECT current_user_id()) IN (sender_id, recipient_id));

-- ---------------------------------------------------------------------------------------------
-- Attachments (seed), with their bytes: checked for size and type on the way in, stored with their
-- SHA-256. file_url is the API path that serves them.
-- ---------------------------------------------------------------------------------------------
CREATE TABLE message_attachments (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    message_id     uuid        NOT NULL REFERENCES internal_messages (id),
    file_name      text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    file_size      bigint      NOT NULL CHECK (file_size > 0),
    file_type      text        NOT NULL,
    file_url       text        NOT NULL,
    sha256         char(64)    NOT NULL,
    content        bytea       NOT NULL CHECK (length(content) = file_size),
    uploaded_at    timestamptz NOT NULL DEFAULT now(),
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id)
);
CREATE INDEX message_attachments_message_idx ON message_attachments (message_id);

-- Visible when the message is: its own policy already keeps it to its sender and recipient.
ALTER TABLE message_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE message_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY parties_read ON message_attachments FOR SELECT
    USING (isp_company_id = current_company_id()
           AND EXISTS (SELECT 1 FROM internal_messages m
                       WHERE m.id = message_id AND (SELECT current_user_id()) IN (m.sender_id, m.recipient_id)));
CREATE POLICY sender_attaches ON message_attachments FOR INSERT
    WITH CHECK (isp_company_id = current_company_id()
                AND EXISTS (SELECT 1 FROM internal_messages m
                            WHERE m.id = message_id AND m.sender_id = (SELECT current_user_id())));
