#pragma once

#include "agenda/conflict.h"
#include "agenda/eventrecord.h"
#include "agenda/eventrepository.h"
#include "auth/role.h"
#include "store/changewriter.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Humas {

class Database;

/** A venue typed by name (the editor, `events add/update --venue`, an .ics LOCATION), added when missing. */
struct NewVenue
{
    QString name;
    QString kecamatanId;
    bool isEmpty() const { return name.trimmed().isEmpty(); }
};

/** One change the agenda service wrote, with what undo and redo need. */
struct EventChange
{
    enum class Kind { Add, Edit, Move, Delete };
    Kind kind = Kind::Edit;
    QString id;
    QString title;
    EventPatch patch; ///< Edit and Move: the fields written, before and after
};

/**
 * The agenda's orchestration, once for the editor, the agenda page, humasdesk-cli and the
 * .ics importer: "new venue + event in one transaction", "check clashes → the user
 * confirms → write → an undo entry" and the free-slot query. Widgets collect input and show
 * the result; the steps live here.
 *
 * Writes are patches (EventRepository::update): a field a colleague changed underneath is
 * refused with both values, never overwritten. Undo and redo write only the fields the
 * change wrote, against the values it wrote.
 */
class AgendaService
{
    Q_DECLARE_TR_FUNCTIONS(Humas::AgendaService)
public:
    AgendaService(Database &db, Actor actor);

    EventRepository &repository() { return m_repository; }
    const EventRepository &repository() const { return m_repository; }

    /** Asked before a write that clashes; true writes anyway. A null function writes without asking. */
    using ConfirmClashes = std::function<bool(const QList<Conflict> &clashes)>;

    enum class Outcome { Saved, Declined, Refused };
    struct SaveResult
    {
        Outcome outcome = Outcome::Refused;
        QString error;            ///< translated, for Refused
        QList<StaleField> stale;  ///< the fields changed underneath, when that was the refusal
        EventChange change;       ///< for Saved: the undo entry
        EventRecord before;       ///< the stored event before (invalid for a new one)
        EventRecord after;        ///< the stored event after
        bool venueAdded = false;
        bool isSaved() const { return outcome == Outcome::Saved; }
    };

    /**
     * Adds @p edited (when @p started is invalid) or writes the fields in which it differs
     * from @p started. A non-empty @p venue is resolved (added when missing) in the same
     * transaction as the event. The draft is validated first; then, if it would clash,
     * @p confirm decides; then it is written.
     */
    SaveResult save(const EventRecord &started, const EventRecord &edited, const NewVenue &venue,
                    const ConfirmClashes &confirm);
    /** A drag in the time grid: only the times of @p started change (a timed event then). */
    SaveResult move(const EventRecord &started, const QDateTime &startUtc, const QDateTime &endUtc,
                    const ConfirmClashes &confirm);
    /** Deletes (tombstone) @p event; @p change (may be null) receives the undo entry. */
    bool remove(const EventRecord &event, EventChange *change, QString *error);

    /** Undoes @p change: only what it wrote, refused with both values if a colleague changed it since. */
    bool undo(const EventChange &change, QString *error);
    /** Writes @p change again after an undo. */
    bool redo(const EventChange &change, QString *error);

    /**
     * Stores an event EventRepository::validate() accepted and, when @p venue is not empty,
     * its new venue first: both or neither (a savepoint inside a caller's transaction, such
     * as an import's). @p venueAdded (may be null) tells whether a venue was added;
     * @p venueRefused (may be null) whether the venue, not the event, was refused.
     */
    bool addValidated(EventRecord *event, const NewVenue &venue, bool *venueAdded, QString *error,
                      bool *venueRefused = nullptr);

    /** What @p draft would clash with among the stored events (its own stored version ignored). */
    QList<Conflict> conflictsFor(const EventRecord &draft, const QString &kecamatanId = {}) const;

    /** "Find free time": what to look for. */
    struct FreeSlotQuery
    {
        QStringList officials;
        int durationMinutes = 60;
        QDate fromDate; ///< first day searched; not before tomorrow when it lies before today
        int days = 14;
        int maxCount = 5;
        QString venueId;
        QString kecamatanId;
        QString excludedEventId;
    };
    struct FreeSlots
    {
        QDate from;
        QDate to;
        int durationMinutes = 60;
        QList<QDateTime> starts; ///< UTC, earliest first
    };
    /** The next free times within working hours, skipping weekends and holidays, not before now (Clock). */
    FreeSlots freeSlots(const FreeSlotQuery &query) const;

private:
    QList<QDate> holidaysBetween(const QDate &from, const QDate &to) const;
    bool write(const EventRecord &started, EventRecord *draft, const NewVenue &venue, SaveResult *result);

    Database &m_db;
    Actor m_actor;
    EventRepository m_repository;
};

} // namespace Humas
