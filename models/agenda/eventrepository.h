#pragma once

#include "agenda/conflict.h"
#include "agenda/eventrecord.h"
#include "agenda/eventspan.h"
#include "agenda/travelpolicy.h"
#include "auth/role.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

class QSqlQuery;

namespace Humas {

class ChangeWriter;
class Database;
struct StaleField;

/**
 * The fields one write changed, in their stored form (column → value): what they held before
 * and what they hold after. An undo writes @c before against @c after, a redo the reverse.
 */
struct EventPatch
{
    QString id;
    QVariantMap before;
    QVariantMap after;
    bool isEmpty() const { return after.isEmpty(); }
};

/**
 * Reads and writes agenda events (the `events` table) for one actor.
 *
 * Every write is validated (title, start before end, at least one official, the officials,
 * venue, OPD and attachment exist), checked against the actor's role and goes through
 * ChangeWriter (row + outbox in one transaction); a refused write changes nothing.
 *
 * Roles: protokol and admin schedule (any OPD, any status, status changes, delegation); the
 * opd role submits and edits events of its own OPD only, and only while they are
 * `diajukan`; pimpinan, ppid and redaksi only read.
 *
 * Local times use the regency's zone (AppSettings::timeZone()); WIB/WITA/WIT have no daylight
 * saving time, so one fixed offset converts every date.
 */
class EventRepository
{
    Q_DECLARE_TR_FUNCTIONS(Humas::EventRepository)
public:
    EventRepository(Database &db, Actor actor);

    const Actor &actor() const { return m_actor; }
    /** Whether the actor's role may add or change events at all. */
    bool canWrite() const;
    /** Whether the actor may schedule: change status, delegate, write for any OPD. */
    bool canSchedule() const;

    /** The regency's offset east of UTC in seconds (WITA: 28800). */
    int utcOffsetSeconds() const { return m_offsetSeconds; }
    /** The UTC instant of a local date and time in the regency's zone. */
    QDateTime localToUtc(const QDate &date, const QTime &time) const;
    /** A UTC instant as the regency's local date and time (a Qt::OffsetFromUTC QDateTime). */
    QDateTime utcToLocal(const QDateTime &utc) const;

    /**
     * Validates and stores a new event; fills in its id, rev and, for an all-day event, its
     * UTC span. Empty officialsAttending means "as requested".
     */
    bool add(EventRecord *event, QString *error);
    /**
     * The checks of add() without writing: role, fields, officials, venue and OPD. Normalises
     * @p event as add() would store it. Lets a batch (an .ics import) check every event before
     * it takes the write lock.
     */
    bool validate(EventRecord *event, QString *error) const;
    /**
     * Stores an event validate() accepted, through @p writer: a batch reuses one writer and
     * its prepared statements inside its own transaction. Fills in the id and rev.
     */
    bool addValidated(EventRecord *event, ChangeWriter *writer, QString *error);
    /**
     * A user's edit of an existing event, as a patch: only the fields in which @p edited
     * differs from @p started (the event as the user began from it) are written, each only
     * if it still holds its started value (ChangeWriter::patch). A field changed underneath
     * is refused, nothing is written, @p stale (may be null) lists it and @p error names both
     * values. The resulting event is validated as a whole; a status change must be allowed.
     * @p applied (may be null) receives the fields written, for undo. No change writes nothing.
     */
    bool update(const EventRecord &started, const EventRecord &edited, QString *error, EventPatch *applied = nullptr,
                QList<StaleField> *stale = nullptr);
    /**
     * Writes @p values (stored form, column → value) to event @p id, each only if it still
     * holds its value in @p started; the same checks as update(). Undo and redo use it.
     */
    bool applyPatch(const QString &id, const QVariantMap &started, const QVariantMap &values, QString *error,
                    QList<StaleField> *stale = nullptr);
    /** The stored form of every writable field of @p event (column → value). */
    static QVariantMap fieldValues(const EventRecord &event);
    /** The translated name of an events column ("notes" → "Notes"), for messages. */
    static QString fieldLabel(const QString &column);
    /** Moves an event along its life cycle (EventStatus::canTransition). The same status is a no-op. */
    bool setStatus(const QString &id, EventSpan::Status status, QString *error);
    /**
     * Delegation (diwakilkan): @p representativeOfficialId attends instead of
     * @p requestedOfficialId. officials_requested keeps the official originally asked for.
     */
    bool delegate(const QString &eventId, const QString &requestedOfficialId, const QString &representativeOfficialId,
                  QString *error);

    /**
     * Deletes an event (a tombstone that sync carries). Schedulers may delete any event, the
     * opd role only its own submissions still `diajukan`. Used to undo an add.
     */
    bool remove(const QString &id, QString *error);
    /** Brings a deleted event back, under the same rules as remove(). Used to undo a delete. */
    bool restore(const QString &id, QString *error);
    /** A live event by id, or an invalid record. */
    EventRecord get(const QString &id) const;
    /** Live events overlapping the half-open UTC range [fromUtc, toUtc), by start. */
    /** On a failed read the list is empty and @p error says why. */
    QList<EventRecord> eventsBetween(const QDateTime &fromUtc, const QDateTime &toUtc, QString *error = nullptr) const;
    /** @p event as a conflict-engine span at a venue in @p kecamatanId. */
    EventSpan spanOf(const EventRecord &event, const QString &kecamatanId) const;
    /** The same events as conflict-engine spans, with their venue's kecamatan. */
    QList<EventSpan> spansBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const;

    /** Travel defaults overridden by the travel_times matrix. */
    TravelPolicy travelPolicy() const;
    /**
     * Every conflict touching the local days @p fromDate..@p toDate (inclusive): at least one
     * of its two events overlaps those days. Events just outside the range are considered for
     * travel clashes.
     */
    QList<Conflict> conflictsBetween(const QDate &fromDate, const QDate &toDate) const;

private:
    bool refuseUnlessWriter(QString *error) const;
    QString staleMessage(QList<StaleField> stale) const;
    bool checkOpdRules(const EventRecord &event, QString *error) const;
    bool normalise(EventRecord *event, QString *error) const;
    bool exists(const QString &table, const QString &id) const;
    QList<EventRecord> query(const QString &where, const QVariantList &binds, QStringList *kecamatan,
                             QString *error = nullptr) const;
    EventRecord fromQuery(const QSqlQuery &q) const;

    Database &m_db;
    Actor m_actor;
    int m_offsetSeconds = 8 * 3600;
};

} // namespace Humas
