-- Payments are acknowledged as soon as their inbox row commits; their reconciliation process is started
-- afterwards, in batches, by the inbox dispatcher (dispatched_at null = not started yet). A row whose
-- start keeps failing is parked after a few attempts, with the error, for an operator to look at.
ALTER TABLE mpesa_callbacks
    ADD COLUMN dispatched_at     timestamptz,
    ADD COLUMN dispatch_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN dispatch_error    text;
ALTER TABLE bank_notifications
    ADD COLUMN dispatched_at     timestamptz,
    ADD COLUMN dispatch_attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN dispatch_error    text;
CREATE INDEX mpesa_callbacks_undispatched_idx ON mpesa_callbacks (received_at) WHERE dispatched_at IS NULL;
CREATE INDEX bank_notifications_undispatched_idx ON bank_notifications (received_at) WHERE dispatched_at IS NULL;

-- The dispatcher works through every company's inbox in platform scope (and only there): these two
-- inboxes, like the settings that name a company by its callback token, honour platform scope.
DROP POLICY company_isolation ON mpesa_callbacks;
CREATE POLICY company_isolation ON mpesa_callbacks
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());
DROP POLICY company_isolation ON bank_notifications;
CREATE POLICY company_isolation ON bank_notifications
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());

-- Rows stored so far had their process started with them. The migration runs as the application's
-- role, under row-level security, so it updates them in platform scope.
SELECT set_config('app.platform_scope', 'on', true);
UPDATE mpesa_callbacks SET dispatched_at = received_at;
UPDATE bank_notifications SET dispatched_at = received_at;
SELECT set_config('app.platform_scope', '', true);
