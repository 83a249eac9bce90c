// Deadlines follow the holidays (issue 4, "Working-day calendar"): when holidays are edited
// in Data Master (HolidayRepository), imported from CSV, or the cuti-bersama setting
// changes, the deadlines of open requests and objections are recomputed and each move is
// visible in the request's history. Also: the warning when next year has no holidays.

#include "master/holidaycsv.h"
#include "master/referencerepositories.h"
#include "ppid/ppiddeadlinerecompute.h"
#include "ppid/ppiddeadlinewatcher.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/workingcalendar.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

Actor ppidActor()
{
    Actor a;
    a.username = QStringLiteral("ppid1");
    a.role = Role::Ppid;
    return a;
}

const QDateTime Received(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC); // Monday 10:00 WITA

} // namespace

class TestDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void holidayRemovedInDataMaster();
    void holidayAddedInDataMaster();
    void holidayImportedFromCsv();
    void cutiBersamaSetting();
    void extendedRequestKeepsSeventeen();
    void decidedRequestsStay();
    void objectionDeadlines();
    void recomputeIsIdempotent();
    void recomputeNeedsWriter();
    void holidaysMissingForNextYear_data();
    void holidaysMissingForNextYear();

private:
    PpidRequest add(const QDateTime &receivedAt = Received);
    QString holidayId(const QString &date);

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<PpidRequestRepository> m_repo;
    std::unique_ptr<PpidDeadlineWatcher> m_watcher;
};

void TestDeadlines::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestDeadlines::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>(Received.addSecs(3600));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_repo = std::make_unique<PpidRequestRepository>(m_db->db(), ppidActor());
    // What the main window and the CLI set up: the deadlines follow the ChangeFeed.
    m_watcher = std::make_unique<PpidDeadlineWatcher>(m_db->db(), ppidActor());
}

void TestDeadlines::cleanup()
{
    m_watcher.reset();
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
}

PpidRequest TestDeadlines::add(const QDateTime &receivedAt)
{
    PpidRequest r;
    r.receivedAt = receivedAt;
    r.requesterName = QStringLiteral("Nurhayati");
    r.information = QStringLiteral("Laporan realisasi APBD 2025");
    QString error;
    if (!m_repo->add(&r, &error))
        qWarning("add failed: %s", qPrintable(error));
    return r;
}

QString TestDeadlines::holidayId(const QString &date)
{
    return HolidayRepository(m_db->db(), ppidActor()).findBy(QStringLiteral("date"), date).id;
}

void TestDeadlines::holidayRemovedInDataMaster()
{
    const PpidRequest r = add();
    QCOMPARE(r.dueDate, QDate(2026, 4, 7));
    HolidayRepository holidays(m_db->db(), ppidActor());
    QString error;
    // Good Friday (3 April) taken out: the tenth working day comes one day earlier.
    QVERIFY2(holidays.remove(holidayId(QStringLiteral("2026-04-03")), &error), qPrintable(error));
    QCOMPARE(m_watcher->lastMoved(), 1);
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 6));
    const PpidStatusChange last = m_repo->history(r.id).last();
    QCOMPARE(last.from, Ppid::Status::Diterima);
    QCOMPARE(last.to, Ppid::Status::Diterima);
    QCOMPARE(last.by, QStringLiteral("ppid1"));
    QVERIFY2(last.note.contains(QStringLiteral("2026-04-07")) && last.note.contains(QStringLiteral("2026-04-06")),
             qPrintable(last.note));
    // Restored: back to 7 April.
    QVERIFY2(holidays.restore(HolidayCsv::holidayId(QStringLiteral("2026-04-03")), &error), qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 7));
}

void TestDeadlines::holidayAddedInDataMaster()
{
    const PpidRequest r = add();
    HolidayRepository holidays(m_db->db(), ppidActor());
    QString error;
    // A regency holiday on Wednesday 1 April closes the office: one day later.
    QVERIFY2(holidays.insert({{QStringLiteral("date"), QStringLiteral("2026-04-01")},
                              {QStringLiteral("kind"), QStringLiteral("lokal")},
                              {QStringLiteral("name"), QStringLiteral("HUT Kabupaten")}},
                             nullptr, &error),
             qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 8));
    // Changed into a cuti bersama (not counted by default): no move, no new history.
    const int historyBefore = m_repo->history(r.id).size();
    const QString added = holidayId(QStringLiteral("2026-04-01"));
    QVERIFY2(holidays.update(added, holidays.get(added).values,
                             {{QStringLiteral("kind"), QStringLiteral("cuti_bersama")}}, &error),
             qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 8));
    QCOMPARE(m_repo->history(r.id).size(), historyBefore);
    QCOMPARE(m_watcher->lastMoved(), 0);
}

void TestDeadlines::holidayImportedFromCsv()
{
    const PpidRequest r = add();
    QList<HolidayEntry> entries;
    QString error;
    QVERIFY2(HolidayCsv::parse("date,kind,name,source\n2026-03-30,cuti_bersama,Cuti bersama tambahan,SKB perubahan\n"
                               "2026-03-31,libur_nasional,Hari libur tambahan,SKB perubahan\n",
                               &entries, &error),
             qPrintable(error));
    HolidayCsv::ImportResult result;
    QVERIFY2(HolidayCsv::import(m_db->db(), ppidActor(), entries, &result, &error), qPrintable(error));
    QCOMPARE(result.added, 2);
    QCOMPARE(m_watcher->lastMoved(), 1); // once, after the import's one commit
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 9));
}

void TestDeadlines::cutiBersamaSetting()
{
    const PpidRequest r = add();
    QString error;
    AppSettings settings(m_db->db(), Actor::system());
    QVERIFY2(settings.setValue(QLatin1String(AppSettings::CutiBersamaWorking), QStringLiteral("1"), &error),
             qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 3, 31)); // DOMAIN.md: counted
    QVERIFY2(settings.setValue(QLatin1String(AppSettings::CutiBersamaWorking), QStringLiteral("0"), &error),
             qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 7));
}

void TestDeadlines::extendedRequestKeepsSeventeen()
{
    PpidRequest r = add();
    QString error;
    QVERIFY2(m_repo->setStatus(r, Ppid::Status::Diproses, QString(), &error), qPrintable(error));
    QVERIFY2(m_repo->extend(r.id, QStringLiteral("Data di OPD teknis"), &error), qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 16));
    // With cuti bersama counted, 17 working days from 16 March end on 10 April.
    QCOMPARE(m_repo->recomputeDeadlines(WorkingCalendar::load(m_db->db(), true), &error), 1);
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 10));
    QCOMPARE(m_repo->get(r.id).status, Ppid::Status::Diperpanjang);
}

void TestDeadlines::decidedRequestsStay()
{
    PpidRequest decided = add();
    const PpidRequest open = add();
    QString error;
    QVERIFY2(m_repo->setStatus(decided, Ppid::Status::DikabulkanSeluruhnya, QString(), &error), qPrintable(error));
    QCOMPARE(m_repo->recomputeDeadlines(WorkingCalendar::load(m_db->db(), true), &error), 1);
    QCOMPARE(m_repo->get(decided.id).dueDate, QDate(2026, 4, 7));
    QCOMPARE(m_repo->get(open.id).dueDate, QDate(2026, 3, 31));
}

void TestDeadlines::objectionDeadlines()
{
    PpidRequest r = add();
    QString error;
    PpidObjectionRepository objections(m_db->db(), ppidActor());
    // No answer by 7 April: objection filed on Wednesday 8 April.
    m_clock->setNow(QDateTime(QDate(2026, 4, 8), QTime(2, 0), Qt::UTC));
    PpidObjection o;
    o.requestId = r.id;
    o.ground = QStringLiteral("c");
    o.summary = QStringLiteral("Tidak ada jawaban dalam 10 hari kerja");
    QVERIFY2(objections.add(&o, &error), qPrintable(error));
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db());
    QCOMPARE(o.dueDate, calendar.addWorkingDays(QDate(2026, 4, 8), 30));
    QCOMPARE(o.dueDate, QDate(2026, 5, 25));
    // A holiday in the Atasan's 30 days moves that deadline.
    HolidayRepository holidays(m_db->db(), ppidActor());
    QVERIFY2(holidays.insert({{QStringLiteral("date"), QStringLiteral("2026-04-20")},
                              {QStringLiteral("kind"), QStringLiteral("lokal")},
                              {QStringLiteral("name"), QStringLiteral("HUT Kabupaten")}},
                             nullptr, &error),
             qPrintable(error));
    QCOMPARE(objections.get(o.id).dueDate, QDate(2026, 5, 26));
    QCOMPARE(m_watcher->lastMoved(), 1); // the objection; the request moved too late to matter
}

void TestDeadlines::recomputeIsIdempotent()
{
    add();
    QString error;
    QCOMPARE(m_repo->recomputeDeadlines(WorkingCalendar::load(m_db->db()), &error), 0);
    QVERIFY(PpidDeadlineRecompute::afterHolidaysChanged(m_db->db(), QStringLiteral("x"), &error) >= 0);
    QCOMPARE(PpidDeadlineRecompute::afterHolidaysChanged(m_db->db(), QStringLiteral("x"), &error), 0);
    const QString before = PpidDeadlineRecompute::fingerprint(m_db->db());
    HolidayRepository holidays(m_db->db(), ppidActor());
    const QString goodFriday = holidayId(QStringLiteral("2026-04-03"));
    QVERIFY(holidays.update(goodFriday, holidays.get(goodFriday).values,
                            {{QStringLiteral("name"), QStringLiteral("Jumat Agung")}}, &error));
    // A new name does not change working days.
    QCOMPARE(PpidDeadlineRecompute::fingerprint(m_db->db()), before);
}

void TestDeadlines::recomputeNeedsWriter()
{
    Actor reader;
    reader.username = QStringLiteral("bupati");
    reader.role = Role::Pimpinan;
    QString error;
    QCOMPARE(PpidRequestRepository(m_db->db(), reader).recomputeDeadlines(WorkingCalendar(), &error), -1);
    QVERIFY(!error.isEmpty());
}

void TestDeadlines::holidaysMissingForNextYear_data()
{
    QTest::addColumn<QDate>("today");
    QTest::addColumn<bool>("missing");
    // The seed has 2025 and 2026.
    QTest::newRow("31 Oct 2026") << QDate(2026, 10, 31) << false;
    QTest::newRow("1 Nov 2026") << QDate(2026, 11, 1) << true;
    QTest::newRow("31 Dec 2026") << QDate(2026, 12, 31) << true;
    QTest::newRow("1 Nov 2025 (2026 entered)") << QDate(2025, 11, 1) << false;
    QTest::newRow("Jan 2027") << QDate(2027, 1, 5) << false;
}

void TestDeadlines::holidaysMissingForNextYear()
{
    QFETCH(QDate, today);
    QFETCH(bool, missing);
    QCOMPARE(Humas::holidaysMissingForNextYear(m_db->db(), today), missing);
    if (missing) {
        QString error;
        QVERIFY2(HolidayRepository(m_db->db(), ppidActor())
                     .insert({{QStringLiteral("date"), QStringLiteral("%1-01-01").arg(today.year() + 1)},
                              {QStringLiteral("kind"), QStringLiteral("libur_nasional")},
                              {QStringLiteral("name"), QStringLiteral("Tahun Baru")}},
                             nullptr, &error),
                 qPrintable(error));
        QVERIFY(!Humas::holidaysMissingForNextYear(m_db->db(), today));
    }
}

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
