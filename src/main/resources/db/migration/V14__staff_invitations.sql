-- Staff are invited, not given a password: the login is created without a usable one, and the
-- invitee sets his own through a one-time link. Only the SHA-256 of the link's token is kept, so a
-- copy of this table opens no account.
CREATE TABLE staff_invitations (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        varchar(64) NOT NULL,
    token_hash     varchar(64) NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    invited_by     varchar(64) NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz,
    isp_company_id uuid        NOT NULL REFERENCES isp_companies (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_invitations_user_idx ON staff_invitations (user_id);
ALTER TABLE staff_invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_invitations FORCE ROW LEVEL SECURITY;
-- the invitee has no login yet: redemption finds the invitation by its token hash in platform scope
-- (and only reads there); every write happens in the invitation's company
CREATE POLICY company_isolation ON staff_invitations
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id());
