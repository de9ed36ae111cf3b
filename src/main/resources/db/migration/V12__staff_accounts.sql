-- Staff logins that every node must forget at once: a changed password, a removed role or company.
-- Each node remembers verified logins for minutes; it reads the rows written in the last two minutes
-- every second and forgets the logins it has not forgotten yet. Rows are deleted after ten minutes.
-- Holds user ids only, no company data: no row-level security.
CREATE TABLE login_revocations (
    id         bigserial PRIMARY KEY,
    user_id    varchar(64) NOT NULL,
    revoked_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_revocations_revoked_idx ON login_revocations (revoked_at);
