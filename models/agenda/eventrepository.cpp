#include "agenda/eventrepository.h"

#include "agenda/conflictdetector.h"
#include "agenda/eventstatus.h"
#include "common/logging.h"
#include "common/textrules.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"
#include "store/blobstore.h"
#include "store/changewriter.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

namespace Humas {

namespace {

const QString Table = QStringLiteral("events");

const QString SelectColumns =
    QStringLiteral("SELECT e.id, e.rev, e.title, e.opd_id, e.pic_name, e.pic_phone, e.letter_number, e.letter_date, "
                   "e.letter_blob, e.officials_requested, e.officials_attending, e.venue_id, e.starts_at, e.ends_at, "
                   "e.all_day, e.status, e.dress_code, e.speech_needed, e.staff, e.is_public, e.notes, v.kecamatan_id "
                   "FROM events e LEFT JOIN venues v ON v.id = e.venue_id AND v.deleted = 0 ");

QString isoUtc(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

QString jsonList(const QStringList &ids)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact));
}

QStringList listFromJson(const QString &text)
{
    QStringList ids;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array)
        ids << v.toString();
    return ids;
}

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

/** Text for a NOT NULL column: the SQL driver binds a null QString as NULL. */
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariantMap toValues(const EventRecord &e)
{
    return {
        {QStringLiteral("title"), text(e.title)},
        {QStringLiteral("opd_id"), nullable(e.opdId)},
        {QStringLiteral("pic_name"), text(e.picName)},
        {QStringLiteral("pic_phone"), text(e.picPhone)},
        {QStringLiteral("letter_number"), text(e.letterNumber)},
        {QStringLiteral("letter_date"),
         e.letterDate.isValid() ? QVariant(e.letterDate.toString(Qt::ISODate)) : QVariant()},
        {QStringLiteral("letter_blob"), nullable(e.letterBlob)},
        {QStringLiteral("officials_requested"), jsonList(e.officialsRequested)},
        {QStringLiteral("officials_attending"), jsonList(e.officialsAttending)},
        {QStringLiteral("venue_id"), nullable(e.venueId)},
        {QStringLiteral("starts_at"), isoUtc(e.start)},
        {QStringLiteral("ends_at"), isoUtc(e.end)},
        {QStringLiteral("all_day"), e.allDay ? 1 : 0},
        {QStringLiteral("status"), EventStatus::code(e.status)},
        {QStringLiteral("dress_code"), text(e.dressCode)},
        {QStringLiteral("speech_needed"), e.speechNeeded ? 1 : 0},
        {QStringLiteral("staff"), text(e.staff)},
        {QStringLiteral("is_public"), e.isPublic ? 1 : 0},
        {QStringLiteral("notes"), text(e.notes)},
    };
}

} // namespace

EventRepository::EventRepository(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor))
{
    const QTimeZone zone = AppSettings(m_db, m_actor).timeZone();
    // Any instant gives the same offset: the Indonesian zones have had no DST for decades.
    m_offsetSeconds = zone.offsetFromUtc(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC));
}

bool EventRepository::canWrite() const
{
    return canSchedule() || m_actor.role == Role::Opd;
}

bool EventRepository::canSchedule() const
{
    return m_actor.role == Role::Admin || m_actor.role == Role::Protokol;
}

QDateTime EventRepository::localToUtc(const QDate &date, const QTime &time) const
{
    return QDateTime(date, time, Qt::UTC).addSecs(-m_offsetSeconds);
}

QDateTime EventRepository::utcToLocal(const QDateTime &utc) const
{
    return utc.toOffsetFromUtc(m_offsetSeconds);
}

bool EventRepository::refuseUnlessWriter(QString *error) const
{
    if (canWrite())
        return false;
    if (error)
        *error = tr("Your role (%1) may not change the agenda.").arg(Roles::displayName(m_actor.role));
    return true;
}

bool EventRepository::checkOpdRules(const EventRecord &event, QString *error) const
{
    if (canSchedule())
        return true;
    if (m_actor.opdId.isEmpty() || event.opdId != m_actor.opdId) {
        if (error)
            *error = tr("An OPD account may only submit events of its own OPD.");
        return false;
    }
    if (event.status != EventSpan::Status::Diajukan) {
        if (error)
            *error = tr("An OPD account may only submit events; protokol schedules them.");
        return false;
    }
    return true;
}

bool EventRepository::normalise(EventRecord *e, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    e->title = e->title.trimmed();
    if (e->title.isEmpty())
        return fail(tr("An event needs a title."));
    using L = TextRules::Lines;
    if (!TextRules::checkAll({{e->title, tr("The title"), TextRules::NameLength, L::Single},
                              {e->picName, tr("The PIC's name"), TextRules::NameLength, L::Single},
                              {e->picPhone, tr("The PIC's phone"), TextRules::CodeLength, L::Single},
                              {e->letterNumber, tr("The invitation letter number"), TextRules::NameLength, L::Single},
                              {e->dressCode, tr("The dress code"), TextRules::CodeLength, L::Single},
                              {e->staff, tr("The staff assigned"), TextRules::AddressLength, L::Multi},
                              {e->notes, tr("The notes"), TextRules::NoteLength, L::Multi}},
                             error))
        return false;
    if (e->allDay) {
        if (!e->firstDate.isValid())
            return fail(tr("An all-day event needs its first day."));
        if (!e->lastDate.isValid())
            e->lastDate = e->firstDate;
        if (e->lastDate < e->firstDate)
            return fail(tr("The last day of an all-day event cannot be before its first day."));
        e->start = localToUtc(e->firstDate, QTime(0, 0));
        e->end = localToUtc(e->lastDate.addDays(1), QTime(0, 0));
    } else {
        e->firstDate = {};
        e->lastDate = {};
        if (!e->start.isValid() || !e->end.isValid())
            return fail(tr("An event needs a start and an end."));
        e->start = e->start.toUTC();
        e->end = e->end.toUTC();
        if (e->end <= e->start)
            return fail(tr("The end of an event must be after its start."));
    }
    e->officialsRequested.removeDuplicates();
    e->officialsAttending.removeDuplicates();
    if (e->officialsRequested.isEmpty())
        return fail(tr("An event needs at least one official."));
    for (const QString &id : e->officialsRequested + e->officialsAttending) {
        if (!exists(QStringLiteral("officials"), id))
            return fail(tr("Unknown official \"%1\".").arg(id));
    }
    if (!e->venueId.isEmpty() && !exists(QStringLiteral("venues"), e->venueId))
        return fail(tr("Unknown venue \"%1\".").arg(e->venueId));
    if (!e->opdId.isEmpty() && !exists(QStringLiteral("opd"), e->opdId))
        return fail(tr("Unknown OPD \"%1\".").arg(e->opdId));
    if (!e->letterBlob.isEmpty() && !BlobStore(m_db).contains(e->letterBlob))
        return fail(tr("The invitation scan is not in the attachment store."));
    return true;
}

bool EventRepository::add(EventRecord *event, QString *error)
{
    EventRecord e = *event;
    if (!validate(&e, error))
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!addValidated(&e, &writer, error))
        return false;
    *event = e;
    return true;
}

bool EventRepository::validate(EventRecord *event, QString *error) const
{
    return !refuseUnlessWriter(error) && normalise(event, error) && checkOpdRules(*event, error);
}

bool EventRepository::addValidated(EventRecord *event, ChangeWriter *writer, QString *error)
{
    QString id;
    if (!writer->insert(m_actor.userId, Table, toValues(*event), &id, error))
        return false;
    event->id = id;
    event->rev = 1;
    return true;
}

bool EventRepository::update(const EventRecord &started, const EventRecord &edited, QString *error,
                             EventPatch *applied, QList<StaleField> *stale)
{
    if (refuseUnlessWriter(error))
        return false;
    if (!edited.isValid() || started.id != edited.id) {
        if (error)
            *error = tr("The event no longer exists.");
        return false;
    }
    EventRecord e = edited;
    if (!normalise(&e, error))
        return false;
    // Only what the user changed is written; the other fields keep what they hold now,
    // whoever wrote it since the user began.
    const QVariantMap from = fieldValues(started);
    const QVariantMap to = fieldValues(e);
    QVariantMap startedValues;
    QVariantMap values;
    for (auto it = to.cbegin(); it != to.cend(); ++it) {
        if (!ChangeWriter::sameValue(ChangeWriter::storageValue(from.value(it.key())), it.value())) {
            startedValues.insert(it.key(), from.value(it.key()));
            values.insert(it.key(), it.value());
        }
    }
    if (!applyPatch(e.id, startedValues, values, error, stale))
        return false;
    if (applied)
        *applied = EventPatch{e.id, startedValues, values};
    return true;
}

bool EventRepository::applyPatch(const QString &id, const QVariantMap &started, const QVariantMap &values,
                                 QString *error, QList<StaleField> *stale)
{
    if (refuseUnlessWriter(error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    const EventRecord current = get(id);
    if (!current.isValid())
        return fail(tr("The event no longer exists."));
    // An OPD may touch only its own submissions that protokol has not taken up yet.
    if (!checkOpdRules(current, error))
        return false;
    if (values.isEmpty())
        return tx.commit(error);
    QList<StaleField> changed;
    QString message;
    if (!m_db.writer().patch(m_actor.userId, Table, id, started, values, &message, &changed)) {
        if (!changed.isEmpty()) {
            message = staleMessage(changed);
            if (stale)
                *stale = changed;
        }
        return fail(message);
    }
    // The event as it now stands (the patch over what others wrote) must still be valid.
    EventRecord after = get(id);
    if (!after.isValid() || !normalise(&after, error) || !checkOpdRules(after, error))
        return false;
    if (after.status != current.status && !EventStatus::canTransition(current.status, after.status))
        return fail(EventStatus::transitionError(current.status, after.status));
    return tx.commit(error);
}

QString EventRepository::staleMessage(QList<StaleField> stale) const
{
    // Users read field names and local times, not columns and UTC instants.
    const auto shown = [this](const QString &column, const QVariant &value) {
        if ((column == QLatin1String("starts_at") || column == QLatin1String("ends_at")) && !value.isNull()) {
            const QDateTime utc = QDateTime::fromString(value.toString(), Qt::ISODate);
            if (utc.isValid())
                return QVariant(utcToLocal(utc).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        }
        return value;
    };
    for (StaleField &f : stale) {
        f.started = shown(f.field, f.started);
        f.current = shown(f.field, f.current);
        f.mine = shown(f.field, f.mine);
        f.field = fieldLabel(f.field);
    }
    return ChangeWriter::staleMessage(stale);
}

QVariantMap EventRepository::fieldValues(const EventRecord &event)
{
    return toValues(event);
}

QString EventRepository::fieldLabel(const QString &column)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("opd_id"), QT_TR_NOOP("Organiser")},
        {QStringLiteral("pic_name"), QT_TR_NOOP("PIC name")},
        {QStringLiteral("pic_phone"), QT_TR_NOOP("PIC phone")},
        {QStringLiteral("letter_number"), QT_TR_NOOP("Letter number")},
        {QStringLiteral("letter_date"), QT_TR_NOOP("Letter date")},
        {QStringLiteral("letter_blob"), QT_TR_NOOP("Invitation scan")},
        {QStringLiteral("officials_requested"), QT_TR_NOOP("Officials requested")},
        {QStringLiteral("officials_attending"), QT_TR_NOOP("Officials attending")},
        {QStringLiteral("venue_id"), QT_TR_NOOP("Venue")},
        {QStringLiteral("starts_at"), QT_TR_NOOP("Start")},
        {QStringLiteral("ends_at"), QT_TR_NOOP("End")},
        {QStringLiteral("all_day"), QT_TR_NOOP("All day")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("dress_code"), QT_TR_NOOP("Dress code")},
        {QStringLiteral("speech_needed"), QT_TR_NOOP("Speech needed")},
        {QStringLiteral("staff"), QT_TR_NOOP("Staff")},
        {QStringLiteral("is_public"), QT_TR_NOOP("Public")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
    };
    const char *label = labels.value(column);
    return label ? tr(label) : column;
}

bool EventRepository::setStatus(const QString &id, EventSpan::Status status, QString *error)
{
    if (refuseUnlessWriter(error))
        return false;
    if (!canSchedule()) {
        if (error)
            *error = tr("Only protokol and admin may change the status of an event.");
        return false;
    }
    const EventRecord current = get(id);
    if (!current.isValid()) {
        if (error)
            *error = tr("The event no longer exists.");
        return false;
    }
    if (current.status == status)
        return true;
    if (!EventStatus::canTransition(current.status, status)) {
        if (error)
            *error = EventStatus::transitionError(current.status, status);
        return false;
    }
    const QString field = QStringLiteral("status");
    return applyPatch(id, {{field, EventStatus::code(current.status)}}, {{field, EventStatus::code(status)}}, error);
}

bool EventRepository::delegate(const QString &eventId, const QString &requestedOfficialId,
                               const QString &representativeOfficialId, QString *error)
{
    if (refuseUnlessWriter(error))
        return false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!canSchedule())
        return fail(tr("Only protokol and admin may delegate an event."));
    const EventRecord current = get(eventId);
    if (!current.isValid())
        return fail(tr("The event no longer exists."));
    if (!exists(QStringLiteral("officials"), representativeOfficialId))
        return fail(tr("Unknown official \"%1\".").arg(representativeOfficialId));
    QStringList attending = current.attending();
    const qsizetype index = attending.indexOf(requestedOfficialId);
    if (index < 0)
        return fail(tr("The official to be represented does not attend this event."));
    if (attending.contains(representativeOfficialId))
        attending.removeAt(index);
    else
        attending[index] = representativeOfficialId;
    // Only the attending officials, against the list this delegation started from.
    const QString field = QStringLiteral("officials_attending");
    return applyPatch(eventId, {{field, jsonList(current.officialsAttending)}}, {{field, jsonList(attending)}}, error);
}

bool EventRepository::remove(const QString &id, QString *error)
{
    if (refuseUnlessWriter(error))
        return false;
    const EventRecord current = get(id);
    if (!current.isValid()) {
        if (error)
            *error = tr("The event no longer exists.");
        return false;
    }
    if (!checkOpdRules(current, error))
        return false;
    ChangeWriter &writer = m_db.writer();
    return writer.remove(m_actor.userId, Table, id, error);
}

bool EventRepository::restore(const QString &id, QString *error)
{
    if (refuseUnlessWriter(error))
        return false;
    // The row's OPD is known only once it is live again: restore inside a transaction and
    // roll back when the actor may not touch it.
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    ChangeWriter &writer = m_db.writer();
    if (!writer.restore(m_actor.userId, Table, id, error))
        return false;
    const EventRecord restored = get(id);
    if (!restored.isValid() || !checkOpdRules(restored, error)) {
        tx.rollback();
        return false;
    }
    return tx.commit(error);
}

EventRecord EventRepository::get(const QString &id) const
{
    const QList<EventRecord> found = query(QStringLiteral("e.id = ?"), {id}, nullptr);
    return found.isEmpty() ? EventRecord() : found.constFirst();
}

QList<EventRecord> EventRepository::eventsBetween(const QDateTime &fromUtc, const QDateTime &toUtc,
                                                  QString *error) const
{
    return query(QStringLiteral("e.starts_at < ? AND e.ends_at > ?"), {isoUtc(toUtc), isoUtc(fromUtc)}, nullptr, error);
}

QList<EventSpan> EventRepository::spansBetween(const QDateTime &fromUtc, const QDateTime &toUtc) const
{
    QStringList kecamatan;
    const QList<EventRecord> events =
        query(QStringLiteral("e.starts_at < ? AND e.ends_at > ?"), {isoUtc(toUtc), isoUtc(fromUtc)}, &kecamatan);
    QList<EventSpan> spans;
    spans.reserve(events.size());
    for (qsizetype i = 0; i < events.size(); ++i)
        spans.append(spanOf(events.at(i), kecamatan.value(i)));
    return spans;
}

EventSpan EventRepository::spanOf(const EventRecord &e, const QString &kecamatanId) const
{
    EventSpan span = e.allDay ? EventSpan::allDay(e.id, e.firstDate, e.lastDate, m_offsetSeconds)
                              : EventSpan::timed(e.id, e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch());
    span.setStatus(e.status);
    span.setAttendingOfficials(e.attending());
    span.setVenueId(e.venueId);
    span.setKecamatanId(kecamatanId);
    return span;
}

TravelPolicy EventRepository::travelPolicy() const
{
    TravelPolicy policy;
    const TravelTimeRepository repository(m_db, m_actor);
    for (const Record &r : repository.list()) {
        policy.setMinutes(r.text(QStringLiteral("kecamatan_a")), r.text(QStringLiteral("kecamatan_b")),
                          r.values.value(QStringLiteral("minutes")).toInt());
    }
    return policy;
}

QList<Conflict> EventRepository::conflictsBetween(const QDate &fromDate, const QDate &toDate) const
{
    const TravelPolicy policy = travelPolicy();
    const QDateTime rangeStart = localToUtc(fromDate, QTime(0, 0));
    const QDateTime rangeEnd = localToUtc(toDate.addDays(1), QTime(0, 0));
    // Travel clashes reach across the range's edges by at most the longest travel time.
    const qint64 margin = qint64(policy.maxMinutes()) * 60;
    const QList<EventSpan> spans = spansBetween(rangeStart.addSecs(-margin), rangeEnd.addSecs(margin));
    QHash<QString, bool> inside;
    const qint64 startMs = rangeStart.toMSecsSinceEpoch();
    const qint64 endMs = rangeEnd.toMSecsSinceEpoch();
    for (const EventSpan &s : spans)
        inside.insert(s.id(), s.startMs() < endMs && startMs < s.endMs());
    QList<Conflict> result;
    for (const Conflict &c : ConflictDetector::findConflicts(spans, policy)) {
        if (inside.value(c.first) || inside.value(c.second))
            result.append(c);
    }
    return result;
}

bool EventRepository::exists(const QString &table, const QString &id) const
{
    if (id.isEmpty())
        return false;
    // @p table is one of our own constant names, never user input.
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = ? AND deleted = 0"));
    q.addBindValue(id);
    return q.exec() && q.next();
}

QList<EventRecord> EventRepository::query(const QString &where, const QVariantList &binds, QStringList *kecamatan,
                                          QString *error) const
{
    QList<EventRecord> events;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const bool ok = q.prepare(SelectColumns + QStringLiteral("WHERE e.deleted = 0 AND ") + where +
                              QStringLiteral(" ORDER BY e.starts_at, e.id"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!ok || !q.exec()) {
        if (error)
            *error = tr("The events cannot be read: %1").arg(q.lastError().text().trimmed());
        qCWarning(lcModels) << "event query failed:" << q.lastError().text();
        return events;
    }
    while (q.next()) {
        events.append(fromQuery(q));
        if (kecamatan)
            kecamatan->append(q.value(21).toString());
    }
    return events;
}

EventRecord EventRepository::fromQuery(const QSqlQuery &q) const
{
    EventRecord e;
    e.id = q.value(0).toString();
    e.rev = q.value(1).toInt();
    e.title = q.value(2).toString();
    e.opdId = q.value(3).toString();
    e.picName = q.value(4).toString();
    e.picPhone = q.value(5).toString();
    e.letterNumber = q.value(6).toString();
    e.letterDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    e.letterBlob = q.value(8).toString();
    e.officialsRequested = listFromJson(q.value(9).toString());
    e.officialsAttending = listFromJson(q.value(10).toString());
    e.venueId = q.value(11).toString();
    e.start = QDateTime::fromString(q.value(12).toString(), Qt::ISODate).toUTC();
    e.end = QDateTime::fromString(q.value(13).toString(), Qt::ISODate).toUTC();
    e.allDay = q.value(14).toInt() != 0;
    if (e.allDay) {
        e.firstDate = utcToLocal(e.start).date();
        e.lastDate = utcToLocal(e.end).date().addDays(-1);
    }
    if (!EventStatus::fromCode(q.value(15).toString(), &e.status))
        e.status = EventSpan::Status::Diajukan;
    e.dressCode = q.value(16).toString();
    e.speechNeeded = q.value(17).toInt() != 0;
    e.staff = q.value(18).toString();
    e.isPublic = q.value(19).toInt() != 0;
    e.notes = q.value(20).toString();
    return e;
}

} // namespace Humas
