#pragma once

#include "auth/role.h"
#include "ppid/ppidobjection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace Humas {

class ChangeWriter;
class Database;
class WorkingCalendar;
struct PpidRequest;

/**
 * The objection register (`ppid_objections`, UU 14/2008 Pasal 35–37) for one actor.
 *
 * add() takes the next objection number of this desk (RegistrationNumber, series
 * "objection", pattern AppSettings::PpidObjectionNumberPattern) and sets the Atasan's
 * deadline: 30 working days from the filing date. An objection must be filed within 30
 * working days of its cause: the written notice, or the response deadline when no notice
 * was given. update() records the Atasan's decision and date, which starts the 14 working
 * days for a Komisi Informasi dispute (disputeDueDate). Number, request and filing time
 * never change. Roles as PpidRequestRepository: ppid and admin write, everyone reads.
 */
class PpidObjectionRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::PpidObjectionRepository)
public:
    PpidObjectionRepository(Database &db, Actor actor);

    bool canWrite() const;

    /** Fills id, rev, number, dueDate (and filedAt = now, filedBy = requester when empty). */
    bool add(PpidObjection *objection, QString *error);
    /** Saves the editable fields; computes disputeDueDate from atasanDecisionDate. */
    bool update(const PpidObjection &objection, QString *error);

    PpidObjection get(const QString &id) const;
    PpidObjection getByNumber(const QString &number) const;
    /** The objections against one request, by filing time. */
    QList<PpidObjection> listForRequest(const QString &requestId) const;
    /** Objections filed in [from, to] (local dates, inclusive; open ends when invalid), by filing time. */
    QList<PpidObjection> list(const QDate &from = {}, const QDate &to = {}) const;

    /** The last day to object to @p request: 30 working days after its notice (or its due date). */
    QDate filingDeadline(const PpidRequest &request) const;

    /** Atasan's decision codes: "dikabulkan", "dikabulkan_sebagian", "ditolak" (of the objection). */
    static QStringList decisions();
    static QString decisionName(const QString &code);
    /** Komisi Informasi stages: "diajukan", "mediasi", "ajudikasi", "putusan" ("" = none). */
    static QStringList disputeStages();
    static QString disputeStageName(const QString &code);

    /**
     * Recomputes the Atasan deadlines of undecided objections and the dispute deadlines of
     * decided ones not yet taken to the Komisi Informasi, inside the caller's transaction.
     * Returns how many rows changed, or -1.
     */
    int recomputeDeadlines(ChangeWriter &writer, const WorkingCalendar &calendar, QString *error,
                           const QString &onlySiteId = {});

private:
    bool validate(PpidObjection *objection, bool isNew, QString *error) const;
    QList<PpidObjection> query(const QString &where, const QVariantList &binds) const;

    Database &m_db;
    Actor m_actor;
};

} // namespace Humas
