-- HumasDesk schema 5: the hub half of sync (issue 9 part 2, SYNC.md "Hub").
-- Every database gets these tables; a PC's local database just leaves the hub_* tables empty.
-- A shared file on an SMB share (or the server's database) is a hub: HubStore fills them.

-- The hub's identity. A cursor "hub.epoch.seq" from another hub or an older epoch forces a
-- full resync. At most one row.
CREATE TABLE hub_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hub_id TEXT NOT NULL,
    epoch INTEGER NOT NULL DEFAULT 1,
    schema INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- The hub's sequence counter: one number per committed change, taken inside the push
-- transaction, so seq order is commit order. At most one row.
CREATE TABLE hub_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL DEFAULT 0
);

-- The latest seq and hub revision of every row of every synced table.
CREATE TABLE hub_rows (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    rev INTEGER NOT NULL,
    PRIMARY KEY (entity, row_id)
);
CREATE UNIQUE INDEX hub_rows_seq ON hub_rows(seq);

-- The per-field clock: which seq, site, HLC and actor last wrote each field.
CREATE TABLE hub_fields (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    seq INTEGER NOT NULL,
    site TEXT NOT NULL,
    hlc TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    written_at TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (entity, row_id, field)
);

-- The idempotency ledger: every op id the hub has judged, with its first result.
CREATE TABLE hub_ops (
    op_id TEXT PRIMARY KEY NOT NULL,
    site TEXT NOT NULL,
    outbox_seq INTEGER NOT NULL,
    seq INTEGER NOT NULL DEFAULT 0,
    result TEXT NOT NULL CHECK (result IN ('applied', 'merged', 'conflict', 'rejected')),
    conflict_id TEXT,
    error TEXT
);

-- Per-site progress: the highest outbox seq of each site the hub has committed.
CREATE TABLE hub_sites (
    site TEXT PRIMARY KEY NOT NULL,
    last_outbox_seq INTEGER NOT NULL DEFAULT 0,
    last_seen_at TEXT
);

-- One PC at a time holds a lease for the daily integrity check and VACUUM of a shared file.
CREATE TABLE hub_lease (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT NOT NULL DEFAULT '',
    expires_at TEXT NOT NULL DEFAULT '',
    last_done_on TEXT NOT NULL DEFAULT '',
    last_result TEXT NOT NULL DEFAULT ''
);

-- Conflicts the hub opened; a synced table like any other, so every PC sees them and a
-- resolution made on one PC reaches the others. Values are JSON text ("null" and "\"\"" differ).
CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    sync_seq INTEGER NOT NULL DEFAULT 0,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('field', 'delete_edit', 'unique')),
    base_value TEXT NOT NULL DEFAULT 'null',
    hub_value TEXT NOT NULL DEFAULT 'null',
    hub_site TEXT NOT NULL DEFAULT '',
    hub_actor TEXT NOT NULL DEFAULT '',
    hub_hlc TEXT NOT NULL DEFAULT '',
    hub_at TEXT NOT NULL DEFAULT '',
    incoming_value TEXT NOT NULL DEFAULT 'null',
    incoming_site TEXT NOT NULL DEFAULT '',
    incoming_actor TEXT NOT NULL DEFAULT '',
    incoming_hlc TEXT NOT NULL DEFAULT '',
    incoming_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    resolution TEXT CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs', 'value')),
    resolved_value TEXT,
    resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(entity, row_id) WHERE status = 'open' AND deleted = 0;
