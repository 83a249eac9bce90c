// EventIcal (issue 3, "iCalendar"): stored events to .ics and back. A full export imported
// into a fresh database gives the same events; the public export leaves out internal events
// and fields; a bad file is refused with its line number and stores nothing; recurring events
// are expanded in a window that follows the clock; importing twice adds nothing.

#include "agenda/eventical.h"
#include "agenda/eventrepository.h"
#include "agenda/icalreader.h"
#include "master/referencerepositories.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = EventSpan::Status;

Q_DECLARE_METATYPE(Humas::EventSpan::Status)

namespace {

const QDate Day(2026, 11, 23); // a Monday; MockClock's default "now" is this day, 08.00 WITA

const QByteArray Header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n";

/** A calendar from VEVENT lines; a line starting with '!' is the one an error must name. */
struct Ics
{
    QByteArray data;
    int markedLine = 0;
};

Ics calendar(const QStringList &lines)
{
    Ics ics{Header, 0};
    int number = 3;
    for (QString line : lines) {
        ++number;
        if (line.startsWith('!')) {
            line.remove(0, 1);
            ics.markedLine = number;
        }
        ics.data += line.toUtf8() + "\r\n";
    }
    ics.data += "END:VCALENDAR\r\n";
    return ics;
}

/** A valid VEVENT with the given extra lines before END:VEVENT. */
QStringList vevent(const QString &uid, const QString &summary, const QString &start, const QString &end,
                   const QStringList &extra = {}, const QString &officials = "BUPATI")
{
    QStringList lines = {"BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:20261101T000000Z", "DTSTART" + start};
    if (!end.isEmpty())
        lines << "DTEND" + end;
    lines << "SUMMARY:" + summary;
    if (!officials.isEmpty())
        lines << "X-HUMAS-OFFICIALS:" + officials;
    return lines + extra + QStringList{"END:VEVENT"};
}

} // namespace

class TestEventIcal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void roundTripIntoFreshDatabase();
    void reimportDoesNotDuplicate();
    void reimportKeepsTheDatabaseCopy();
    void publicExport();
    void exportRange();
    void exportFile();
    void times_data();
    void times();
    void statusWithoutBlock_data();
    void statusWithoutBlock();
    void venues();
    void malformed_data();
    void malformed();
    void recurrenceExpandedInClockWindow();
    void occurrencesPerRuleCapped_data();
    void occurrencesPerRuleCapped();
    void eventsPerFileCapped_data();
    void eventsPerFileCapped();
    void fileSizeCapped();
    void expansionWorkCapped();
    void checkedBeforeTheWriteLock();
    void descriptionBlock_data();
    void descriptionBlock();

private:
    QString id(TestDatabase &db, const QString &table, const QString &field, const QString &value);
    QString venue(TestDatabase &db, const QString &name, const QString &kecamatan);
    QString add(EventRecord e);
    EventRecord timed(const QString &title, const QDate &day, const QString &from, const QString &to,
                      const QStringList &codes);
    /** The single live event titled @p title in @p db. */
    EventRecord byTitle(TestDatabase &db, const QString &title);
    int events(TestDatabase &db) { return db.count("events", "deleted = 0"); }
    bool import(TestDatabase &db, const QByteArray &ics, EventIcal::ImportSummary *summary, QString *error);

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
};

void TestEventIcal::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestEventIcal::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>();
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
}

void TestEventIcal::cleanup()
{
    m_db.reset();
    m_clock.reset();
}

QString TestEventIcal::id(TestDatabase &db, const QString &table, const QString &field, const QString &value)
{
    QSqlQuery q(db.db().connection());
    q.prepare("SELECT id FROM " + table + " WHERE deleted = 0 AND " + field + " = ?");
    q.addBindValue(value);
    if (!q.exec() || !q.next())
        qWarning() << "no" << table << value;
    return q.value(0).toString();
}

QString TestEventIcal::venue(TestDatabase &db, const QString &name, const QString &kecamatan)
{
    QString venueId;
    QString error;
    if (!VenueRepository(db.db(), Actor::system())
             .insert({{"name", name}, {"kecamatan_id", id(db, "kecamatan", "name", kecamatan)}}, &venueId, &error))
        qWarning() << "venue:" << error;
    return venueId;
}

EventRecord TestEventIcal::timed(const QString &title, const QDate &day, const QString &from, const QString &to,
                                 const QStringList &codes)
{
    const EventRepository repo(m_db->db(), Actor::system());
    EventRecord e;
    e.title = title;
    e.start = repo.localToUtc(day, QTime::fromString(from, "HH:mm"));
    e.end = repo.localToUtc(day, QTime::fromString(to, "HH:mm"));
    for (const QString &code : codes)
        e.officialsRequested << id(*m_db, "officials", "code", code);
    e.status = Status::Terjadwal;
    return e;
}

QString TestEventIcal::add(EventRecord e)
{
    QString error;
    if (!EventRepository(m_db->db(), Actor::system()).add(&e, &error))
        qWarning() << "add:" << error;
    return e.id;
}

EventRecord TestEventIcal::byTitle(TestDatabase &db, const QString &title)
{
    const QString eventId = id(db, "events", "title", title);
    return EventRepository(db.db(), Actor::system()).get(eventId);
}

bool TestEventIcal::import(TestDatabase &db, const QByteArray &ics, EventIcal::ImportSummary *summary, QString *error)
{
    return EventIcal(db.db(), Actor::system()).importData(ics, summary, error);
}

/** Officials of @p ids as codes, for comparing across databases. */
static QStringList codes(TestDatabase &db, const QStringList &ids)
{
    QStringList result;
    for (const QString &officialId : ids)
        result << OfficialRepository(db.db(), Actor::system()).get(officialId).text("code");
    return result;
}

static QString venueText(TestDatabase &db, const QString &venueId)
{
    const Record v = VenueRepository(db.db(), Actor::system()).get(venueId);
    if (!v.isValid())
        return QString();
    return v.text("name") + " @ " +
           KecamatanRepository(db.db(), Actor::system()).get(v.text("kecamatan_id")).text("name");
}

void TestEventIcal::roundTripIntoFreshDatabase()
{
    EventRecord full = timed("Rapat koordinasi; stunting, 2026", Day, "08:00", "10:30", {"BUPATI", "SEKDA"});
    full.opdId = id(*m_db, "opd", "code", "SETDA");
    full.venueId = venue(*m_db, "Aula, Lt. 2", "Parigi");
    full.picName = "Budi Santoso";
    full.picPhone = "0812-3456-7890";
    full.letterNumber = "005/123/Setda";
    full.letterDate = QDate(2026, 11, 10);
    full.dressCode = "PDH";
    full.speechNeeded = true;
    full.staff = "Andi (protokol)\nRina (dokumentasi)";
    full.notes = "Bawa bahan paparan.\nTamu: 120 orang \\ ruang VIP.";
    full.isPublic = false;
    QVERIFY(!add(full).isEmpty());

    EventRecord allDay;
    allDay.title = "Kunjungan kerja ke Ampibabo";
    allDay.allDay = true;
    allDay.firstDate = Day.addDays(1);
    allDay.lastDate = Day.addDays(3);
    allDay.officialsRequested = {id(*m_db, "officials", "code", "WABUP")};
    allDay.venueId = venue(*m_db, "Lapangan", "Ampibabo");
    QVERIFY(!add(allDay).isEmpty());

    const QString delegated = add(timed("Pelantikan", Day.addDays(2), "13:00", "14:00", {"BUPATI"}));
    QString error;
    QVERIFY2(EventRepository(m_db->db(), Actor::system())
                 .delegate(delegated, id(*m_db, "officials", "code", "BUPATI"),
                           id(*m_db, "officials", "code", "ASISTEN1"), &error),
             qPrintable(error));
    EventRecord done = timed("Selesai", Day.addDays(-3), "09:00", "10:00", {"SEKDA"});
    done.status = Status::Selesai;
    done.venueId = venue(*m_db, "Lapangan", "Parigi"); // same name, another kecamatan
    EventRecord postponed = timed("Ditunda", Day.addDays(4), "09:00", "10:00", {"SEKDA"});
    postponed.status = Status::Ditunda;
    EventRecord cancelled = timed("Dibatalkan", Day.addDays(5), "09:00", "10:00", {"WABUP"});
    cancelled.status = Status::Dibatalkan;
    for (const EventRecord &e : {done, postponed, cancelled})
        QVERIFY(!add(e).isEmpty());

    int count = 0;
    const QByteArray ics = EventIcal(m_db->db(), Actor::system()).exportData({}, {}, false, &count);
    QCOMPARE(count, 6);

    TestDatabase fresh(TestDatabase::Seed::ParigiMoutong);
    QVERIFY(fresh.isOpen());
    EventIcal::ImportSummary summary;
    QVERIFY2(import(fresh, ics, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 6);
    QCOMPARE(summary.skipped, 0);
    QCOMPARE(summary.venuesAdded, 3);
    QCOMPARE(events(fresh), 6);
    QCOMPARE(fresh.count("venues", "deleted = 0"), 3);

    const QStringList titles = {full.title, allDay.title, "Pelantikan", "Selesai", "Ditunda", "Dibatalkan"};
    for (const QString &title : titles) {
        const EventRecord a = byTitle(*m_db, title);
        const EventRecord b = byTitle(fresh, title);
        QVERIFY2(b.isValid(), qPrintable(title));
        QCOMPARE(b.start, a.start);
        QCOMPARE(b.end, a.end);
        QCOMPARE(b.allDay, a.allDay);
        QCOMPARE(b.firstDate, a.firstDate);
        QCOMPARE(b.lastDate, a.lastDate);
        QCOMPARE(b.status, a.status);
        QCOMPARE(b.isPublic, a.isPublic);
        QCOMPARE(codes(fresh, b.officialsRequested), codes(*m_db, a.officialsRequested));
        QCOMPARE(codes(fresh, b.attending()), codes(*m_db, a.attending()));
        QCOMPARE(venueText(fresh, b.venueId), venueText(*m_db, a.venueId));
        QCOMPARE(OpdRepository(fresh.db(), Actor::system()).get(b.opdId).text("code"),
                 OpdRepository(m_db->db(), Actor::system()).get(a.opdId).text("code"));
        QCOMPARE(b.picName, a.picName);
        QCOMPARE(b.picPhone, a.picPhone);
        QCOMPARE(b.letterNumber, a.letterNumber);
        QCOMPARE(b.letterDate, a.letterDate);
        QCOMPARE(b.dressCode, a.dressCode);
        QCOMPARE(b.speechNeeded, a.speechNeeded);
        QCOMPARE(b.staff, a.staff);
        QCOMPARE(b.notes, a.notes);
    }
    QCOMPARE(venueText(fresh, byTitle(fresh, full.title).venueId), QString("Aula, Lt. 2 @ Parigi"));
    QCOMPARE(codes(fresh, byTitle(fresh, "Pelantikan").officialsRequested), QStringList{"BUPATI"});
    QCOMPARE(codes(fresh, byTitle(fresh, "Pelantikan").attending()), QStringList{"ASISTEN1"});
    QCOMPARE(byTitle(fresh, allDay.title).lastDate, Day.addDays(3));
    // Exported again, the second database writes what the first wrote, apart from ids.
    QByteArray again = EventIcal(fresh.db(), Actor::system()).exportData({}, {}, false);
    QByteArray original = ics;
    for (const QString &title : titles) {
        again.replace(byTitle(fresh, title).id.toUtf8(), "ID");
        original.replace(byTitle(*m_db, title).id.toUtf8(), "ID");
    }
    QCOMPARE(again, original);
}

void TestEventIcal::reimportDoesNotDuplicate()
{
    // The same title and hour for other officials, or at another venue, is another event.
    const QString start = ":20261123T080000";
    const QString end = ":20261123T090000";
    const Ics ics = calendar(vevent("a@opd.example", "Rapat A", start, end, {"LOCATION:Aula Baru\\, Parigi"}) +
                             vevent("b@opd.example", "Rapat B", ";VALUE=DATE:20261124", "", {}, "WABUP") +
                             vevent("c@opd.example", "Rapat A", start, end, {"LOCATION:Aula Baru\\, Parigi"}, "WABUP") +
                             vevent("d@opd.example", "Rapat A", start, end, {"LOCATION:Aula Baru\\, Ampibabo"}));
    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY2(import(*m_db, ics.data, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 4);
    QCOMPARE(summary.venuesAdded, 2);
    const int outbox = m_db->count("outbox");

    QVERIFY2(import(*m_db, ics.data, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 0);
    QCOMPARE(summary.skipped, 4);
    QCOMPARE(summary.venuesAdded, 0);
    QCOMPARE(events(*m_db), 4);
    QCOMPARE(m_db->count("venues", "deleted = 0"), 2);
    QCOMPARE(m_db->count("outbox"), outbox);

    // Our own export brought back: every UID is the id of a stored event.
    const QByteArray exported = EventIcal(m_db->db(), Actor::system()).exportData({}, {}, false);
    QVERIFY2(import(*m_db, exported, &summary, &error), qPrintable(error));
    QCOMPARE(summary.skipped, 4);
    QCOMPARE(events(*m_db), 4);
    QCOMPARE(m_db->count("outbox"), outbox);
}

void TestEventIcal::reimportKeepsTheDatabaseCopy()
{
    const QString eventId = add(timed("Rapat", Day, "08:00", "09:00", {"BUPATI"}));
    const QByteArray exported = EventIcal(m_db->db(), Actor::system()).exportData({}, {}, false);
    EventRepository repo(m_db->db(), Actor::system());
    const EventRecord started = repo.get(eventId);
    EventRecord edited = started;
    edited.title = "Rapat (diubah)";
    edited.end = edited.end.addSecs(1800);
    QString error;
    QVERIFY2(repo.update(started, edited, &error), qPrintable(error));

    EventIcal::ImportSummary summary;
    QVERIFY2(import(*m_db, exported, &summary, &error), qPrintable(error));
    QCOMPARE(summary.skipped, 1);
    QCOMPARE(events(*m_db), 1);
    QCOMPARE(repo.get(eventId).title, QString("Rapat (diubah)"));
}

void TestEventIcal::publicExport()
{
    EventRecord scheduled = timed("Peresmian jembatan", Day, "08:00", "10:00", {"BUPATI"});
    scheduled.picName = "Pak Rahmat";
    scheduled.picPhone = "0813-0000-1111";
    scheduled.staff = "Tim dokumentasi";
    scheduled.notes = "Catatan internal";
    scheduled.venueId = venue(*m_db, "Jembatan Sausu", "Sausu");
    add(scheduled);
    EventRecord done = timed("Upacara", Day.addDays(-1), "07:00", "08:00", {"WABUP"});
    done.status = Status::Selesai;
    add(done);
    EventRecord internal = timed("Rapat tertutup", Day, "13:00", "14:00", {"BUPATI"});
    internal.isPublic = false;
    add(internal);
    EventRecord submitted = timed("Usulan OPD", Day, "15:00", "16:00", {"SEKDA"});
    submitted.status = Status::Diajukan;
    add(submitted);
    EventRecord postponed = timed("Ditunda", Day.addDays(1), "09:00", "10:00", {"SEKDA"});
    postponed.status = Status::Ditunda;
    add(postponed);
    EventRecord cancelled = timed("Dibatalkan", Day.addDays(1), "10:00", "11:00", {"SEKDA"});
    cancelled.status = Status::Dibatalkan;
    add(cancelled);

    const EventIcal ical(m_db->db(), Actor::system());
    QStringList titles;
    for (const IcalEvent &e : ical.exportEvents({}, {}, true)) {
        titles << e.summary;
        QVERIFY(e.description.isEmpty());
        QVERIFY(e.isPublic());
    }
    QCOMPARE(titles, QStringList({"Upacara", "Peresmian jembatan"}));
    int count = 0;
    const QByteArray ics = ical.exportData({}, {}, true, &count);
    QCOMPARE(count, 2);
    for (const char *secret : {"0813-0000-1111", "Pak Rahmat", "Tim dokumentasi", "Catatan internal", "Rapat tertutup",
                               "Usulan OPD", "Ditunda", "Dibatalkan", "DESCRIPTION", "[HumasDesk]"})
        QVERIFY2(!ics.contains(secret), secret);
    QVERIFY(ics.contains("LOCATION:Jembatan Sausu\\, Sausu"));
    QVERIFY(ics.contains("X-HUMAS-OFFICIALS:BUPATI"));

    // The full export has every live event; the cancelled one says so.
    const QByteArray all = ical.exportData({}, {}, false, &count);
    QCOMPARE(count, 6);
    QVERIFY(all.contains("STATUS:CANCELLED"));
    QVERIFY(all.contains("0813-0000-1111"));
    QVERIFY(all.contains("CLASS:PRIVATE"));
}

void TestEventIcal::exportRange()
{
    add(timed("Senin", Day, "08:00", "09:00", {"BUPATI"}));
    add(timed("Selasa malam", Day.addDays(1), "23:00", "23:59", {"BUPATI"}));
    add(timed("Rabu", Day.addDays(2), "08:00", "09:00", {"BUPATI"}));
    EventRecord allDay;
    allDay.title = "Tiga hari";
    allDay.allDay = true;
    allDay.firstDate = Day.addDays(3);
    allDay.lastDate = Day.addDays(5);
    allDay.officialsRequested = {id(*m_db, "officials", "code", "WABUP")};
    add(allDay);
    const EventIcal ical(m_db->db(), Actor::system());
    const auto titles = [&](const QDate &from, const QDate &to) {
        QStringList found;
        for (const IcalEvent &e : ical.exportEvents(from, to, false))
            found << e.summary;
        return found;
    };
    QCOMPARE(titles({}, {}).size(), 4);
    QCOMPARE(titles(Day.addDays(1), Day.addDays(1)), QStringList{"Selasa malam"});
    QCOMPARE(titles(Day.addDays(5), Day.addDays(9)), QStringList{"Tiga hari"});
    QCOMPARE(titles(Day.addDays(6), Day.addDays(9)), QStringList());
    QCOMPARE(titles(Day, Day.addDays(2)), QStringList({"Senin", "Selasa malam", "Rabu"}));
}

void TestEventIcal::exportFile()
{
    add(timed("Rapat", Day, "08:00", "09:00", {"BUPATI"}));
    const EventIcal ical(m_db->db(), Actor::system());
    QTemporaryDir dir;
    const QString path = dir.filePath("agenda.ics");
    QVERIFY(QFile(path).open(QIODevice::WriteOnly)); // an older file is replaced
    int count = 0;
    QString error;
    QVERIFY2(ical.exportFile(path, {}, {}, false, &count, &error), qPrintable(error));
    QCOMPARE(count, 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), ical.exportData({}, {}, false));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"agenda.ics"});

    QVERIFY(!ical.exportFile(dir.filePath("missing/agenda.ics"), {}, {}, false, &count, &error));
    QVERIFY2(error.contains("missing"), qPrintable(error));
    QVERIFY(!ical.exportFile(dir.path(), {}, {}, false, &count, &error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"agenda.ics"});
}

void TestEventIcal::times_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("start"); // UTC ISO, or the first day of an all-day event
    QTest::addColumn<QString>("end");   // UTC ISO, or the last day (inclusive)
    QTest::addColumn<bool>("allDay");
    const auto row = [](const QString &start, const QString &end) { return vevent("t@test", "Acara", start, end); };
    QTest::newRow("floating is regency time (WITA)")
        << row(":20261123T080000", ":20261123T100000") << "2026-11-23T00:00:00Z"
        << "2026-11-23T02:00:00Z" << false;
    QTest::newRow("UTC") << row(":20261123T080000Z", ":20261123T100000Z") << "2026-11-23T08:00:00Z"
                         << "2026-11-23T10:00:00Z" << false;
    QTest::newRow("TZID Asia/Jakarta (WIB)")
        << row(";TZID=Asia/Jakarta:20261123T080000", ";TZID=Asia/Jakarta:20261123T093000") << "2026-11-23T01:00:00Z"
        << "2026-11-23T02:30:00Z" << false;
    QTest::newRow("DURATION") << vevent("t@test", "Acara", ":20261123T080000Z", "", {"DURATION:PT90M"})
                              << "2026-11-23T08:00:00Z"
                              << "2026-11-23T09:30:00Z" << false;
    QTest::newRow("no end: one hour") << row(":20261123T080000Z", "") << "2026-11-23T08:00:00Z"
                                      << "2026-11-23T09:00:00Z" << false;
    QTest::newRow("across midnight") << row(":20261123T230000", ":20261124T010000") << "2026-11-23T15:00:00Z"
                                     << "2026-11-23T17:00:00Z" << false;
    QTest::newRow("all-day, one day") << row(";VALUE=DATE:20261123", "") << "2026-11-23"
                                      << "2026-11-23" << true;
    QTest::newRow("all-day, three days") << row(";VALUE=DATE:20261123", ";VALUE=DATE:20261126") << "2026-11-23"
                                         << "2026-11-25" << true;
}

void TestEventIcal::times()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(bool, allDay);
    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY2(import(*m_db, calendar(lines).data, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 1);
    const EventRecord e = EventRepository(m_db->db(), Actor::system()).get(summary.addedIds.constFirst());
    QCOMPARE(e.allDay, allDay);
    if (allDay) {
        QCOMPARE(e.firstDate.toString(Qt::ISODate), start);
        QCOMPARE(e.lastDate.toString(Qt::ISODate), end);
        // Stored as local midnight to local midnight (WITA = UTC+8).
        QCOMPARE(e.start, QDateTime(e.firstDate.addDays(-1), QTime(16, 0), Qt::UTC));
    } else {
        QCOMPARE(e.start.toString(Qt::ISODate), start);
        QCOMPARE(e.end.toString(Qt::ISODate), end);
    }
}

void TestEventIcal::statusWithoutBlock_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Status>("status");
    QTest::addColumn<bool>("isPublic");
    QTest::newRow("none") << QString() << Status::Diajukan << true;
    QTest::newRow("tentative") << "STATUS:TENTATIVE" << Status::Diajukan << true;
    QTest::newRow("confirmed") << "STATUS:CONFIRMED" << Status::Terjadwal << true;
    QTest::newRow("cancelled") << "STATUS:CANCELLED" << Status::Dibatalkan << true;
    QTest::newRow("private") << "CLASS:PRIVATE" << Status::Diajukan << false;
    QTest::newRow("confidential") << "CLASS:CONFIDENTIAL" << Status::Diajukan << false;
}

void TestEventIcal::statusWithoutBlock()
{
    QFETCH(QString, line);
    QFETCH(Status, status);
    QFETCH(bool, isPublic);
    const QStringList extra = line.isEmpty() ? QStringList() : QStringList{line};
    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY2(import(*m_db, calendar(vevent("s@test", "Acara", ":20261123T080000", ":20261123T090000", extra)).data,
                    &summary, &error),
             qPrintable(error));
    const EventRecord e = EventRepository(m_db->db(), Actor::system()).get(summary.addedIds.value(0));
    QCOMPARE(e.status, status);
    QCOMPARE(e.isPublic, isPublic);
    QCOMPARE(e.notes, QString());
}

void TestEventIcal::venues()
{
    const QString known = venue(*m_db, "Gedung Olah Raga", "Parigi");
    const auto event = [](const QString &uid, const QString &location) {
        return vevent(uid, "Acara " + uid, ":20261123T080000", ":20261123T090000", {"LOCATION:" + location});
    };
    const Ics ics = calendar(event("1", "Aula Baru\\, Parigi") + event("2", "aula baru\\, PARIGI") +
                             event("3", "Gedung Olah Raga") + event("4", "gedung olah raga\\, Parigi") +
                             event("5", "Aula Baru\\, Ampibabo") + event("6", "Kantor\\, Lantai 2\\, Tinombo") +
                             vevent("7", "Tanpa tempat", ":20261123T080000", ":20261123T090000"));
    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY2(import(*m_db, ics.data, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 7);
    QCOMPARE(summary.venuesAdded, 3);
    QStringList places;
    for (const QString &eventId : summary.addedIds)
        places << venueText(*m_db, EventRepository(m_db->db(), Actor::system()).get(eventId).venueId);
    QCOMPARE(places, QStringList({"Aula Baru @ Parigi", "Aula Baru @ Parigi", "Gedung Olah Raga @ Parigi",
                                  "Gedung Olah Raga @ Parigi", "Aula Baru @ Ampibabo", "Kantor, Lantai 2 @ Tinombo",
                                  QString()}));
    QCOMPARE(EventRepository(m_db->db(), Actor::system()).get(summary.addedIds.at(2)).venueId, known);
}

void TestEventIcal::malformed_data()
{
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("message");
    // A good event first, with a new venue: it must not be stored either.
    const QStringList good = vevent("good@test", "Baik", ":20261123T080000", ":20261123T090000",
                                    {"LOCATION:Aula Baru\\, Parigi", "X-HUMAS-OPD:SETDA"});
    const auto bad = [&](const QStringList &lines) { return good + lines; };
    QTest::newRow("bad DTSTART") << bad({"BEGIN:VEVENT", "UID:x", "!DTSTART:20261123T0800", "SUMMARY:X",
                                         "X-HUMAS-OFFICIALS:BUPATI", "END:VEVENT"})
                                 << "20261123T0800";
    QTest::newRow("end before start") << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000",
                                              "!DTEND:20261123T080000", "SUMMARY:X", "END:VEVENT"})
                                      << "ends before";
    QTest::newRow("no UID") << bad({"!BEGIN:VEVENT", "DTSTART:20261123T100000", "SUMMARY:X", "END:VEVENT"}) << "UID";
    QTest::newRow("unknown official") << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X",
                                              "!X-HUMAS-OFFICIALS:BUPATI,CAMAT", "END:VEVENT"})
                                      << "CAMAT";
    QTest::newRow("no official") << bad({"!BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X",
                                         "LOCATION:Aula Baru\\, Parigi", "END:VEVENT"})
                                 << "X-HUMAS-OFFICIALS";
    QTest::newRow("unknown OPD") << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X",
                                         "X-HUMAS-OFFICIALS:SEKDA", "!X-HUMAS-OPD:DINASX", "END:VEVENT"})
                                 << "DINASX";
    QTest::newRow("no title") << bad({"!BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "X-HUMAS-OFFICIALS:SEKDA",
                                      "END:VEVENT"})
                              << "SUMMARY";
    QTest::newRow("unknown venue, no kecamatan")
        << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X", "X-HUMAS-OFFICIALS:SEKDA",
                "!LOCATION:Gedung Entah", "END:VEVENT"})
        << "Gedung Entah";
    QTest::newRow("unknown kecamatan") << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X",
                                               "X-HUMAS-OFFICIALS:SEKDA", "!LOCATION:Aula\\, Atlantis", "END:VEVENT"})
                                       << "Atlantis";
    QTest::newRow("unknown status in the block")
        << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X", "X-HUMAS-OFFICIALS:SEKDA",
                "!DESCRIPTION:[HumasDesk]\\nStatus: batal", "END:VEVENT"})
        << "batal";
    QTest::newRow("folded line before the bad value")
        << bad({"BEGIN:VEVENT", "UID:x", "SUMMARY:Rapat yang judulnya panjang sekali sehingga baris ini dilipat",
                " menjadi dua baris", "!DTSTART;TZID=Asia/Nowhere:20261123T100000", "X-HUMAS-OFFICIALS:SEKDA",
                "END:VEVENT"})
        << "Asia/Nowhere";
    QTest::newRow("an RRULE we do not expand")
        << bad({"BEGIN:VEVENT", "UID:x", "DTSTART:20261123T100000", "SUMMARY:X", "X-HUMAS-OFFICIALS:SEKDA",
                "!RRULE:FREQ=WEEKLY;BYSETPOS=1", "END:VEVENT"})
        << "BYSETPOS";
}

void TestEventIcal::malformed()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, message);
    venue(*m_db, "Gedung Olah Raga", "Parigi");
    const int outbox = m_db->count("outbox");
    const Ics ics = calendar(lines);
    QVERIFY(ics.markedLine > 0);
    EventIcal::ImportSummary summary;
    summary.skipped = -1;
    QString error;
    QVERIFY(!import(*m_db, ics.data, &summary, &error));
    QVERIFY2(error.startsWith(QString("Line %1: ").arg(ics.markedLine)), qPrintable(error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(summary.skipped, -1);
    QCOMPARE(events(*m_db), 0);
    QCOMPARE(m_db->count("venues", "deleted = 0"), 1);
    QCOMPARE(m_db->count("outbox"), outbox);
}

void TestEventIcal::recurrenceExpandedInClockWindow()
{
    const QStringList weekly = vevent("w@test", "Apel pagi", ":20261123T073000", ":20261123T080000",
                                      {"RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6", "EXDATE:20261125T073000"});
    // No end: expanded from a year before today to two years after.
    const QStringList monthly =
        vevent("m@test", "Rapat bulanan", ";VALUE=DATE:20240115", "", {"RRULE:FREQ=MONTHLY"}, "SEKDA");
    const QByteArray ics = calendar(weekly + monthly).data;
    const EventIcal ical(m_db->db(), Actor::system());
    QDate from;
    QDate to;
    ical.expansionWindow(&from, &to);
    QCOMPARE(from, QDate(2025, 11, 23));
    QCOMPARE(to, QDate(2028, 11, 23));

    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY2(import(*m_db, ics, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 5 + 36);
    const EventRepository repo(m_db->db(), Actor::system());
    QStringList apel;
    QList<QDate> rapat;
    for (const QString &eventId : summary.addedIds) {
        const EventRecord e = repo.get(eventId);
        if (e.title == "Apel pagi")
            apel << repo.utcToLocal(e.start).toString("yyyy-MM-dd HH:mm") + "-" +
                        repo.utcToLocal(e.end).toString("HH:mm");
        else
            rapat << e.firstDate;
    }
    QCOMPARE(apel, QStringList({"2026-11-23 07:30-08:00", "2026-11-30 07:30-08:00", "2026-12-02 07:30-08:00",
                                "2026-12-07 07:30-08:00", "2026-12-09 07:30-08:00"}));
    QCOMPARE(rapat.constFirst(), QDate(2025, 12, 15));
    QCOMPARE(rapat.constLast(), QDate(2028, 11, 15));

    QVERIFY2(import(*m_db, ics, &summary, &error), qPrintable(error));
    QCOMPARE(summary.addedIds.size(), 0);
    QCOMPARE(summary.skipped, 41);

    // A year later the window has moved with the clock (never the system date).
    m_clock->setNow(QDateTime(QDate(2027, 11, 22), QTime(20, 0), Qt::UTC)); // 23 November 2027, 04.00 WITA
    QCOMPARE(ical.today(), QDate(2027, 11, 23));
    QVERIFY2(import(*m_db, ics, &summary, &error), qPrintable(error));
    QCOMPARE(summary.skipped, 5 + 24);     // the weekly ones and Dec 2026 .. Nov 2028 were there already
    QCOMPARE(summary.addedIds.size(), 12); // Dec 2028 .. Nov 2029
}

/** Daily rules from 1 January 2030 (one a different hour each): @p rule on each. */
static Ics dailyRules(int count, const QString &rule, int markedRule = -1)
{
    QStringList lines;
    for (int k = 0; k < count; ++k) {
        const QString hour = QString::number(7 + k % 10).rightJustified(2, '0');
        lines << vevent(QString("r%1@test").arg(k), QString("Apel %1").arg(k), ":20300101T" + hour + "0000",
                        ":20300101T" + hour + "3000", {(k == markedRule ? "!RRULE:" : "RRULE:") + rule});
    }
    return calendar(lines);
}

static const QDate WindowFrom(2030, 1, 1);
static const QDate WindowTo(2032, 12, 31); // 1,096 days

void TestEventIcal::occurrencesPerRuleCapped_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<int>("imported"); // -1: refused
    QTest::newRow("COUNT at the cap") << "FREQ=DAILY;COUNT=1000" << 1000;
    QTest::newRow("COUNT one past the cap") << "FREQ=DAILY;COUNT=1001" << -1;
    QTest::newRow("no end, every day of the window") << "FREQ=DAILY" << -1;
    QTest::newRow("working days of the window") << "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" << 784;
}

void TestEventIcal::occurrencesPerRuleCapped()
{
    QFETCH(QString, rule);
    QFETCH(int, imported);
    QCOMPARE(IcalReader::MaxOccurrencesPerRule, 1000);
    const Ics ics = dailyRules(1, rule, 0);
    const int outbox = m_db->count("outbox");
    EventIcal ical(m_db->db(), Actor::system());
    ical.setExpansionWindow(WindowFrom, WindowTo);
    EventIcal::ImportSummary summary;
    QString error;
    const bool ok = ical.importData(ics.data, &summary, &error);
    if (imported >= 0) {
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(summary.addedIds.size(), imported);
        QCOMPARE(events(*m_db), imported);
        return;
    }
    QVERIFY(!ok);
    QVERIFY2(error.startsWith(QString("Line %1: ").arg(ics.markedLine)), qPrintable(error));
    QVERIFY2(error.contains("more than") && error.contains("UNTIL or COUNT"), qPrintable(error));
    QCOMPARE(events(*m_db), 0);
    QCOMPARE(m_db->count("outbox"), outbox);
}

void TestEventIcal::eventsPerFileCapped_data()
{
    QCOMPARE(IcalReader::MaxEventsPerFile, 20000);
    QTest::addColumn<QByteArray>("ics");
    QTest::addColumn<int>("markedLine"); // 0: accepted
    const Ics twenty = dailyRules(20, "FREQ=DAILY;COUNT=1000");
    QTest::newRow("20 rules of 1,000") << twenty.data << 0;
    const Ics rules = dailyRules(21, "FREQ=DAILY;COUNT=1000", 20);
    QTest::newRow("21 rules of 1,000") << rules.data << rules.markedLine;
    QStringList lines;
    for (int i = 0; i <= 20000; ++i) {
        QStringList event =
            vevent(QString("s%1@test").arg(i), "Rapat", ":20300102T080000", ":20300102T090000", {}, "SEKDA");
        if (i == 20000)
            event.first().prepend('!');
        lines << event;
    }
    const Ics single = calendar(lines);
    QTest::newRow("20,001 single events") << single.data << single.markedLine;
}

void TestEventIcal::eventsPerFileCapped()
{
    QFETCH(QByteArray, ics);
    QFETCH(int, markedLine);
    const int outbox = m_db->count("outbox");
    EventIcal ical(m_db->db(), Actor::system());
    ical.setExpansionWindow(WindowFrom, WindowTo);
    QString error;
    const bool ok = ical.prepareImport(ics, &error);
    if (markedLine == 0) {
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(ical.preparedCount(), 20000);
        return;
    }
    QVERIFY(!ok);
    QCOMPARE(ical.preparedCount(), 0);
    QVERIFY2(error.startsWith(QString("Line %1: ").arg(markedLine)), qPrintable(error));
    QVERIFY2(error.contains("Split the file"), qPrintable(error));
    EventIcal::ImportSummary summary;
    QVERIFY(!ical.importData(ics, &summary, &error));
    QCOMPARE(events(*m_db), 0);
    QCOMPARE(m_db->count("outbox"), outbox);
}

void TestEventIcal::fileSizeCapped()
{
    // One event, then lines the reader ignores, to just past 16 MiB.
    const QByteArray event = calendar(vevent("big@test", "Rapat", ":20261123T080000", ":20261123T090000")).data;
    QByteArray ics = event;
    ics.chop(QByteArray("END:VCALENDAR\r\n").size());
    const QByteArray pad = "X-PAD:" + QByteArray(998, 'x') + "\r\n";
    while (ics.size() <= IcalReader::MaxFileBytes)
        ics += pad;
    ics += "END:VCALENDAR\r\n";
    const int outbox = m_db->count("outbox");
    EventIcal ical(m_db->db(), Actor::system());
    EventIcal::ImportSummary summary;
    QString error;
    QVERIFY(!ical.importData(ics, &summary, &error));
    QVERIFY2(error.contains("at most 16 MB"), qPrintable(error));
    const QString path = QDir(m_db->dir()).filePath("big.ics");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(ics) == ics.size());
    file.close();
    error.clear();
    QVERIFY(!ical.importFile(path, &summary, &error));
    QVERIFY2(error.contains("at most 16 MB"), qPrintable(error));
    QCOMPARE(events(*m_db), 0);
    QCOMPARE(m_db->count("outbox"), outbox);
    // The same event without the padding is imported.
    QVERIFY2(ical.importData(event, &summary, &error), qPrintable(error));
    QCOMPARE(events(*m_db), 1);
}

void TestEventIcal::expansionWorkCapped()
{
    // Rules with COUNT are counted from DTSTART: 700,000 days from the year 1 end in 1917, far
    // before the window, and cost 700,001 steps each. Five fit in the budget, the sixth not.
    QCOMPARE(IcalReader::MaxRecurrenceSteps, qint64(4000000));
    QStringList lines;
    for (int k = 0; k < 6; ++k)
        lines << vevent(QString("old%1@test").arg(k), "Kuno", ":00010101T080000", ":00010101T090000",
                        {(k == 5 ? "!" : "") + QString("RRULE:FREQ=DAILY;COUNT=700000")});
    const Ics ics = calendar(lines);
    EventIcal ical(m_db->db(), Actor::system());
    ical.setExpansionWindow(WindowFrom, WindowTo);
    QString error;
    QVERIFY(!ical.prepareImport(ics.data, &error));
    QVERIFY2(error.startsWith(QString("Line %1: ").arg(ics.markedLine)) && error.contains("too long to expand"),
             qPrintable(error));
    // Five of them are expanded (to nothing in the window).
    lines = lines.mid(0, 5 * lines.size() / 6);
    QVERIFY2(ical.prepareImport(calendar(lines).data, &error), qPrintable(error));
    QCOMPARE(ical.preparedCount(), 0);
}

void TestEventIcal::checkedBeforeTheWriteLock()
{
    // An OPD account may import only submissions of its own OPD: a rule of the store that the
    // reader cannot see. Such a file must be refused without waiting for the write lock.
    const QString opdId = id(*m_db, "opd", "code", "DISKOMINFO");
    const Actor opd = m_db->addUser("kominfo", "opd", "rahasia123", opdId);
    const QStringList own = vevent("own@test", "Rapat kominfo", ":20261124T080000", ":20261124T090000",
                                   {"X-HUMAS-OPD:DISKOMINFO", "STATUS:TENTATIVE"});
    const Ics foreign = calendar(vevent("other@test", "Rapat dinkes", ":20261124T100000", ":20261124T110000",
                                        {"X-HUMAS-OPD:DINKES", "STATUS:TENTATIVE"}));
    // Another desk holds the write lock throughout.
    {
        QSqlDatabase other = QSqlDatabase::addDatabase("QSQLITE", "other-desk");
        other.setDatabaseName(m_db->path());
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY(lock.exec("BEGIN IMMEDIATE"));
        QVERIFY(lock.exec("INSERT INTO meta(key, value) VALUES('other-desk', 'writing')"));

        EventIcal refused(m_db->db(), opd);
        EventIcal::ImportSummary summary;
        QString error;
        QVERIFY(!refused.importData(foreign.data, &summary, &error));
        QVERIFY2(error.startsWith("Line 4: ") && error.contains("own OPD"), qPrintable(error));

        EventIcal ical(m_db->db(), opd);
        QVERIFY2(ical.prepareImport(calendar(own).data, &error), qPrintable(error));
        QCOMPARE(ical.preparedCount(), 1);
        QVERIFY(lock.exec("COMMIT"));
        QVERIFY2(ical.writePrepared(&summary, &error), qPrintable(error));
        QCOMPARE(summary.addedIds.size(), 1);
        lock.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase("other-desk");
    QCOMPARE(events(*m_db), 1);
    QCOMPARE(m_db->db().meta("other-desk"), QString("writing"));
}

void TestEventIcal::descriptionBlock_data()
{
    QTest::addColumn<QString>("notes");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("notes and fields") << "Bawa paparan.\nDua baris." << QStringList{"Status", "PIC"}
                                      << QStringList{"terjadwal", "Budi"};
    QTest::newRow("fields only") << QString() << QStringList{"Status"} << QStringList{"ditunda"};
    QTest::newRow("values with line ends and backslashes")
        << "C:\\data" << QStringList{"Staff", "Letter"} << QStringList{"Andi\nRina", "005\\12: a"};
    QTest::newRow("notes mention the marker")
        << "Lihat [HumasDesk] nanti." << QStringList{"Speech"} << QStringList{"yes"};
}

void TestEventIcal::descriptionBlock()
{
    QFETCH(QString, notes);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, values);
    QList<std::pair<QString, QString>> fields;
    for (int i = 0; i < keys.size(); ++i)
        fields.append({keys.at(i), values.at(i)});
    const QString description = EventIcal::composeDescription(notes, fields);
    QVERIFY(description.contains("\n" + EventIcal::BlockMarker + "\n") ||
            description.startsWith(EventIcal::BlockMarker + "\n"));
    QList<std::pair<QString, QString>> back;
    QCOMPARE(EventIcal::splitDescription(description, &back), notes);
    QCOMPARE(back, fields);
    // A description from another program is all notes.
    back.clear();
    QCOMPARE(EventIcal::splitDescription(notes, &back), notes);
    QVERIFY(back.isEmpty());
}

QTEST_GUILESS_MAIN(TestEventIcal)
#include "tst_eventical.moc"
