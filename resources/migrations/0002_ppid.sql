-- HumasDesk schema 2: the information service (PPID), issue 4.
-- Extends the request register of schema 1 and adds the status history, the objection
-- register and the per-desk registration sequences. Same sync contract as schema 1.

ALTER TABLE ppid_requests ADD COLUMN desk_code TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN reg_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_requests ADD COLUMN reg_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_requests ADD COLUMN pasal17_letter TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN consequence_test TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN withheld_info TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN referred_to TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN extension_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN notice_date TEXT;
ALTER TABLE ppid_requests ADD COLUMN fee INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ppid_requests ADD COLUMN handed_over_date TEXT;
ALTER TABLE ppid_requests ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
-- The decision (dikabulkan_seluruhnya, dikabulkan_sebagian or ditolak) and when it was made
-- (UTC): written in the same transaction as the status-history row of that decision, and
-- kept when the request later becomes "selesai". Statistics read them from one index.
ALTER TABLE ppid_requests ADD COLUMN decision TEXT NOT NULL DEFAULT '';
ALTER TABLE ppid_requests ADD COLUMN decided_at TEXT;
-- decision_reason (schema 1) holds the reason code: '', 'pasal17', 'belum_dikuasai',
-- 'belum_didokumentasikan', 'tidak_dikuasai'.
CREATE INDEX ppid_requests_status ON ppid_requests(status, due_date) WHERE deleted = 0;
CREATE INDEX ppid_requests_due ON ppid_requests(due_date) WHERE deleted = 0;
CREATE INDEX ppid_requests_opd ON ppid_requests(opd_id) WHERE deleted = 0;
CREATE INDEX ppid_requests_name ON ppid_requests(requester_name COLLATE NOCASE) WHERE deleted = 0;
-- Statistics of a period read this index alone (no table rows).
CREATE INDEX ppid_requests_stats ON ppid_requests(received_at, channel, opd_id, status, decision, decided_at,
    decision_reason, pasal17_letter, due_date, deleted) WHERE deleted = 0;
-- The next number of a desk and year; deleted rows too, so a number is never given twice.
CREATE INDEX ppid_requests_desk_seq ON ppid_requests(desk_code, reg_year, reg_seq);

-- Every status change of a request (who, when, what); rows are only ever added.
CREATE TABLE ppid_status_history (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    request_id TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ppid_status_history_request ON ppid_status_history(request_id, changed_at) WHERE deleted = 0;
-- The first decision of each request (statistics: working days to decision, decided late).
CREATE INDEX ppid_status_history_decision ON ppid_status_history(request_id, changed_at)
    WHERE deleted = 0 AND to_status IN ('dikabulkan_seluruhnya', 'dikabulkan_sebagian', 'ditolak');

-- Objection register (keberatan, UU 14/2008 Pasal 35-37).
CREATE TABLE ppid_objections (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    obj_number TEXT NOT NULL,
    desk_code TEXT NOT NULL DEFAULT '',
    reg_year INTEGER NOT NULL DEFAULT 0,
    reg_seq INTEGER NOT NULL DEFAULT 0,
    request_id TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    filed_by TEXT NOT NULL DEFAULT '',
    ground TEXT NOT NULL CHECK (ground IN ('a', 'b', 'c', 'd', 'e', 'f', 'g')),
    summary TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    atasan_decision TEXT NOT NULL DEFAULT '',
    atasan_decision_date TEXT,
    requester_response TEXT NOT NULL DEFAULT '',
    dispute_stage TEXT NOT NULL DEFAULT '',
    dispute_outcome TEXT NOT NULL DEFAULT '',
    dispute_due_date TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ppid_objections_number ON ppid_objections(obj_number) WHERE deleted = 0;
CREATE INDEX ppid_objections_request ON ppid_objections(request_id) WHERE deleted = 0;
CREATE INDEX ppid_objections_desk_seq ON ppid_objections(desk_code, reg_year, reg_seq);

-- Registration sequences: one row per series ('request' or 'objection'), desk and year,
-- written only by that desk, so two PCs that register offline never take the same number.
-- The desk code is per PC (meta 'ppid_desk_code') and is part of every number.
CREATE TABLE ppid_sequences (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    series TEXT NOT NULL DEFAULT 'request' CHECK (series IN ('request', 'objection')),
    desk_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ppid_sequences_desk_year ON ppid_sequences(series, desk_code, year) WHERE deleted = 0;
