#include "agenda/agendamodel.h"

#include "agenda/conflictdetector.h"
#include "agenda/eventstatus.h"
#include "common/datetext.h"
#include "master/referencerepositories.h"
#include "reports/agendareportitem.h"
#include "settings/appsettings.h"
#include "store/changefeed.h"
#include "store/database.h"

#include <QSet>

#include <algorithm>

namespace Humas {

namespace {

QString text(const Record &r, const char *field)
{
    return r.text(QLatin1String(field));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// AgendaDirectory

AgendaDirectory AgendaDirectory::load(Database &db)
{
    AgendaDirectory d;
    const Actor reader = Actor::system();
    QList<Record> officials = OfficialRepository(db, reader).list();
    std::stable_sort(officials.begin(), officials.end(), [](const Record &a, const Record &b) {
        const int sa = a.values.value(QStringLiteral("sort_order")).toInt();
        const int sb = b.values.value(QStringLiteral("sort_order")).toInt();
        return sa != sb ? sa < sb : text(a, "code") < text(b, "code");
    });
    for (const Record &r : officials)
        d.officials.append({r.id, text(r, "code"), text(r, "position"), text(r, "name")});
    for (const Record &r : VenueRepository(db, reader).list()) {
        d.venueNames.insert(r.id, text(r, "name"));
        d.venueKecamatan.insert(r.id, text(r, "kecamatan_id"));
    }
    for (const Record &r : KecamatanRepository(db, reader).list())
        d.kecamatanNames.insert(r.id, text(r, "name"));
    for (const Record &r : OpdRepository(db, reader).list()) {
        d.opdNames.insert(r.id, text(r, "name"));
        d.opdCodes.insert(r.id, text(r, "code"));
    }
    return d;
}

int AgendaDirectory::officialIndex(const QString &id) const
{
    for (int i = 0; i < officials.size(); ++i) {
        if (officials.at(i).id == id)
            return i;
    }
    return -1;
}

QString AgendaDirectory::officialPosition(const QString &id) const
{
    const int i = officialIndex(id);
    return i < 0 ? id : officials.at(i).position;
}

QString AgendaDirectory::officialCode(const QString &id) const
{
    const int i = officialIndex(id);
    return i < 0 ? id : officials.at(i).code;
}

QString AgendaDirectory::officialPositions(const QStringList &ids) const
{
    QStringList names;
    names.reserve(ids.size());
    for (const QString &id : ids)
        names.append(officialPosition(id));
    return names.join(QStringLiteral(", "));
}

// ---------------------------------------------------------------------------------------------
// AgendaModel

AgendaModel::AgendaModel(Database &db, const Actor &actor, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_repository(db, actor), m_index(std::make_unique<ConflictIndex>())
{
    connect(db.changeFeed(), &ChangeFeed::committed, this, &AgendaModel::followChanges);
}

AgendaModel::~AgendaModel() = default;

void AgendaModel::setRange(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to < from ? from : to;
    reload();
}

void AgendaModel::reload()
{
    const QList<EventRecord> events = readEvents();
    beginResetModel();
    build(events);
    endResetModel();
    Q_EMIT reloaded();
}

const QStringList &AgendaModel::followedEntities()
{
    static const QStringList entities = {QStringLiteral("events"), QStringLiteral("venues"),
                                         QStringLiteral("officials"), QStringLiteral("kecamatan"),
                                         QStringLiteral("travel_times")};
    return entities;
}

void AgendaModel::followChanges(const ChangeSet &changes)
{
    if (changes.containsAny(followedEntities()))
        refresh();
}

void AgendaModel::refresh()
{
    const QList<EventRecord> events = readEvents();
    QStringList before;
    before.reserve(m_rows.size());
    for (const EventRecord &e : std::as_const(m_rows))
        before.append(e.id);
    if (before.isEmpty() || before != idsInRange(events)) {
        // Rows came or went (or moved in the order): the views rebuild.
        beginResetModel();
        build(events);
        endResetModel();
    } else {
        // The same rows: their fields and clashes may have changed, the views keep selection and scroll.
        build(events);
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    }
    Q_EMIT reloaded();
}

QList<EventRecord> AgendaModel::readEvents() const
{
    if (!m_from.isValid())
        return {};
    // A day on each side: travel clashes reach across the edges (travel times are shorter
    // than a day), and the editor checks drafts near the range without a query.
    const QDateTime rangeStart = m_repository.localToUtc(m_from, QTime(0, 0));
    const QDateTime rangeEnd = m_repository.localToUtc(m_to.addDays(1), QTime(0, 0));
    return m_repository.eventsBetween(rangeStart.addDays(-1), rangeEnd.addDays(1));
}

QStringList AgendaModel::idsInRange(const QList<EventRecord> &events) const
{
    QStringList ids;
    if (!m_from.isValid())
        return ids;
    const qint64 startMs = m_repository.localToUtc(m_from, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 endMs = m_repository.localToUtc(m_to.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    for (const EventRecord &e : events) {
        if (e.start.toMSecsSinceEpoch() < endMs && startMs < e.end.toMSecsSinceEpoch())
            ids.append(e.id);
    }
    return ids;
}

void AgendaModel::build(const QList<EventRecord> &events)
{
    m_directory = AgendaDirectory::load(m_db);
    m_zoneCode = AppSettings(m_db, m_repository.actor()).timeZoneCode();
    m_rows.clear();
    m_rowById.clear();
    m_loaded.clear();
    m_conflicts.clear();
    m_conflictsById.clear();
    const TravelPolicy policy = m_repository.travelPolicy();
    if (!m_from.isValid()) {
        m_index->rebuild({}, policy);
        return;
    }
    const qint64 startMs = m_repository.localToUtc(m_from, QTime(0, 0)).toMSecsSinceEpoch();
    const qint64 endMs = m_repository.localToUtc(m_to.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
    QList<EventSpan> spans;
    spans.reserve(events.size());
    QSet<QString> inside;
    for (const EventRecord &e : events) {
        m_loaded.insert(e.id, e);
        spans.append(m_repository.spanOf(e, m_directory.venueKecamatan.value(e.venueId)));
        if (e.start.toMSecsSinceEpoch() < endMs && startMs < e.end.toMSecsSinceEpoch()) {
            m_rowById.insert(e.id, int(m_rows.size()));
            m_rows.append(e);
            inside.insert(e.id);
        }
    }
    for (const Conflict &c : ConflictDetector::findConflicts(spans, policy)) {
        if (!inside.contains(c.first) && !inside.contains(c.second))
            continue;
        m_conflicts.append(c);
        m_conflictsById[c.first].append(c);
        m_conflictsById[c.second].append(c);
    }
    std::sort(m_conflicts.begin(), m_conflicts.end());
    m_index->rebuild(spans, policy);
}

int AgendaModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgendaModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgendaModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(e, index.column());
    case IdRole:
        return e.id;
    case TitleRole:
        return e.title;
    case StartRole:
        return m_repository.utcToLocal(e.start);
    case EndRole:
        return m_repository.utcToLocal(e.end);
    case StartMsRole:
        return e.start.toMSecsSinceEpoch();
    case EndMsRole:
        return e.end.toMSecsSinceEpoch();
    case AllDayRole:
        return e.allDay;
    case FirstDateRole:
        return e.allDay ? e.firstDate : m_repository.utcToLocal(e.start).date();
    case LastDateRole:
        return e.allDay ? e.lastDate : m_repository.utcToLocal(e.end.addMSecs(-1)).date();
    case StatusRole:
        return int(e.status);
    case StatusCodeRole:
        return EventStatus::code(e.status);
    case StatusTextRole:
        return EventStatus::displayName(e.status);
    case OfficialIdsRole:
        return e.attending();
    case OfficialsRequestedRole:
        return e.officialsRequested;
    case VenueIdRole:
        return e.venueId;
    case VenueNameRole:
        return m_directory.venueNames.value(e.venueId);
    case KecamatanIdRole:
        return m_directory.venueKecamatan.value(e.venueId);
    case KecamatanNameRole:
        return m_directory.kecamatanNames.value(m_directory.venueKecamatan.value(e.venueId));
    case OpdIdRole:
        return e.opdId;
    case ConflictRole:
        return m_conflictsById.contains(e.id);
    case ConflictKindsRole: {
        QStringList kinds;
        for (const Conflict &c : m_conflictsById.value(e.id)) {
            const QString kind = Conflict::kindName(c.kind);
            if (!kinds.contains(kind))
                kinds.append(kind);
        }
        return kinds;
    }
    case ConflictTextRole:
        return describeAll(m_conflictsById.value(e.id), e.id);
    case CanClashRole:
        return e.status != EventSpan::Status::Ditunda && e.status != EventSpan::Status::Dibatalkan;
    case IsPublicRole:
        return e.isPublic;
    default:
        return {};
    }
}

QVariant AgendaModel::displayData(const EventRecord &e, int column) const
{
    switch (column) {
    case TimeColumn:
        return timeText(e);
    case TitleColumn:
        return e.title;
    case OfficialsColumn:
        return m_directory.officialPositions(e.attending());
    case VenueColumn:
        return m_directory.venueNames.value(e.venueId);
    case KecamatanColumn:
        return m_directory.kecamatanNames.value(m_directory.venueKecamatan.value(e.venueId));
    case OpdColumn:
        return m_directory.opdNames.value(e.opdId);
    case StatusColumn:
        return EventStatus::displayName(e.status);
    default:
        return {};
    }
}

QString AgendaModel::timeText(const EventRecord &e) const
{
    if (e.allDay) {
        if (e.firstDate == e.lastDate)
            return tr("All day");
        return tr("%1 – %2").arg(DateText::date(e.firstDate), DateText::date(e.lastDate));
    }
    const QDateTime start = m_repository.utcToLocal(e.start);
    const QDateTime end = m_repository.utcToLocal(e.end);
    if (start.date() == end.date() || (end.time() == QTime(0, 0) && end.date() == start.date().addDays(1))) {
        return tr("%1–%2").arg(DateText::time(start.time()), DateText::time(end.time(), m_zoneCode));
    }
    return tr("%1 – %2").arg(DateText::dateTime(start), DateText::dateTime(end, m_zoneCode));
}

QVariant AgendaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TitleColumn:
        return tr("Event");
    case OfficialsColumn:
        return tr("Officials");
    case VenueColumn:
        return tr("Venue");
    case KecamatanColumn:
        return tr("Kecamatan");
    case OpdColumn:
        return tr("Organiser");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

QHash<int, QByteArray> AgendaModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "eventId");
    names.insert(TitleRole, "title");
    names.insert(StartRole, "start");
    names.insert(EndRole, "end");
    names.insert(AllDayRole, "allDay");
    names.insert(StatusRole, "status");
    names.insert(OfficialIdsRole, "officials");
    names.insert(VenueNameRole, "venue");
    names.insert(ConflictRole, "conflict");
    names.insert(ConflictTextRole, "conflictText");
    return names;
}

int AgendaModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

EventRecord AgendaModel::record(int row) const
{
    return m_rows.value(row);
}

EventRecord AgendaModel::loadedRecord(const QString &id) const
{
    return m_loaded.value(id);
}

QList<Conflict> AgendaModel::conflictsOf(const QString &id) const
{
    return m_conflictsById.value(id);
}

QList<Conflict> AgendaModel::conflictsFor(const EventRecord &draft) const
{
    if (!draft.start.isValid() || !draft.end.isValid())
        return {};
    const EventSpan span = m_repository.spanOf(draft, m_directory.venueKecamatan.value(draft.venueId));
    if (m_from.isValid()) {
        // The loaded index covers the range and a day on each side; a travel clash reaches
        // at most maxMinutes beyond the draft.
        const qint64 reach = qint64(m_index->travelPolicy().maxMinutes()) * 60 * 1000;
        const qint64 loadedStart = m_repository.localToUtc(m_from.addDays(-1), QTime(0, 0)).toMSecsSinceEpoch();
        const qint64 loadedEnd = m_repository.localToUtc(m_to.addDays(2), QTime(0, 0)).toMSecsSinceEpoch();
        if (span.startMs() - reach >= loadedStart && span.endMs() + reach <= loadedEnd)
            return m_index->conflictsFor(span);
    }
    const TravelPolicy policy = m_repository.travelPolicy();
    const qint64 reachSecs = qint64(policy.maxMinutes()) * 60;
    const QList<EventSpan> around =
        m_repository.spansBetween(QDateTime::fromMSecsSinceEpoch(span.startMs(), Qt::UTC).addSecs(-reachSecs),
                                  QDateTime::fromMSecsSinceEpoch(span.endMs(), Qt::UTC).addSecs(reachSecs));
    return ConflictIndex(around, policy).conflictsFor(span);
}

QString AgendaModel::kindText(Conflict::Kind kind)
{
    switch (kind) {
    case Conflict::Kind::Official:
        return tr("Official clash");
    case Conflict::Kind::Venue:
        return tr("Venue clash");
    case Conflict::Kind::Travel:
        return tr("Travel time");
    }
    return {};
}

QString AgendaModel::describe(const Conflict &conflict, const QString &fromEventId) const
{
    const QString otherId = conflict.first == fromEventId ? conflict.second : conflict.first;
    EventRecord other = m_loaded.value(otherId);
    if (!other.isValid())
        other = m_repository.get(otherId);
    const QString resource = conflict.kind == Conflict::Kind::Venue
                                 ? m_directory.venueNames.value(conflict.resource, conflict.resource)
                                 : m_directory.officialPosition(conflict.resource);
    if (!other.isValid())
        return tr("%1 — %2").arg(kindText(conflict.kind), resource);
    QString when = timeText(other);
    if (!other.allDay)
        when = DateText::date(m_repository.utcToLocal(other.start).date()) + QStringLiteral(", ") + when;
    //: %1 kind of clash, %2 official or venue, %3 the other event's title, %4 its date and time
    return tr("%1 — %2: %3 (%4)").arg(kindText(conflict.kind), resource, other.title, when);
}

QString AgendaModel::describeAll(const QList<Conflict> &conflicts, const QString &fromEventId) const
{
    QStringList lines;
    lines.reserve(conflicts.size());
    for (const Conflict &c : conflicts)
        lines.append(describe(c, fromEventId));
    return lines.join(QLatin1Char('\n'));
}

AgendaReportItem AgendaModel::reportItem(const EventRecord &e) const
{
    AgendaReportItem item;
    item.start = e.start;
    item.end = e.end;
    item.allDay = e.allDay;
    item.title = e.title;
    item.venueName = m_directory.venueNames.value(e.venueId);
    item.kecamatanName = m_directory.kecamatanNames.value(m_directory.venueKecamatan.value(e.venueId));
    for (const QString &id : e.attending())
        item.officialsAttending.append(m_directory.officialPosition(id));
    for (const QString &id : e.officialsRequested)
        item.officialsRequested.append(m_directory.officialPosition(id));
    item.organiser = m_directory.opdNames.value(e.opdId);
    item.dressCode = e.dressCode;
    item.speechNeeded = e.speechNeeded;
    item.notes = e.notes;
    item.status = EventStatus::code(e.status);
    return item;
}

QColor AgendaModel::conflictColor()
{
    return QColor(0xD5, 0x5E, 0x00);
}

QColor AgendaModel::statusColor(int status)
{
    // Okabe–Ito blue, bluish green and greys: none of them is confused with vermillion.
    switch (EventSpan::Status(status)) {
    case EventSpan::Status::Diajukan:
        return QColor(0xCF, 0xE8, 0xF7); // light sky blue: not yet scheduled
    case EventSpan::Status::Terjadwal:
        return QColor(0x9C, 0xCD, 0xEE); // sky blue
    case EventSpan::Status::Selesai:
        return QColor(0xB8, 0xE0, 0xD2); // bluish green
    case EventSpan::Status::Ditunda:
    case EventSpan::Status::Dibatalkan:
        return QColor(0xE0, 0xE0, 0xE0); // grey: never clashes
    }
    return QColor(0x9C, 0xCD, 0xEE);
}

QString AgendaModel::statusText(int status)
{
    return EventStatus::displayName(EventSpan::Status(status));
}

} // namespace Humas
