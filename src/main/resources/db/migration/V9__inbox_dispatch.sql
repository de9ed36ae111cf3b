-- Payments are acknowledged as soon as their inbox row commits; their reconciliation process is started
-- afterwards, in batches, by the inbox dispatcher (dispatched_at null = not started yet).
ALTER TABLE mpesa_callbacks ADD COLUMN dispatched_at timestamptz;
ALTER TABLE bank_notifications ADD COLUMN dispatched_at timestamptz;
-- rows stored so far had their process started with them
UPDATE mpesa_callbacks SET dispatched_at = received_at;
UPDATE bank_notifications SET dispatched_at = received_at;
CREATE INDEX mpesa_callbacks_undispatched_idx ON mpesa_callbacks (received_at) WHERE dispatched_at IS NULL;
CREATE INDEX bank_notifications_undispatched_idx ON bank_notifications (received_at) WHERE dispatched_at IS NULL;

-- the dispatcher works through every company's inbox in platform scope (and only there)
DROP POLICY company_isolation ON mpesa_callbacks;
CREATE POLICY company_isolation ON mpesa_callbacks
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());
DROP POLICY company_isolation ON bank_notifications;
CREATE POLICY company_isolation ON bank_notifications
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());
