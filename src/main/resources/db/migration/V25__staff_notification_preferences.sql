-- How each staff member wants his notifications copied out (seed: notification_preferences): by e-mail,
-- by SMS, by WhatsApp, and for which kinds of notice (related entity types; empty: all).
CREATE TABLE notification_preferences (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id                uuid        NOT NULL UNIQUE REFERENCES profiles (id),
    email_notifications    boolean     NOT NULL DEFAULT true,
    sms_notifications      boolean     NOT NULL DEFAULT false,
    whatsapp_notifications boolean     NOT NULL DEFAULT false,
    notification_types     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(notification_types) = 'array'),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    isp_company_id         uuid        NOT NULL REFERENCES isp_companies (id)
);
-- Only he sets them. A staff request (which always carries its user) reads only his own; the company's
-- system work (no user), which copies a notification out as its addressee wants, reads them too.
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE notification_preferences FORCE ROW LEVEL SECURITY;
CREATE POLICY owner_or_system ON notification_preferences
    USING (isp_company_id = current_company_id()
           AND (user_id = (SELECT current_user_id()) OR (SELECT current_user_id()) IS NULL))
    WITH CHECK (isp_company_id = current_company_id() AND user_id = (SELECT current_user_id()));
