#include "agenda/agendaservice.h"

#include "agenda/conflictindex.h"
#include "agenda/freeslotfinder.h"
#include "agenda/venueresolver.h"
#include "common/clock.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "store/database.h"

namespace Humas {

AgendaService::AgendaService(Database &db, Actor actor)
    : m_db(db), m_actor(std::move(actor)), m_repository(db, m_actor)
{
}

AgendaService::SaveResult AgendaService::save(const EventRecord &started, const EventRecord &edited,
                                              const NewVenue &venue, const ConfirmClashes &confirm)
{
    SaveResult result;
    EventRecord draft = edited;
    if (started.isValid())
        draft.id = started.id;
    // A venue typed by name that exists already is simply chosen; only a new one is added at write time.
    if (!venue.isEmpty())
        draft.venueId = VenueResolver(m_db, m_actor).find(venue.name.trimmed(), venue.kecamatanId);
    // Validated before anyone is asked about clashes: a draft that cannot be stored is refused first.
    if (!m_repository.validate(&draft, &result.error))
        return result;
    const QList<Conflict> clashes = conflictsFor(draft, draft.venueId.isEmpty() ? venue.kecamatanId : QString());
    if (!clashes.isEmpty() && confirm && !confirm(clashes)) {
        result.outcome = Outcome::Declined;
        return result;
    }
    if (write(started, &draft, venue, &result))
        result.outcome = Outcome::Saved;
    return result;
}

bool AgendaService::write(const EventRecord &started, EventRecord *draft, const NewVenue &venue, SaveResult *result)
{
    // A new venue and the event are stored together or not at all.
    Transaction transaction(m_db, &result->error);
    if (!transaction.isActive())
        return false;
    if (!venue.isEmpty() && draft->venueId.isEmpty() &&
        !VenueResolver(m_db, m_actor)
             .resolve(venue.name, venue.kecamatanId, &draft->venueId, &result->venueAdded, &result->error))
        return false;
    EventChange change;
    if (started.isValid()) {
        result->before = m_repository.get(started.id);
        if (!m_repository.update(started, *draft, &result->error, &change.patch, &result->stale))
            return false;
        change.kind = EventChange::Kind::Edit;
    } else {
        if (!m_repository.addValidated(draft, &m_db.writer(), &result->error))
            return false;
        change.kind = EventChange::Kind::Add;
    }
    if (!transaction.commit(&result->error))
        return false;
    change.id = draft->id;
    change.title = draft->title;
    result->change = change;
    result->after = m_repository.get(draft->id);
    return true;
}

AgendaService::SaveResult AgendaService::move(const EventRecord &started, const QDateTime &startUtc,
                                              const QDateTime &endUtc, const ConfirmClashes &confirm)
{
    EventRecord moved = started;
    moved.allDay = false;
    moved.start = startUtc.toUTC();
    moved.end = endUtc.toUTC();
    SaveResult result = save(started, moved, {}, confirm);
    result.change.kind = EventChange::Kind::Move;
    return result;
}

bool AgendaService::remove(const EventRecord &event, EventChange *change, QString *error)
{
    if (!m_repository.remove(event.id, error))
        return false;
    if (change)
        *change = EventChange{EventChange::Kind::Delete, event.id, event.title, {}};
    return true;
}

bool AgendaService::undo(const EventChange &change, QString *error)
{
    switch (change.kind) {
    case EventChange::Kind::Add:
        return m_repository.remove(change.id, error);
    case EventChange::Kind::Delete:
        return m_repository.restore(change.id, error);
    case EventChange::Kind::Edit:
    case EventChange::Kind::Move:
        // Back to what the fields held, only where they still hold what this change wrote.
        return m_repository.applyPatch(change.id, change.patch.after, change.patch.before, error);
    }
    return false;
}

bool AgendaService::redo(const EventChange &change, QString *error)
{
    switch (change.kind) {
    case EventChange::Kind::Add:
        return m_repository.restore(change.id, error);
    case EventChange::Kind::Delete:
        return m_repository.remove(change.id, error);
    case EventChange::Kind::Edit:
    case EventChange::Kind::Move:
        return m_repository.applyPatch(change.id, change.patch.before, change.patch.after, error);
    }
    return false;
}

bool AgendaService::addValidated(EventRecord *event, const NewVenue &venue, bool *venueAdded, QString *error,
                                 bool *venueRefused)
{
    if (venueRefused)
        *venueRefused = false;
    if (venue.isEmpty())
        return m_repository.addValidated(event, &m_db.writer(), error);
    Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    if (!VenueResolver(m_db, m_actor).resolve(venue.name, venue.kecamatanId, &event->venueId, venueAdded, error)) {
        if (venueRefused)
            *venueRefused = true;
        return false;
    }
    return m_repository.addValidated(event, &m_db.writer(), error) && transaction.commit(error);
}

QList<Conflict> AgendaService::conflictsFor(const EventRecord &draft, const QString &kecamatanId) const
{
    if (!draft.start.isValid() || !draft.end.isValid())
        return {};
    QString kecamatan = kecamatanId;
    if (kecamatan.isEmpty() && !draft.venueId.isEmpty())
        kecamatan = VenueRepository(m_db, m_actor).get(draft.venueId).text(QStringLiteral("kecamatan_id"));
    const EventSpan span = m_repository.spanOf(draft, kecamatan);
    const TravelPolicy policy = m_repository.travelPolicy();
    // A travel clash reaches at most the longest travel time beyond the draft.
    const qint64 reachSecs = qint64(policy.maxMinutes()) * 60;
    const QList<EventSpan> around =
        m_repository.spansBetween(QDateTime::fromMSecsSinceEpoch(span.startMs(), Qt::UTC).addSecs(-reachSecs),
                                  QDateTime::fromMSecsSinceEpoch(span.endMs(), Qt::UTC).addSecs(reachSecs));
    return ConflictIndex(around, policy).conflictsFor(span);
}

QList<QDate> AgendaService::holidaysBetween(const QDate &from, const QDate &to) const
{
    const bool cutiBersamaWorks = AppSettings(m_db, m_actor).cutiBersamaIsWorkingDay();
    QList<QDate> dates;
    for (const Record &r : HolidayRepository(m_db, m_actor).list()) {
        const QDate date = QDate::fromString(r.text(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid() || date < from || date > to)
            continue;
        if (cutiBersamaWorks && r.text(QStringLiteral("kind")) == QLatin1String("cuti_bersama"))
            continue;
        dates << date;
    }
    return dates;
}

AgendaService::FreeSlots AgendaService::freeSlots(const FreeSlotQuery &query) const
{
    FreeSlots result;
    result.durationMinutes = qMax(1, query.durationMinutes);
    const QDateTime now = Clock::instance()->nowUtc();
    const QDate today = m_repository.utcToLocal(now).date();
    QDate from = query.fromDate.isValid() ? query.fromDate : today.addDays(1);
    if (from < today)
        from = today.addDays(1);
    const QDate to = from.addDays(qMax(1, query.days) - 1);
    result.from = from;
    result.to = to;
    if (query.officials.isEmpty())
        return result;

    // The stored events around the searched days; travel clashes reach a day further at most.
    const ConflictIndex index(m_repository.spansBetween(m_repository.localToUtc(from.addDays(-1), QTime(0, 0)),
                                                        m_repository.localToUtc(to.addDays(2), QTime(0, 0))),
                              m_repository.travelPolicy());
    FreeSlotFinder finder(index, m_repository.utcOffsetSeconds());
    finder.setExcludedDates(holidaysBetween(from, to));
    const AppSettings settings(m_db, m_actor);
    finder.setWorkingHours(settings.workStart(), settings.workEnd());

    FreeSlotFinder::Request request;
    request.officials = query.officials;
    request.durationMinutes = result.durationMinutes;
    request.fromDate = from;
    request.toDate = to;
    request.maxCount = query.maxCount;
    request.venueId = query.venueId;
    request.kecamatanId = query.kecamatanId;
    request.excludedEventId = query.excludedEventId;
    request.notBeforeMs = now.toMSecsSinceEpoch();
    for (const qint64 ms : finder.findSlots(request))
        result.starts << QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return result;
}

} // namespace Humas
