-- Security events under a flood: a source's first events of a minute are kept one row each, the rest
-- are counted into one summary row per source and minute (occurrences), so the count is kept and the
-- rows are bounded.
ALTER TABLE security_events ADD COLUMN occurrences integer NOT NULL DEFAULT 1 CHECK (occurrences > 0);
CREATE INDEX security_events_source_idx ON security_events (source_address, created_at);
