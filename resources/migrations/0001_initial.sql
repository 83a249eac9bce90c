-- HumasDesk schema 1.
-- Every synced table carries the sync contract of DESIGN.md: id (UUID v7 text; seeded
-- rows use name-based ids so that every site seeds the same ids), rev, deleted (tombstone),
-- updated_at (UTC, ISO 8601), updated_by, site_id, hlc (hybrid logical clock stamp).
-- There are no FOREIGN KEY constraints between synced tables: sync may deliver a row
-- before the row it refers to; repositories validate references instead.

CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    changes TEXT NOT NULL,
    base_rev INTEGER NOT NULL,
    rev INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    site_id TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_row ON outbox(entity, row_id);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL DEFAULT 'application/octet-stream',
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE settings (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX settings_key ON settings(key) WHERE deleted = 0;

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'protokol', 'ppid', 'redaksi', 'opd', 'pimpinan')),
    opd_id TEXT,
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username ON users(username COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE opd (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    pic_name TEXT NOT NULL DEFAULT '',
    pic_phone TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX opd_code ON opd(code COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE officials (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    code TEXT NOT NULL,
    position TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX officials_code ON officials(code COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE kecamatan (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE UNIQUE INDEX kecamatan_name ON kecamatan(name COLLATE NOCASE) WHERE deleted = 0;

CREATE TABLE venues (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    name TEXT NOT NULL,
    kecamatan_id TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX venues_name ON venues(name COLLATE NOCASE, kecamatan_id) WHERE deleted = 0;

CREATE TABLE travel_times (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    kecamatan_a TEXT NOT NULL,
    kecamatan_b TEXT NOT NULL,
    minutes INTEGER NOT NULL CHECK (minutes >= 0)
);
CREATE UNIQUE INDEX travel_times_pair ON travel_times(kecamatan_a, kecamatan_b) WHERE deleted = 0;

CREATE TABLE holidays (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'lokal')),
    name TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX holidays_date ON holidays(date) WHERE deleted = 0;

-- Events of the one-door agenda service. Times are UTC ISO 8601; officials are JSON arrays
-- of official ids so that sync merges them as one field. The agenda issue extends this.
CREATE TABLE events (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    title TEXT NOT NULL,
    opd_id TEXT,
    pic_name TEXT NOT NULL DEFAULT '',
    pic_phone TEXT NOT NULL DEFAULT '',
    letter_number TEXT NOT NULL DEFAULT '',
    letter_date TEXT,
    letter_blob TEXT,
    officials_requested TEXT NOT NULL DEFAULT '[]',
    officials_attending TEXT NOT NULL DEFAULT '[]',
    venue_id TEXT,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    all_day INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'diajukan'
        CHECK (status IN ('diajukan', 'terjadwal', 'selesai', 'ditunda', 'dibatalkan')),
    dress_code TEXT NOT NULL DEFAULT '',
    speech_needed INTEGER NOT NULL DEFAULT 0,
    staff TEXT NOT NULL DEFAULT '',
    is_public INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_starts ON events(starts_at) WHERE deleted = 0;
CREATE INDEX events_ends ON events(ends_at) WHERE deleted = 0;

-- Register of public-information requests (UU 14/2008 Pasal 22). The PPID issue extends it.
CREATE TABLE ppid_requests (
    id TEXT PRIMARY KEY NOT NULL,
    rev INTEGER NOT NULL DEFAULT 1,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    site_id TEXT NOT NULL,
    hlc TEXT NOT NULL,
    reg_number TEXT NOT NULL,
    received_at TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('langsung', 'surat', 'email', 'website', 'telepon')),
    requester_type TEXT NOT NULL DEFAULT 'perorangan'
        CHECK (requester_type IN ('perorangan', 'kelompok', 'badan_hukum')),
    requester_name TEXT NOT NULL,
    requester_nik TEXT NOT NULL DEFAULT '',
    requester_address TEXT NOT NULL DEFAULT '',
    requester_occupation TEXT NOT NULL DEFAULT '',
    requester_phone TEXT NOT NULL DEFAULT '',
    requester_email TEXT NOT NULL DEFAULT '',
    proxy_name TEXT NOT NULL DEFAULT '',
    information TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    obtain_method TEXT NOT NULL DEFAULT '',
    delivery_method TEXT NOT NULL DEFAULT '',
    opd_id TEXT,
    status TEXT NOT NULL DEFAULT 'diterima',
    decision_reason TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    notes TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX ppid_requests_number ON ppid_requests(reg_number) WHERE deleted = 0;
CREATE INDEX ppid_requests_received ON ppid_requests(received_at) WHERE deleted = 0;
