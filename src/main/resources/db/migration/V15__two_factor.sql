-- A second factor for staff logins (TOTP, RFC 6238), one-time recovery codes, and the short-lived
-- API tokens that /api/auth/login hands out. Keyed by Camunda user id like login_revocations; no
-- company column. They hold login secrets, so row-level security lets only platform-scoped
-- transactions (app.platform_scope = 'on') see or write them: a company-scoped code path sees no rows.

-- secret and pending_secret are SecretBox ciphertext (AES-256-GCM) of the Base32 TOTP secret. A new
-- enrolment waits in pending_secret and replaces secret only once a code from it is confirmed.
-- last_used_step: the 30-second time step of the last accepted code; a code of that step or an
-- earlier one is refused, so an accepted code cannot be used again.
CREATE TABLE staff_second_factors (
    user_id        varchar(64) PRIMARY KEY,
    secret         text,
    confirmed_at   timestamptz,
    last_used_step bigint,
    pending_secret text,
    pending_since  timestamptz,
    CHECK ((secret IS NULL) = (confirmed_at IS NULL)),
    CHECK (secret IS NOT NULL OR pending_secret IS NOT NULL)
);

-- code_hash = SHA-256(salt || normalised code); the codes themselves are shown once and never stored.
CREATE TABLE staff_recovery_codes (
    id        bigserial PRIMARY KEY,
    user_id   varchar(64) NOT NULL REFERENCES staff_second_factors (user_id) ON DELETE CASCADE,
    salt      bytea NOT NULL,
    code_hash bytea NOT NULL,
    used_at   timestamptz
);
CREATE INDEX staff_recovery_codes_user_idx ON staff_recovery_codes (user_id) WHERE used_at IS NULL;

-- token_hash = SHA-256 of the bearer token; the token itself is never stored. A token lives until
-- expires_at (fixed, not extended by use) or until revoked_at is set (logout, password change).
CREATE TABLE api_sessions (
    token_hash bytea PRIMARY KEY,
    user_id    varchar(64) NOT NULL,
    scope      varchar(16) NOT NULL CHECK (scope IN ('full', 'enrol')),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_sessions_user_idx ON api_sessions (user_id);
CREATE INDEX api_sessions_expires_idx ON api_sessions (expires_at);

ALTER TABLE staff_second_factors ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_second_factors FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON staff_second_factors USING (platform_scope()) WITH CHECK (platform_scope());

ALTER TABLE staff_recovery_codes ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_recovery_codes FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON staff_recovery_codes USING (platform_scope()) WITH CHECK (platform_scope());

ALTER TABLE api_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_sessions FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_only ON api_sessions USING (platform_scope()) WITH CHECK (platform_scope());
