-- What staff did through the API: who, when, which action on which record, with what (secrets
-- removed). Kept as written: no update or delete, like the wallet ledger.
CREATE TABLE audit_log (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    actor          varchar(64)  NOT NULL,
    action         varchar(200) NOT NULL,
    subject        varchar(300),
    outcome        integer      NOT NULL,
    detail         jsonb,
    isp_company_id uuid REFERENCES isp_companies (id),
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_company_time_idx ON audit_log (isp_company_id, created_at DESC);
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
-- a company reads and writes its own entries; platform scope (super administrators' own work) all
CREATE POLICY company_isolation ON audit_log
    USING (isp_company_id = current_company_id() OR platform_scope())
    WITH CHECK (isp_company_id = current_company_id() OR platform_scope());

CREATE FUNCTION refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
