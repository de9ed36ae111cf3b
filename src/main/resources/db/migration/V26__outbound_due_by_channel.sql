-- Each channel's dispatcher claims its own due messages, oldest due first: the index leads with the
-- channel, so the claim reads its first rows in order instead of sorting every due message of both channels.
DROP INDEX outbound_messages_due_idx;
CREATE INDEX outbound_messages_due_idx ON outbound_messages (channel, next_attempt_at)
    WHERE status IN ('queued', 'sending');
