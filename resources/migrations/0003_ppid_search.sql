-- HumasDesk schema 3: fast search and filters for the PPID request register (issue 4).
-- Local derived data only: nothing here is synced; the triggers keep it in step with every
-- write to ppid_requests, whoever makes it (ChangeWriter, sync, migrations).

-- Substring search of the register (number, requester, information, NIK) with the trigram
-- tokenizer: a search word of three or more characters is an index lookup instead of a scan
-- of every row. External content: the text stays in ppid_requests only.
CREATE VIRTUAL TABLE ppid_search USING fts5(reg_number, requester_name, information, requester_nik, content = 'ppid_requests', content_rowid = 'rowid', tokenize = 'trigram');
-- Each trigger body stays on one line: the migration runner splits statements at line ends.
CREATE TRIGGER ppid_search_insert AFTER INSERT ON ppid_requests BEGIN INSERT INTO ppid_search(rowid, reg_number, requester_name, information, requester_nik) VALUES (new.rowid, new.reg_number, new.requester_name, new.information, new.requester_nik); END;
CREATE TRIGGER ppid_search_delete AFTER DELETE ON ppid_requests BEGIN INSERT INTO ppid_search(ppid_search, rowid, reg_number, requester_name, information, requester_nik) VALUES ('delete', old.rowid, old.reg_number, old.requester_name, old.information, old.requester_nik); END;
CREATE TRIGGER ppid_search_update AFTER UPDATE OF reg_number, requester_name, information, requester_nik ON ppid_requests BEGIN INSERT INTO ppid_search(ppid_search, rowid, reg_number, requester_name, information, requester_nik) VALUES ('delete', old.rowid, old.reg_number, old.requester_name, old.information, old.requester_nik); INSERT INTO ppid_search(rowid, reg_number, requester_name, information, requester_nik) VALUES (new.rowid, new.reg_number, new.requester_name, new.information, new.requester_nik); END;
INSERT INTO ppid_search(ppid_search) VALUES ('rebuild');

-- The register's channel filter and its sort by channel.
CREATE INDEX ppid_requests_channel ON ppid_requests(channel) WHERE deleted = 0;
-- The register's sort by status in the order of the status flow (PpidRegisterModel uses this
-- exact expression; a new status needs a new index).
CREATE INDEX ppid_requests_status_flow ON ppid_requests((CASE status WHEN 'diterima' THEN 0 WHEN 'diproses' THEN 1 WHEN 'diperpanjang' THEN 2 WHEN 'dikabulkan_seluruhnya' THEN 3 WHEN 'dikabulkan_sebagian' THEN 4 WHEN 'ditolak' THEN 5 WHEN 'selesai' THEN 6 END), due_date) WHERE deleted = 0;
