// EventRepository (issue 3, "Data and rules"): validation, role rules, the status life cycle,
// delegation, all-day spans in the regency's zone and conflicts over stored events. Every
// refusal must leave neither an event row nor an outbox entry.

#include "agenda/eventrepository.h"
#include "agenda/eventstatus.h"
#include "master/referencerepositories.h"
#include "store/blobstore.h"
#include "store/database.h"

#include "agendatestdata.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = EventSpan::Status;

Q_DECLARE_METATYPE(Humas::EventSpan::Status)

namespace {
const QDate Day(2026, 11, 23); // a Monday
} // namespace

class TestEventRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addAndGet();
    void validation_data();
    void validation();
    void roles_data();
    void roles();
    void opdMayNotChangeStatusOrDelegate();
    void transitions_data();
    void transitions();
    void updateChecksTransition();
    void delegation();
    void allDayWita_data();
    void allDayWita();
    void eventsBetweenIsHalfOpen();
    void conflictsBetween();
    void removeAndRestore();

private:
    QString id(const QString &table, const QString &field, const QString &value)
    {
        return m_data->id(table, field, value);
    }
    QString official(const QString &code) { return m_data->official(code); }
    QString venue(const QString &name, const QString &kecamatan) { return m_data->venue(name, kecamatan); }
    EventRecord timed(const QString &title, const QString &from, const QString &to, const QStringList &codes,
                      const QString &venueId, Status status = Status::Terjadwal)
    {
        return m_data->timed(title, Day, from, to, codes, venueId, status);
    }
    QString add(EventRecord event, const Actor &actor = Actor::system()) { return m_data->add(event, actor); }
    int events() { return m_db->count("events", "deleted = 0"); }
    int outbox() { return m_db->count("outbox", "entity = 'events'"); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HumasTest::AgendaTestData> m_data;
};

void TestEventRepository::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestEventRepository::init()
{
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_data = std::make_unique<HumasTest::AgendaTestData>(m_db->db());
}

void TestEventRepository::cleanup()
{
    m_data.reset();
    m_db.reset();
}

void TestEventRepository::addAndGet()
{
    EventRepository repo(m_db->db(), Actor::system());
    EventRecord e = timed("  Rapat koordinasi  ", "08:00", "10:00", {"BUPATI", "SEKDA"}, venue("Aula", "Ampibabo"));
    e.opdId = id("opd", "code", "SETDA");
    e.letterNumber = "005/123/Setda";
    e.letterDate = QDate(2026, 11, 10);
    e.letterBlob = BlobStore(m_db->db()).put("%PDF-1.4 undangan", "application/pdf", nullptr);
    e.dressCode = "PDH";
    e.speechNeeded = true;
    QString error;
    QVERIFY2(repo.add(&e, &error), qPrintable(error));
    QVERIFY(!e.id.isEmpty());
    QCOMPARE(events(), 1);
    QCOMPARE(outbox(), 1);

    const EventRecord stored = repo.get(e.id);
    QCOMPARE(stored.title, QString("Rapat koordinasi"));
    QCOMPARE(stored.start, QDateTime(Day, QTime(0, 0), Qt::UTC));
    QCOMPARE(stored.end, QDateTime(Day, QTime(2, 0), Qt::UTC));
    QCOMPARE(stored.officialsRequested, e.officialsRequested);
    QCOMPARE(stored.attending(), e.officialsRequested);
    QCOMPARE(stored.venueId, e.venueId);
    QCOMPARE(stored.opdId, e.opdId);
    QCOMPARE(stored.letterDate, e.letterDate);
    QCOMPARE(stored.letterBlob, e.letterBlob);
    QCOMPARE(stored.status, Status::Terjadwal);
    QVERIFY(stored.speechNeeded);
    QCOMPARE(stored.dressCode, QString("PDH"));
    QVERIFY(!repo.get("no-such-id").isValid());
}

void TestEventRepository::validation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty title") << "title"
                                 << "title";
    QTest::newRow("end before start") << "end-before"
                                      << "after its start";
    QTest::newRow("end equals start") << "end-equal"
                                      << "after its start";
    QTest::newRow("no official") << "no-official"
                                 << "at least one official";
    QTest::newRow("unknown official") << "unknown-official"
                                      << "Unknown official";
    QTest::newRow("unknown attending") << "unknown-attending"
                                       << "Unknown official";
    QTest::newRow("unknown venue") << "unknown-venue"
                                   << "Unknown venue";
    QTest::newRow("unknown opd") << "unknown-opd"
                                 << "Unknown OPD";
    QTest::newRow("missing blob") << "blob"
                                  << "attachment";
    QTest::newRow("all-day last before first") << "all-day"
                                               << "last day";
    QTest::newRow("no times") << "no-times"
                              << "start and an end";
    QTest::newRow("title 100 kB") << "title-100k"
                                  << "too long";
    QTest::newRow("title two lines") << "title-newline"
                                     << "single line";
    QTest::newRow("letter number escape") << "letter-escape"
                                          << "single line";
    QTest::newRow("notes 100 kB") << "notes-100k"
                                  << "too long";
    QTest::newRow("notes with a NUL") << "notes-nul"
                                      << "control character";
}

void TestEventRepository::validation()
{
    QFETCH(QString, change);
    QFETCH(QString, message);
    EventRecord e = timed("Rapat", "08:00", "10:00", {"BUPATI"}, venue("Aula", "Ampibabo"));
    if (change == "title")
        e.title = "   ";
    else if (change == "end-before")
        e.end = e.start.addSecs(-60);
    else if (change == "end-equal")
        e.end = e.start;
    else if (change == "no-official")
        e.officialsRequested.clear();
    else if (change == "unknown-official")
        e.officialsRequested << "nobody";
    else if (change == "unknown-attending")
        e.officialsAttending << "nobody";
    else if (change == "unknown-venue")
        e.venueId = "nowhere";
    else if (change == "unknown-opd")
        e.opdId = "no-opd";
    else if (change == "blob")
        e.letterBlob = QString(64, QLatin1Char('a'));
    else if (change == "no-times")
        e.start = QDateTime();
    else if (change == "title-100k")
        e.title = QString(100 * 1024, QLatin1Char('x'));
    else if (change == "title-newline")
        e.title = "Rapat\nlain";
    else if (change == "letter-escape")
        e.letterNumber = "005/\x1b[2J/2026";
    else if (change == "notes-100k")
        e.notes = QString(100 * 1024, QLatin1Char('x'));
    else if (change == "notes-nul")
        e.notes = QString("baris 1\nbaris\t2") + QChar(0) + "x";
    else if (change == "all-day") {
        e.allDay = true;
        e.firstDate = Day;
        e.lastDate = Day.addDays(-1);
    }
    EventRepository repo(m_db->db(), Actor::system());
    QString error;
    QVERIFY(!repo.add(&e, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(events(), 0);
    QCOMPARE(outbox(), 0);
}

void TestEventRepository::roles_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("userOpd");
    QTest::addColumn<QString>("eventOpd");
    QTest::addColumn<Status>("status");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("admin schedules") << "admin"
                                     << ""
                                     << "DINKES" << Status::Terjadwal << true;
    QTest::newRow("protokol schedules") << "protokol"
                                        << ""
                                        << "" << Status::Terjadwal << true;
    QTest::newRow("opd submits own") << "opd"
                                     << "SETDA"
                                     << "SETDA" << Status::Diajukan << true;
    QTest::newRow("opd other OPD") << "opd"
                                   << "SETDA"
                                   << "SETWAN" << Status::Diajukan << false;
    QTest::newRow("opd without OPD") << "opd"
                                     << "SETDA"
                                     << "" << Status::Diajukan << false;
    QTest::newRow("opd schedules") << "opd"
                                   << "SETDA"
                                   << "SETDA" << Status::Terjadwal << false;
    QTest::newRow("pimpinan") << "pimpinan"
                              << ""
                              << "SETDA" << Status::Diajukan << false;
    QTest::newRow("ppid") << "ppid"
                          << ""
                          << "SETDA" << Status::Diajukan << false;
    QTest::newRow("redaksi") << "redaksi"
                             << ""
                             << "SETDA" << Status::Diajukan << false;
}

void TestEventRepository::roles()
{
    QFETCH(QString, role);
    QFETCH(QString, userOpd);
    QFETCH(QString, eventOpd);
    QFETCH(Status, status);
    QFETCH(bool, allowed);
    const QString venueId = venue("Aula", "Ampibabo");
    const int outboxBefore = m_db->count("outbox");
    const Actor actor =
        m_db->addUser("u_" + role, role, "rahasia123", userOpd.isEmpty() ? QString() : id("opd", "code", userOpd));
    QVERIFY(actor.isValid());
    EventRecord e = timed("Rapat", "08:00", "10:00", {"BUPATI"}, venueId, status);
    if (!eventOpd.isEmpty()) {
        e.opdId = id("opd", "code", eventOpd);
        QVERIFY(!e.opdId.isEmpty());
    }
    EventRepository repo(m_db->db(), actor);
    QString error;
    QCOMPARE(repo.add(&e, &error), allowed);
    QCOMPARE(events(), allowed ? 1 : 0);
    QCOMPARE(outbox(), allowed ? 1 : 0);
    // Apart from the user just added, nothing else was written either.
    QCOMPARE(m_db->count("outbox") - outboxBefore, 1 + (allowed ? 1 : 0));
    if (!allowed)
        QVERIFY(!error.isEmpty());
}

void TestEventRepository::opdMayNotChangeStatusOrDelegate()
{
    const Actor actor = m_db->addUser("dinas", "opd", "rahasia123", id("opd", "code", "SETDA"));
    EventRecord e = timed("Rapat", "08:00", "10:00", {"BUPATI"}, {}, Status::Diajukan);
    e.opdId = id("opd", "code", "SETDA");
    const QString eventId = add(e, actor);
    QVERIFY(!eventId.isEmpty());
    EventRepository repo(m_db->db(), actor);
    QString error;
    QVERIFY(!repo.setStatus(eventId, Status::Terjadwal, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!repo.delegate(eventId, official("BUPATI"), official("WABUP"), &error));
    // Once protokol has scheduled it, the OPD may no longer edit it.
    QVERIFY(EventRepository(m_db->db(), Actor::system()).setStatus(eventId, Status::Terjadwal, &error));
    const EventRecord started = repo.get(eventId);
    EventRecord stored = started;
    stored.title = "Rapat lain";
    stored.status = Status::Diajukan;
    QVERIFY(!repo.update(started, stored, &error));
    QCOMPARE(repo.get(eventId).title, QString("Rapat"));
    QCOMPARE(outbox(), 2);
}

void TestEventRepository::transitions_data()
{
    QTest::addColumn<Status>("from");
    QTest::addColumn<Status>("to");
    QTest::addColumn<bool>("allowed");
    const QSet<QString> allowed = {"diajukan>terjadwal",  "terjadwal>selesai", "diajukan>ditunda",
                                   "diajukan>dibatalkan", "terjadwal>ditunda", "terjadwal>dibatalkan",
                                   "ditunda>diajukan",    "ditunda>terjadwal"};
    for (const Status from : EventStatus::all()) {
        for (const Status to : EventStatus::all()) {
            if (from == to)
                continue;
            const QString name = EventStatus::code(from) + ">" + EventStatus::code(to);
            QTest::newRow(qPrintable(name)) << from << to << allowed.contains(name);
        }
    }
}

void TestEventRepository::transitions()
{
    QFETCH(Status, from);
    QFETCH(Status, to);
    QFETCH(bool, allowed);
    QCOMPARE(EventStatus::canTransition(from, to), allowed);
    const QString eventId = add(timed("Rapat", "08:00", "10:00", {"BUPATI"}, {}, from));
    QVERIFY(!eventId.isEmpty());
    EventRepository repo(m_db->db(), m_db->addUser("protokol1", "protokol"));
    QString error;
    QCOMPARE(repo.setStatus(eventId, to, &error), allowed);
    QCOMPARE(repo.get(eventId).status, allowed ? to : from);
    QCOMPARE(outbox(), allowed ? 2 : 1);
    if (!allowed) {
        QVERIFY2(error.contains(EventStatus::displayName(from)) && error.contains(EventStatus::displayName(to)),
                 qPrintable(error));
    }
    // Setting the status an event already has changes nothing and is not an error.
    QVERIFY(repo.setStatus(eventId, repo.get(eventId).status, &error));
    QCOMPARE(outbox(), allowed ? 2 : 1);
}

void TestEventRepository::updateChecksTransition()
{
    const QString eventId = add(timed("Rapat", "08:00", "10:00", {"BUPATI"}, {}, Status::Selesai));
    EventRepository repo(m_db->db(), Actor::system());
    const EventRecord started = repo.get(eventId);
    EventRecord e = started;
    e.status = Status::Diajukan;
    QString error;
    QVERIFY(!repo.update(started, e, &error));
    QCOMPARE(repo.get(eventId).status, Status::Selesai);
    e.status = Status::Selesai;
    e.title = "Rapat (notulen)";
    QVERIFY2(repo.update(started, e, &error), qPrintable(error));
    QCOMPARE(repo.get(eventId).title, QString("Rapat (notulen)"));
    QCOMPARE(outbox(), 2);
}

void TestEventRepository::delegation()
{
    const QString eventId = add(timed("Peresmian", "08:00", "10:00", {"BUPATI", "SEKDA"}, {}));
    EventRepository repo(m_db->db(), Actor::system());
    QString error;
    QVERIFY2(repo.delegate(eventId, official("BUPATI"), official("WABUP"), &error), qPrintable(error));
    EventRecord e = repo.get(eventId);
    QCOMPARE(e.officialsRequested, QStringList({official("BUPATI"), official("SEKDA")}));
    QCOMPARE(e.attending(), QStringList({official("WABUP"), official("SEKDA")}));
    // The conflict engine sees who actually goes.
    const QList<EventSpan> spans = repo.spansBetween(e.start, e.end);
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().attendingOfficials(), e.attending());

    // The requested official no longer attends, so cannot be delegated again.
    QVERIFY(!repo.delegate(eventId, official("BUPATI"), official("ASISTEN1"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!repo.delegate(eventId, official("SEKDA"), "nobody", &error));
    // A representative who already attends simply takes over.
    QVERIFY(repo.delegate(eventId, official("SEKDA"), official("WABUP"), &error));
    e = repo.get(eventId);
    QCOMPARE(e.attending(), QStringList({official("WABUP")}));
    QCOMPARE(e.officialsRequested, QStringList({official("BUPATI"), official("SEKDA")}));
    QCOMPARE(outbox(), 3);
}

void TestEventRepository::allDayWita_data()
{
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::addColumn<QString>("startsAt");
    QTest::addColumn<QString>("endsAt");
    QTest::newRow("one day") << Day << QDate() << "2026-11-22T16:00:00Z"
                             << "2026-11-23T16:00:00Z";
    QTest::newRow("same day given") << Day << Day << "2026-11-22T16:00:00Z"
                                    << "2026-11-23T16:00:00Z";
    QTest::newRow("three days") << Day << Day.addDays(2) << "2026-11-22T16:00:00Z"
                                << "2026-11-25T16:00:00Z";
    QTest::newRow("across year end") << QDate(2026, 12, 31) << QDate(2027, 1, 1) << "2026-12-30T16:00:00Z"
                                     << "2027-01-01T16:00:00Z";
}

void TestEventRepository::allDayWita()
{
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QFETCH(QString, startsAt);
    QFETCH(QString, endsAt);
    EventRepository repo(m_db->db(), Actor::system());
    QCOMPARE(repo.utcOffsetSeconds(), 8 * 3600);
    EventRecord e;
    e.title = "Kunjungan kerja";
    e.allDay = true;
    e.firstDate = first;
    e.lastDate = last;
    e.officialsRequested = {official("BUPATI")};
    QString error;
    QVERIFY2(repo.add(&e, &error), qPrintable(error));
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec("SELECT starts_at, ends_at, all_day FROM events"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), startsAt);
    QCOMPARE(q.value(1).toString(), endsAt);
    QCOMPARE(q.value(2).toInt(), 1);

    const EventRecord stored = repo.get(e.id);
    QVERIFY(stored.allDay);
    QCOMPARE(stored.firstDate, first);
    QCOMPARE(stored.lastDate, last.isValid() ? last : first);
    const QList<EventSpan> spans = repo.spansBetween(stored.start, stored.end);
    QCOMPARE(spans.size(), 1);
    QVERIFY(spans.first().isAllDay());
    QCOMPARE(spans.first().startMs(), QDateTime::fromString(startsAt, Qt::ISODate).toMSecsSinceEpoch());
    QCOMPARE(spans.first().endMs(), QDateTime::fromString(endsAt, Qt::ISODate).toMSecsSinceEpoch());
}

void TestEventRepository::eventsBetweenIsHalfOpen()
{
    const QString eventId = add(timed("Rapat", "08:00", "10:00", {"BUPATI"}, {}));
    EventRepository repo(m_db->db(), Actor::system());
    const QDateTime eight = repo.localToUtc(Day, QTime(8, 0));
    const QDateTime ten = repo.localToUtc(Day, QTime(10, 0));
    QCOMPARE(repo.eventsBetween(ten, ten.addSecs(3600)).size(), 0);
    QCOMPARE(repo.eventsBetween(eight.addSecs(-3600), eight).size(), 0);
    QCOMPARE(repo.eventsBetween(eight.addSecs(-60), eight.addSecs(60)).value(0).id, eventId);
    QCOMPARE(repo.eventsBetween(ten.addSecs(-60), ten.addSecs(60)).value(0).id, eventId);
}

void TestEventRepository::conflictsBetween()
{
    const QString v1 = venue("Aula Kantor Camat", "Ampibabo");
    const QString v2 = venue("Masjid Raya", "Ampibabo");
    const QString v3 = venue("Lapangan", "Bolano");
    const QString a = add(timed("A", "08:00", "10:00", {"BUPATI"}, v1));
    const QString b = add(timed("B", "09:00", "11:00", {"BUPATI"}, v2));
    const QString c = add(timed("C", "09:30", "10:30", {"WABUP"}, v1));
    const QString d = add(timed("D", "13:00", "14:00", {"SEKDA"}, v3));
    const QString e = add(timed("E", "14:30", "15:00", {"SEKDA"}, v1));
    // Touching ends and a postponed event never clash.
    add(timed("F", "11:00", "12:00", {"BUPATI"}, v2));
    add(timed("G", "08:00", "16:00", {"BUPATI", "SEKDA"}, v1, Status::Ditunda));
    QCOMPARE(events(), 7);

    EventRepository repo(m_db->db(), Actor::system());
    const auto found = [&repo](const QDate &from, const QDate &to) {
        const QList<Conflict> list = repo.conflictsBetween(from, to);
        return QSet<Conflict>(list.cbegin(), list.cend());
    };
    const Conflict official = Conflict::make(Conflict::Kind::Official, a, b, this->official("BUPATI"));
    const Conflict venueClash = Conflict::make(Conflict::Kind::Venue, a, c, v1);
    const Conflict travel = Conflict::make(Conflict::Kind::Travel, d, e, this->official("SEKDA"));
    QCOMPARE(found(Day, Day), QSet<Conflict>({official, venueClash, travel}));
    QCOMPARE(repo.conflictsBetween(Day, Day).size(), 3);
    QVERIFY(found(Day.addDays(1), Day.addDays(3)).isEmpty());
    QVERIFY(found(Day.addDays(-3), Day.addDays(-1)).isEmpty());

    // The matrix overrides the 60-minute default between the two kecamatan.
    TravelTimeRepository travelTimes(m_db->db(), Actor::system());
    QString error;
    QVERIFY2(travelTimes.insert({{"kecamatan_a", id("kecamatan", "name", "Ampibabo")},
                                 {"kecamatan_b", id("kecamatan", "name", "Bolano")},
                                 {"minutes", 20}},
                                nullptr, &error),
             qPrintable(error));
    QCOMPARE(found(Day, Day), QSet<Conflict>({official, venueClash}));

    // A cancelled event clashes with nothing.
    QVERIFY2(repo.setStatus(b, Status::Dibatalkan, &error), qPrintable(error));
    QCOMPARE(found(Day, Day), QSet<Conflict>({venueClash}));
}

void TestEventRepository::removeAndRestore()
{
    const QString opdId = id("opd", "code", "SETDA");
    const Actor clerk = m_db->addUser("opdsetda", "opd", "rahasia123", opdId);
    const Actor other = m_db->addUser("opddinkes", "opd", "rahasia123", id("opd", "code", "DINKES"));
    const Actor boss = m_db->addUser("pimpinan1", "pimpinan");
    EventRecord e = timed("Rapat", "08:00", "10:00", {"BUPATI"}, venue("Aula", "Ampibabo"), Status::Diajukan);
    e.opdId = opdId;
    const QString eventId = add(e, clerk);
    QVERIFY(!eventId.isEmpty());
    const int outboxBefore = outbox();
    QString error;
    QVERIFY(!EventRepository(m_db->db(), boss).remove(eventId, &error));
    QVERIFY(!EventRepository(m_db->db(), other).remove(eventId, &error));
    QVERIFY(error.contains("own OPD"));
    QCOMPARE(outbox(), outboxBefore);
    QVERIFY2(EventRepository(m_db->db(), clerk).remove(eventId, &error), qPrintable(error));
    QCOMPARE(events(), 0);
    QVERIFY(!EventRepository(m_db->db(), clerk).get(eventId).isValid());
    QVERIFY(!EventRepository(m_db->db(), clerk).remove(eventId, &error));
    // Another OPD may not bring it back; the refused restore leaves it deleted.
    QVERIFY(!EventRepository(m_db->db(), other).restore(eventId, &error));
    QCOMPARE(events(), 0);
    QCOMPARE(outbox(), outboxBefore + 1);
    QVERIFY2(EventRepository(m_db->db(), Actor::system()).restore(eventId, &error), qPrintable(error));
    QCOMPARE(events(), 1);
    QCOMPARE(EventRepository(m_db->db(), clerk).get(eventId).title, QString("Rapat"));
}

QTEST_GUILESS_MAIN(TestEventRepository)
#include "tst_eventrepository.moc"
