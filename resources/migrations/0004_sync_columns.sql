-- HumasDesk schema 4: the local half of the sync contract (issue 9, SYNC.md "Local store").
-- sync_seq: the hub sequence a row was last seen at; written only by the sync applier, never
-- by ChangeWriter (a local edit leaves it where the last pull put it, so the next push can say
-- which hub state the edit was made against).
ALTER TABLE settings ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE opd ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE officials ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE kecamatan ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE venues ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE travel_times ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE holidays ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_requests ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_status_history ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_objections ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_sequences ADD COLUMN sync_seq INTEGER NOT NULL DEFAULT 0;

-- Outbox: base_seq is the sync_seq of the row when the change was made (the hub judges
-- concurrency by it; base_rev alone cannot: two sites both turn rev 6 into rev 7).
-- An entry is acknowledged when the hub has committed it: acked_at (UTC), the hub's result
-- (applied, merged, conflict, duplicate, rejected) and the hub seq it got. Acknowledged entries
-- are kept for 90 days so a hub restored from an older copy can be refilled.
ALTER TABLE outbox ADD COLUMN base_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN acked_at TEXT;
ALTER TABLE outbox ADD COLUMN ack_status TEXT;
ALTER TABLE outbox ADD COLUMN ack_seq INTEGER;
CREATE INDEX outbox_waiting ON outbox(seq) WHERE acked_at IS NULL;
