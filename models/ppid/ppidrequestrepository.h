#pragma once

#include "auth/role.h"
#include "ppid/ppidrequest.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Humas {

class Database;
class WorkingCalendar;

/**
 * Reads and writes the request register (`ppid_requests`) and its status history for one
 * actor. Every write is validated and goes through ChangeWriter (row + outbox in one
 * transaction); a refused write changes nothing and gives a translated message.
 *
 * Roles: ppid and admin register and decide; every other role reads, with personal data
 * masked (PersonalData). Today comes from Clock::instance() in the regency's zone.
 */
class PpidRequestRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidRequestRepository)
public:
    PpidRequestRepository(Database &db, Actor actor);

    bool canWrite() const;
    bool canSeePersonalData() const;

    /**
     * Registers a new request: validates (name, information, channel; NIK 16 digits with a
     * plausible birth date for a person; phone; email), takes the next registration number
     * of this desk and year, computes the due date (10 working days), records the first
     * history entry. Fills id, rev, regNumber and dueDate of @p request.
     */
    bool add(PpidRequest *request, QString *error);
    /** Saves the editable fields; the registration number and received time never change. */
    bool update(const PpidRequest &request, QString *error);
    /**
     * Moves a request along the status flow (Ppid::canTransition), recording who, when and
     * @p note. A decision needs its reasons (Pasal 17 letter and consequence test for a
     * Pasal 17 refusal, what was withheld for a partial grant, the holder for "not held").
     */
    bool setStatus(const PpidRequest &request, Ppid::Status status, const QString &note, QString *error);
    /** The one extension (+7 working days): a written reason, only once, only before the due date. */
    bool extend(const QString &id, const QString &reason, QString *error);

    /** A live request by id (personal data masked unless canSeePersonalData()), or invalid. */
    PpidRequest get(const QString &id) const;
    /** A live request by registration number, or invalid. */
    PpidRequest getByNumber(const QString &regNumber) const;
    /** Every live request received in [from, to] (local dates, inclusive), by received time; masked as get(). */
    /** Requests received in [@p from, @p to]; on a failed read, empty with @p error set. */
    QList<PpidRequest> list(const QDate &from = {}, const QDate &to = {}, QString *error = nullptr) const;
    QList<PpidStatusChange> history(const QString &id) const;

    /**
     * Recomputes the due dates of open requests and objections with @p calendar (after the
     * holidays changed); returns how many changed, or -1 with @p error. With @p onlySiteId,
     * only rows whose site_id is that site (after a sync pull: the desk that owns a request
     * writes its recompute history, so no duplicates arrive from other PCs).
     */
    int recomputeDeadlines(const WorkingCalendar &calendar, QString *error, const QString &onlySiteId = {});

private:
    Database &m_db;
    Actor m_actor;
};

} // namespace Humas
