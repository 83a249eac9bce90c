#pragma once

#include "auth/role.h"
#include "sync/hubstore.h"

#include <QCoreApplication>
#include <QString>

namespace Humas {

class Database;

/**
 * The server's role checks of sync (issue 10, SYNC.md "Push" step 2 and "Pull"): what the
 * signed-in user may push and what of the hub it pulls. humasdesk-server installs
 * rejectHook() and rowShaper() on the HubStore of each request; the shared file cannot
 * enforce roles (anyone who can write the share can write the file) and installs neither.
 *
 * Writes (rejectHook), per table from the migrations and the client repositories' rules, so the
 * server refuses what the GUI does not offer. Admin writes everything; otherwise:
 * - users: admin only; an op carrying password_hash from anyone else is refused with its own reason;
 * - settings: admin only (AppSettings), every key;
 * - opd: admin only; officials, kecamatan, venues, travel_times: protokol; holidays: ppid (they
 *   move the PPID deadlines) — the writers of MasterData, read from there;
 * - events: protokol; opd: rows of its own OPD still `diajukan` (EventRepository's rule), checked
 *   on the hub's row and on the incoming opd_id and status both, so an OPD never moves an event
 *   into or out of another OPD and never schedules one;
 * - ppid_requests: ppid; opd (PPID Pembantu): rows the hub has assigned to its OPD (opd_id), never
 *   created, deleted, restored or reassigned by it;
 * - ppid_status_history: ppid; opd: new rows (history is only added to) of a request assigned to
 *   its OPD; ppid_objections, ppid_sequences: ppid;
 * - sync_conflicts: the hub opens them itself (no hook). Anyone may resolve an open one (only
 *   status, resolution, resolved_value, resolved_by, resolved_at; no insert, no delete) when these
 *   rules let them write the chosen value into the conflicted field of the conflicted row;
 * - any other table (news: not in the schema yet): admin only, until it gets a rule here.
 * pimpinan writes nothing; redaksi writes nothing until the news tables exist. A role that may
 * not see personal data (Roles::canSeePersonalData) never writes a requester's NIK, address,
 * phone or email, nor any PPID text holding the mask character • (it would overwrite the real
 * value with the masked one it was shown).
 *
 * Reads (rowShaper), the same scopes as the GUI (PpidRecords::scopeOf, PersonalData):
 * - for everybody, admin too: password_hash and any column named like a password, token or
 *   secret is removed from every row; settings rows whose key is named so go to admin only;
 * - users, settings, master data and the agenda (events) reach every role: an OPD's PIC needs
 *   the whole agenda to propose a time that clashes with nothing;
 * - ppid_requests, their status history and objections: admin, ppid and pimpinan all; an opd
 *   account those of requests assigned to its OPD; protokol and redaksi none (the register is not
 *   theirs); ppid_sequences as the register but never to opd. Rows outside the view go out as
 *   "gone" entries, so a request reassigned away disappears from the OPD's PC;
 * - personal data is masked with PersonalData's rules for roles that may not see it: NIK,
 *   address, phone, email; NIK- and phone-like numbers in the free-text fields, the status
 *   notes and the objections' texts;
 * - sync_conflicts follow the row they are about (gone when it is outside the view; values
 *   masked as that field would be); a conflict over a secret column never leaves the server.
 *
 * The hooks hold a copy of the actor and a pointer to @p hub: the Database must outlive the
 * HubStore they are installed on; the SyncAccess itself need not.
 */
class SyncAccess
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SyncAccess)
public:
    SyncAccess(Actor actor, Database &hub);

    /** The push check: empty to allow @p op, else the translated reason it is refused. */
    HubStore::RejectHook rejectHook() const;
    /** The pull filter: masks a row in place, false when it is outside the actor's view. */
    HubStore::RowShaper rowShaper() const;

    /** What rejectHook() answers for @p op. */
    QString check(const SyncOp &op) const;
    /** What rowShaper() does to @p row. */
    bool shape(PulledRow *row) const;

    /** password_hash, and any column (or settings key) named like a password, token or secret. */
    static bool isSecretName(const QString &name);

private:
    QString checkTable(const SyncOp &op, int depth) const;
    QString checkOpdEvent(const SyncOp &op) const;
    QString checkOpdPpid(const SyncOp &op) const;
    QString checkPersonalData(const SyncOp &op) const;
    QString checkResolution(const SyncOp &op, int depth) const;
    QString refuse(const QString &table) const;
    bool shapeRow(PulledRow *row, int depth) const;
    bool shapeConflict(PulledRow *row, int depth) const;
    bool seesRequestOf(const QString &opdId) const;
    /** The hub's copy of a row (the given columns), empty when the hub has none. */
    QVariantMap hubRow(const QString &table, const QString &id, const QStringList &columns) const;
    QString requestOpd(const QString &requestId, bool *found) const;

    Actor m_actor;
    Database *m_db;
};

} // namespace Humas
