#include "agenda/eventical.h"

#include "agenda/agendaservice.h"

#include "agenda/eventrepository.h"
#include "agenda/eventstatus.h"
#include "agenda/icalreader.h"
#include "agenda/icalwriter.h"
#include "common/clock.h"
#include "master/masterdata.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "common/filewrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>

namespace Humas {

namespace {

using Status = EventSpan::Status;
using Fields = QList<std::pair<QString, QString>>;

const QString StatusKey = QStringLiteral("Status");
const QString RequestedKey = QStringLiteral("Requested");
const QString PicKey = QStringLiteral("PIC");
const QString PicPhoneKey = QStringLiteral("PIC phone");
const QString LetterKey = QStringLiteral("Letter");
const QString LetterDateKey = QStringLiteral("Letter date");
const QString DressCodeKey = QStringLiteral("Dress code");
const QString SpeechKey = QStringLiteral("Speech");
const QString StaffKey = QStringLiteral("Staff");

const QString LocationSeparator = QStringLiteral(", ");

/** Open ends of an export range: far enough for any agenda, still four-digit years. */
const QDate EarliestDay(1000, 1, 1);
const QDate LatestDay(9000, 1, 1);

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

/** A block value on one line: backslashes and line ends escaped. */
QString escapeValue(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\")).remove(QLatin1Char('\r'));
    return v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
}

QString unescapeValue(const QString &value)
{
    QString result;
    result.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i) == QLatin1Char('\\') && i + 1 < value.size()) {
            const QChar next = value.at(++i);
            result += next == QLatin1Char('n') ? QChar(QLatin1Char('\n')) : next;
        } else {
            result += value.at(i);
        }
    }
    return result;
}

QString fieldValue(const Fields &fields, const QString &key)
{
    for (const auto &[k, v] : fields) {
        if (k.compare(key, Qt::CaseInsensitive) == 0)
            return v;
    }
    return QString();
}

bool hasField(const Fields &fields, const QString &key)
{
    for (const auto &field : fields) {
        if (field.first.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

IcalEvent::Status icalStatus(Status status)
{
    switch (status) {
    case Status::Terjadwal:
    case Status::Selesai:
        return IcalEvent::Status::Confirmed;
    case Status::Dibatalkan:
        return IcalEvent::Status::Cancelled;
    case Status::Diajukan:
    case Status::Ditunda:
        break;
    }
    return IcalEvent::Status::Tentative;
}

Status statusFromIcal(IcalEvent::Status status)
{
    switch (status) {
    case IcalEvent::Status::Confirmed:
        return Status::Terjadwal;
    case IcalEvent::Status::Cancelled:
        return Status::Dibatalkan;
    case IcalEvent::Status::Tentative:
    case IcalEvent::Status::Unspecified:
        break;
    }
    return Status::Diajukan;
}

/**
 * What decides that an event of the file is one already stored: the same title, times, venue
 * and attending officials (two meetings of one title and hour for different officials are two
 * events).
 */
QString naturalKey(const EventRecord &e)
{
    QStringList officials = e.attending();
    officials.removeDuplicates(); // as EventRepository stores them
    officials.sort();
    const QChar separator(0x1f);
    return e.title + separator + QString::number(e.start.toMSecsSinceEpoch()) + separator +
           QString::number(e.end.toMSecsSinceEpoch()) + separator + (e.allDay ? QLatin1Char('d') : QLatin1Char('t')) +
           separator + e.venueId + separator + officials.join(QLatin1Char(','));
}

bool isEventId(const QString &text)
{
    // The store keeps ids in lowercase canonical form without braces.
    return text.size() == 36 && !QUuid::fromString(text).isNull() && text == text.toLower();
}

} // namespace

const QString EventIcal::BlockMarker = QStringLiteral("[HumasDesk]");

/** The reference tables an import or export looks codes and names up in, read once. */
struct EventIcal::Directory
{
    struct Venue
    {
        QString id;
        QString name;
        QString kecamatanId;
    };

    QHash<QString, QString> officialCode; ///< id → code
    QHash<QString, QString> officialId;   ///< case-folded code → id
    QHash<QString, QString> opdCode;
    QHash<QString, QString> opdId;
    QHash<QString, QString> kecamatanName; ///< id → name
    QHash<QString, QString> kecamatanId;   ///< case-folded name → id
    QHash<QString, Venue> venues;          ///< id → venue

    Directory(Database &db, const Actor &actor)
    {
        for (const Record &r : OfficialRepository(db, actor).list()) {
            officialCode.insert(r.id, r.text(QStringLiteral("code")));
            officialId.insert(r.text(QStringLiteral("code")).toCaseFolded(), r.id);
        }
        for (const Record &r : OpdRepository(db, actor).list()) {
            opdCode.insert(r.id, r.text(QStringLiteral("code")));
            opdId.insert(r.text(QStringLiteral("code")).toCaseFolded(), r.id);
        }
        for (const Record &r : KecamatanRepository(db, actor).list()) {
            kecamatanName.insert(r.id, r.text(QStringLiteral("name")));
            kecamatanId.insert(r.text(QStringLiteral("name")).trimmed().toCaseFolded(), r.id);
        }
        for (const Record &r : VenueRepository(db, actor).list())
            venues.insert(r.id, {r.id, r.text(QStringLiteral("name")), r.text(QStringLiteral("kecamatan_id"))});
    }

    QStringList codes(const QStringList &ids) const
    {
        QStringList result;
        for (const QString &id : ids) {
            if (officialCode.contains(id))
                result << officialCode.value(id);
        }
        result.removeDuplicates();
        return result;
    }

    QString location(const QString &venueId) const
    {
        const auto venue = venues.constFind(venueId);
        if (venue == venues.cend())
            return QString();
        const QString kecamatan = kecamatanName.value(venue->kecamatanId);
        return kecamatan.isEmpty() ? venue->name : venue->name + LocationSeparator + kecamatan;
    }

    /** Venues with this name (case-insensitive) in @p kecamatan, or anywhere when it is empty. */
    QList<Venue> venuesNamed(const QString &name, const QString &kecamatan) const
    {
        QList<Venue> found;
        for (const Venue &v : venues) {
            if (v.name.compare(name, Qt::CaseInsensitive) == 0 && (kecamatan.isEmpty() || v.kecamatanId == kecamatan))
                found << v;
        }
        return found;
    }
};

/** One import: the raw file (for line numbers), the lookups and what is to be stored. */
class EventIcal::Importer
{
public:
    /** An event of the file, mapped and checked but not stored yet. */
    struct Pending
    {
        EventRecord record;
        QString uid;
        /** Set when the venue is to be created at store time. */
        QString newVenueName;
        QString newVenueKecamatanId;
    };

    Importer(Database &db, const Actor &actor, const QByteArray &data)
        : m_db(db), m_actor(actor), m_data(data), m_directory(db, actor), m_repository(db, actor),
          m_service(db, actor)
    {
    }

    /** Maps and checks every event without writing (no write lock); false with "Line N: …". */
    bool prepare(const QList<IcalEvent> &events, QString *error);
    int count() const { return int(m_pending.size()); }
    /** Stores what prepare() accepted, in one transaction. */
    bool write(ImportSummary *summary, QString *error);

private:
    bool map(const IcalEvent &ical, Pending *pending, QString *error) const;
    /** Whether the event is in the database already (or earlier in this file). */
    bool isKnown(Pending *pending);
    bool store(Pending *pending, ImportSummary *summary, QString *error);
    void loadKnown();
    bool isLiveEvent(const QString &id);

    bool mapTimes(const IcalEvent &ical, EventRecord *e, QString *error) const;
    bool mapPeople(const IcalEvent &ical, const Fields &fields, EventRecord *e, QString *error) const;
    bool mapDescription(const IcalEvent &ical, const Fields &fields, EventRecord *e, QString *error) const;
    bool mapVenue(const IcalEvent &ical, Pending *pending, QString *error) const;
    bool lookUpOfficials(const QString &uid, const QStringList &codes, const char *property, QStringList *ids,
                         QString *error) const;
    static QString venueCacheKey(const Pending &pending);
    /** Line of @p property in the VEVENT of @p uid, else of its BEGIN:VEVENT, else 1. */
    int lineOf(const QString &uid, const char *property) const;
    bool failAt(const QString &uid, const char *property, const QString &message, QString *error) const
    {
        return fail(error, EventIcal::tr("Line %1: %2").arg(lineOf(uid, property)).arg(message));
    }

    Database &m_db;
    const Actor &m_actor;
    const QByteArray m_data;
    Directory m_directory;
    EventRepository m_repository;
    /** Stores each event (and its new venue) through the connection's one writer. */
    AgendaService m_service;
    QSqlQuery m_liveEvent;
    bool m_liveEventPrepared = false;
    QList<Pending> m_pending;
    QSet<QString> m_knownKeys;
    QHash<QString, QString> m_createdVenues; ///< "name|kecamatan id" (case-folded) → id
};

int EventIcal::Importer::lineOf(const QString &uid, const char *property) const
{
    // Logical (unfolded) lines of each VEVENT at calendar level; only called on error.
    const QList<QByteArray> physical = m_data.split('\n');
    QList<std::pair<int, QByteArray>> lines;
    for (int i = 0; i < physical.size(); ++i) {
        QByteArray line = physical.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if ((line.startsWith(' ') || line.startsWith('\t')) && !lines.isEmpty())
            lines.last().second += line.mid(1);
        else if (!line.isEmpty())
            lines.append({i + 1, line});
    }
    const auto nameOf = [](const QByteArray &line) {
        qsizetype end = 0;
        while (end < line.size() && line.at(end) != ':' && line.at(end) != ';')
            ++end;
        return line.left(end).toUpper();
    };
    int depth = 0;
    int begin = 0;
    QString blockUid;
    QHash<QByteArray, int> found;
    for (const auto &[number, line] : lines) {
        const QByteArray name = nameOf(line);
        const QByteArray value = line.mid(line.indexOf(':') + 1).trimmed().toUpper();
        if (name == "BEGIN" && ++depth == 2 && value == "VEVENT") {
            begin = number;
            blockUid.clear();
            found.clear();
        } else if (name == "END" && depth-- == 2 && begin > 0) {
            const bool occurrence = uid.startsWith(blockUid + QLatin1Char('_')) && uid.size() == blockUid.size() + 9;
            if (!blockUid.isEmpty() && (uid == blockUid || occurrence))
                return found.value(QByteArray(property), begin);
            begin = 0;
        } else if (depth == 2 && begin > 0) {
            if (name == "UID")
                blockUid = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed().remove(QLatin1Char('\\'));
            if (!found.contains(name))
                found.insert(name, number);
        }
    }
    return 1;
}

bool EventIcal::Importer::map(const IcalEvent &ical, Pending *pending, QString *error) const
{
    pending->uid = ical.uid;
    EventRecord &e = pending->record;
    e.title = ical.summary.trimmed();
    if (e.title.isEmpty())
        return failAt(ical.uid, "SUMMARY", EventIcal::tr("The event has no title (SUMMARY)."), error);
    Fields fields;
    e.notes = splitDescription(ical.description, &fields);
    e.isPublic = ical.isPublic();
    return mapTimes(ical, &e, error) && mapPeople(ical, fields, &e, error) && mapDescription(ical, fields, &e, error) &&
           mapVenue(ical, pending, error);
}

bool EventIcal::Importer::mapTimes(const IcalEvent &ical, EventRecord *e, QString *error) const
{
    e->allDay = ical.allDay;
    if (ical.allDay) {
        e->firstDate = ical.firstDay();
        e->lastDate = ical.lastDay();
        e->start = m_repository.localToUtc(e->firstDate, QTime(0, 0));
        e->end = m_repository.localToUtc(e->lastDate.addDays(1), QTime(0, 0));
        return true;
    }
    e->start = ical.start.toUTC();
    e->end = ical.end.isValid() ? ical.end.toUTC() : e->start;
    // An instant is not an agenda slot: like `events add` without --end, it lasts an hour.
    if (e->end <= e->start)
        e->end = e->start.addSecs(3600);
    if (!e->start.isValid())
        return failAt(ical.uid, "DTSTART", EventIcal::tr("The start of the event is not a valid time."), error);
    return true;
}

bool EventIcal::Importer::lookUpOfficials(const QString &uid, const QStringList &codes, const char *property,
                                          QStringList *ids, QString *error) const
{
    for (const QString &code : codes) {
        const QString id = m_directory.officialId.value(code.trimmed().toCaseFolded());
        if (id.isEmpty())
            return failAt(uid, property, EventIcal::tr("Unknown official \"%1\".").arg(code.trimmed()), error);
        ids->append(id);
    }
    return true;
}

bool EventIcal::Importer::mapPeople(const IcalEvent &ical, const Fields &fields, EventRecord *e, QString *error) const
{
    QStringList attending;
    if (!lookUpOfficials(ical.uid, ical.officials, "X-HUMAS-OFFICIALS", &attending, error))
        return false;
    if (attending.isEmpty())
        return failAt(ical.uid, "X-HUMAS-OFFICIALS",
                      EventIcal::tr("The event names no official (X-HUMAS-OFFICIALS with official codes); every "
                                    "agenda event needs at least one."),
                      error);
    const QString requested = fieldValue(fields, RequestedKey);
    if (requested.isEmpty()) {
        e->officialsRequested = attending;
    } else {
        if (!lookUpOfficials(ical.uid, requested.split(QLatin1Char(','), Qt::SkipEmptyParts), "DESCRIPTION",
                             &e->officialsRequested, error))
            return false;
        if (e->officialsRequested != attending)
            e->officialsAttending = attending;
    }
    if (!ical.opd.trimmed().isEmpty()) {
        e->opdId = m_directory.opdId.value(ical.opd.trimmed().toCaseFolded());
        if (e->opdId.isEmpty())
            return failAt(ical.uid, "X-HUMAS-OPD", EventIcal::tr("Unknown OPD \"%1\".").arg(ical.opd.trimmed()), error);
    }
    return true;
}

bool EventIcal::Importer::mapDescription(const IcalEvent &ical, const Fields &fields, EventRecord *e,
                                         QString *error) const
{
    e->status = statusFromIcal(ical.status);
    if (hasField(fields, StatusKey) && !EventStatus::fromCode(fieldValue(fields, StatusKey).trimmed(), &e->status))
        return failAt(ical.uid, "DESCRIPTION",
                      EventIcal::tr("Unknown status \"%1\" in the description.").arg(fieldValue(fields, StatusKey)),
                      error);
    e->picName = fieldValue(fields, PicKey);
    e->picPhone = fieldValue(fields, PicPhoneKey);
    e->letterNumber = fieldValue(fields, LetterKey);
    if (hasField(fields, LetterDateKey)) {
        e->letterDate = QDate::fromString(fieldValue(fields, LetterDateKey).trimmed(), Qt::ISODate);
        if (!e->letterDate.isValid())
            return failAt(ical.uid, "DESCRIPTION",
                          EventIcal::tr("The letter date \"%1\" is not a date YYYY-MM-DD.")
                              .arg(fieldValue(fields, LetterDateKey)),
                          error);
    }
    e->dressCode = fieldValue(fields, DressCodeKey);
    e->speechNeeded = fieldValue(fields, SpeechKey).trimmed().compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0;
    e->staff = fieldValue(fields, StaffKey);
    return true;
}

bool EventIcal::Importer::mapVenue(const IcalEvent &ical, Pending *pending, QString *error) const
{
    const QString location = ical.location.simplified();
    if (location.isEmpty())
        return true;
    // "name, kecamatan" first: the kecamatan tells same-named venues apart.
    const qsizetype comma = location.lastIndexOf(QLatin1Char(','));
    if (comma > 0) {
        const QString kecamatanId = m_directory.kecamatanId.value(location.mid(comma + 1).trimmed().toCaseFolded());
        const QString name = location.left(comma).trimmed();
        if (!kecamatanId.isEmpty() && !name.isEmpty()) {
            const QList<Directory::Venue> found = m_directory.venuesNamed(name, kecamatanId);
            if (!found.isEmpty()) {
                pending->record.venueId = found.constFirst().id;
            } else {
                pending->newVenueName = name;
                pending->newVenueKecamatanId = kecamatanId;
            }
            return true;
        }
    }
    const QList<Directory::Venue> found = m_directory.venuesNamed(location, QString());
    if (found.size() == 1) {
        pending->record.venueId = found.constFirst().id;
        return true;
    }
    if (found.isEmpty())
        return failAt(ical.uid, "LOCATION",
                      EventIcal::tr("The venue \"%1\" is unknown. Write LOCATION as \"venue, kecamatan\" with a "
                                    "known kecamatan so that it can be added, or add the venue in Data Master first.")
                          .arg(location),
                      error);
    return failAt(ical.uid, "LOCATION",
                  EventIcal::tr("There are %1 venues named \"%2\"; write LOCATION as \"venue, kecamatan\".")
                      .arg(found.size())
                      .arg(location),
                  error);
}

QString EventIcal::Importer::venueCacheKey(const Pending &pending)
{
    return QString(pending.newVenueName + QLatin1Char('|') + pending.newVenueKecamatanId).toCaseFolded();
}

bool EventIcal::Importer::prepare(const QList<IcalEvent> &events, QString *error)
{
    m_pending.resize(events.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        Pending &p = m_pending[i];
        if (!map(events.at(i), &p, error))
            return false;
        // What add() would refuse is refused now, before the write lock is taken.
        QString message;
        if (!m_repository.validate(&p.record, &message))
            return failAt(p.uid, "", message, error);
    }
    return true;
}

bool EventIcal::Importer::write(ImportSummary *summary, QString *error)
{
    Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    loadKnown();
    ImportSummary result;
    for (Pending &p : m_pending) {
        if (isKnown(&p)) {
            ++result.skipped;
            continue;
        }
        if (!store(&p, &result, error))
            return false;
    }
    if (!transaction.commit(error))
        return false;
    if (summary)
        *summary = result;
    return true;
}

bool EventIcal::Importer::isLiveEvent(const QString &id)
{
    if (!m_liveEventPrepared) {
        m_liveEvent = QSqlQuery(m_db.connection());
        m_liveEventPrepared = m_liveEvent.prepare(QStringLiteral("SELECT 1 FROM events WHERE id = ? AND deleted = 0"));
        if (!m_liveEventPrepared)
            return m_repository.get(id).isValid();
    }
    m_liveEvent.bindValue(0, id);
    const bool live = m_liveEvent.exec() && m_liveEvent.next();
    m_liveEvent.finish();
    return live;
}

void EventIcal::Importer::loadKnown()
{
    if (m_pending.isEmpty())
        return;
    QDateTime from = m_pending.constFirst().record.start;
    QDateTime to = m_pending.constFirst().record.end;
    for (const Pending &p : std::as_const(m_pending)) {
        from = qMin(from, p.record.start);
        to = qMax(to, p.record.end);
    }
    for (const EventRecord &e : m_repository.eventsBetween(from.addSecs(-1), to.addSecs(1)))
        m_knownKeys.insert(naturalKey(e));
}

bool EventIcal::Importer::isKnown(Pending *pending)
{
    if (isEventId(pending->uid) && isLiveEvent(pending->uid))
        return true;
    // A venue this import added already is known by now; a venue still to be added is not,
    // and neither is any event there.
    if (!pending->newVenueName.isEmpty()) {
        pending->record.venueId = m_createdVenues.value(venueCacheKey(*pending));
        if (pending->record.venueId.isEmpty())
            return false;
        pending->newVenueName.clear();
    }
    return m_knownKeys.contains(naturalKey(pending->record));
}

bool EventIcal::Importer::store(Pending *pending, ImportSummary *summary, QString *error)
{
    EventRecord &e = pending->record;
    const NewVenue venue{pending->newVenueName, pending->newVenueKecamatanId};
    bool added = false;
    bool venueRefused = false;
    QString message;
    if (!m_service.addValidated(&e, venue, &added, &message, &venueRefused))
        return failAt(pending->uid, venueRefused ? "LOCATION" : "UID", message, error);
    if (!venue.isEmpty()) {
        m_createdVenues.insert(venueCacheKey(*pending), e.venueId);
        summary->venuesAdded += added ? 1 : 0;
    }
    m_knownKeys.insert(naturalKey(e));
    summary->addedIds << e.id;
    return true;
}

EventIcal::EventIcal(Database &db, Actor actor) : m_db(db), m_actor(std::move(actor)) {}

EventIcal::~EventIcal() = default;

QDate EventIcal::today() const
{
    return EventRepository(m_db, m_actor).utcToLocal(Clock::instance()->nowUtc()).date();
}

void EventIcal::expansionWindow(QDate *from, QDate *to) const
{
    if (m_windowFrom.isValid() && m_windowTo.isValid()) {
        *from = m_windowFrom;
        *to = m_windowTo;
        return;
    }
    const QDate day = today();
    *from = day.addYears(-1);
    *to = day.addYears(2);
}

void EventIcal::setExpansionWindow(const QDate &from, const QDate &to)
{
    m_windowFrom = from;
    m_windowTo = to;
}

bool EventIcal::prepareImport(const QByteArray &ics, QString *error)
{
    m_importer.reset();
    QDate from;
    QDate to;
    expansionWindow(&from, &to);
    const IcalReader reader(AppSettings(m_db, m_actor).timeZone());
    QList<IcalEvent> events;
    if (!reader.parse(ics, from, to, &events, error))
        return false;
    auto importer = std::make_unique<Importer>(m_db, m_actor, ics);
    if (!importer->prepare(events, error))
        return false;
    m_importer = std::move(importer);
    return true;
}

bool EventIcal::prepareImportFile(const QString &path, QString *error)
{
    m_importer.reset();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error,
                    tr("The file %1 cannot be read: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    // Checked before reading: a huge file is refused without being loaded into memory.
    if (file.size() > IcalReader::MaxFileBytes)
        return fail(error, IcalReader::fileTooLargeMessage(file.size()));
    return prepareImport(file.read(IcalReader::MaxFileBytes + 1), error);
}

int EventIcal::preparedCount() const
{
    return m_importer ? m_importer->count() : 0;
}

bool EventIcal::writePrepared(ImportSummary *summary, QString *error)
{
    if (!m_importer)
        return fail(error, tr("There is no checked calendar to import."));
    // The importer is used once: its statements must not outlive the transaction.
    const std::unique_ptr<Importer> importer = std::move(m_importer);
    return importer->write(summary, error);
}

bool EventIcal::importData(const QByteArray &ics, ImportSummary *summary, QString *error)
{
    return prepareImport(ics, error) && writePrepared(summary, error);
}

bool EventIcal::importFile(const QString &path, ImportSummary *summary, QString *error)
{
    return prepareImportFile(path, error) && writePrepared(summary, error);
}

IcalEvent EventIcal::toIcal(const EventRecord &event, bool publicOnly) const
{
    const Directory directory(m_db, m_actor);
    return toIcalEvent(event, publicOnly, directory);
}

IcalEvent EventIcal::toIcalEvent(const EventRecord &e, bool publicOnly, const Directory &directory)
{
    IcalEvent ical;
    ical.uid = e.id;
    ical.summary = e.title;
    ical.location = directory.location(e.venueId);
    if (e.allDay) {
        ical.setAllDayRange(e.firstDate, e.lastDate);
    } else {
        ical.start = e.start.toUTC();
        ical.end = e.end.toUTC();
    }
    ical.status = icalStatus(e.status);
    ical.classification = e.isPublic ? IcalEvent::Classification::Public : IcalEvent::Classification::Private;
    ical.officials = directory.codes(e.attending());
    ical.opd = directory.opdCode.value(e.opdId);
    ical.dtstamp = Clock::instance()->nowUtc().toUTC();
    ical.dtstamp.setTime(QTime(ical.dtstamp.time().hour(), ical.dtstamp.time().minute(), ical.dtstamp.time().second()));
    if (publicOnly)
        return ical;
    Fields fields = {{StatusKey, EventStatus::code(e.status)}};
    if (!e.officialsAttending.isEmpty() && e.officialsAttending != e.officialsRequested)
        fields.append({RequestedKey, directory.codes(e.officialsRequested).join(QLatin1Char(','))});
    const Fields optional = {
        {PicKey, e.picName},
        {PicPhoneKey, e.picPhone},
        {LetterKey, e.letterNumber},
        {LetterDateKey, e.letterDate.isValid() ? e.letterDate.toString(Qt::ISODate) : QString()},
        {DressCodeKey, e.dressCode},
        {SpeechKey, e.speechNeeded ? QStringLiteral("yes") : QString()},
        {StaffKey, e.staff},
    };
    for (const auto &field : optional) {
        if (!field.second.isEmpty())
            fields.append(field);
    }
    ical.description = composeDescription(e.notes, fields);
    return ical;
}

QList<IcalEvent> EventIcal::exportEvents(const QDate &from, const QDate &to, bool publicOnly) const
{
    const EventRepository repository(m_db, m_actor);
    const QDateTime fromUtc = repository.localToUtc(from.isValid() ? from : EarliestDay, QTime(0, 0));
    const QDateTime toUtc = repository.localToUtc(to.isValid() ? to.addDays(1) : LatestDay, QTime(0, 0));
    const Directory directory(m_db, m_actor);
    QList<IcalEvent> result;
    for (const EventRecord &e : repository.eventsBetween(fromUtc, toUtc)) {
        // The public agenda shows what will happen or happened: no submissions, nothing called off.
        if (publicOnly && (!e.isPublic || (e.status != Status::Terjadwal && e.status != Status::Selesai)))
            continue;
        result.append(toIcalEvent(e, publicOnly, directory));
    }
    return result;
}

QByteArray EventIcal::exportData(const QDate &from, const QDate &to, bool publicOnly, int *count) const
{
    const QList<IcalEvent> events = exportEvents(from, to, publicOnly);
    if (count)
        *count = int(events.size());
    const QString tzid = MasterData::ianaZone(AppSettings(m_db, m_actor).timeZoneCode());
    return IcalWriter::write(events, tzid, publicOnly);
}

bool EventIcal::exportFile(const QString &path, const QDate &from, const QDate &to, bool publicOnly, int *count,
                           QString *error) const
{
    const QByteArray data = exportData(from, to, publicOnly, count);
    if (!FileWrite::write(path, data, error))
        return false;
    return true;
}

QString EventIcal::composeDescription(const QString &notes, const QList<std::pair<QString, QString>> &fields)
{
    QString block = BlockMarker;
    for (const auto &[key, value] : fields)
        block += QLatin1Char('\n') + key + QLatin1String(": ") + escapeValue(value);
    const QString trimmedNotes = notes.trimmed();
    return trimmedNotes.isEmpty() ? block : trimmedNotes + QLatin1String("\n\n") + block;
}

QString EventIcal::splitDescription(const QString &description, QList<std::pair<QString, QString>> *fields)
{
    QString text = description;
    text.remove(QLatin1Char('\r'));
    qsizetype at = -1;
    if (text.startsWith(BlockMarker + QLatin1Char('\n')) || text == BlockMarker)
        at = 0;
    else if (const qsizetype found = text.lastIndexOf(QLatin1Char('\n') + BlockMarker); found >= 0) {
        const qsizetype after = found + 1 + BlockMarker.size();
        if (after == text.size() || text.at(after) == QLatin1Char('\n'))
            at = found + 1;
    }
    if (at < 0)
        return description;
    const QStringList lines = text.mid(at + BlockMarker.size()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (colon > 0)
            fields->append({line.left(colon).trimmed(), unescapeValue(line.mid(colon + 2))});
        else if (line.endsWith(QLatin1Char(':')))
            fields->append({line.chopped(1).trimmed(), QString()});
    }
    return text.left(at).trimmed();
}

} // namespace Humas
