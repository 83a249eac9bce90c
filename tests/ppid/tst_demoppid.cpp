// Demo requests (DemoGenerator) fill the PPID register the way real use would: unique
// numbers, statuses spread over the whole flow with a matching history, deadlines from the
// working calendar, some overdue and some decided late, decisions with their reasons, and
// objections. Statistics and the repository work on them.

#include "demo/demogenerator.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrecords.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/ppidstatistics.h"
#include "ppid/registrationnumber.h"
#include "ppid/workingcalendar.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

class TestDemoPpid : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void numbersAreUnique();
    void statusesSpreadOverTheFlow();
    void dueDatesFollowTheCalendar();
    void historyMatchesStatus();
    void decisionsCarryTheirReasons();
    void objections();
    void statisticsAndRepositoryWork();

private:
    int scalar(const QString &sql);

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
};

int TestDemoPpid::scalar(const QString &sql)
{
    QSqlQuery q(m_db->db().connection());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(sql));
    return q.value(0).toInt();
}

void TestDemoPpid::initTestCase()
{
    HumasTest::isolateEnvironment();
    m_clock = std::make_unique<HumasTest::MockClock>(QDateTime(QDate(2026, 11, 23), QTime(3, 0), Qt::UTC));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    QVERIFY2(DemoGenerator(m_db->db(), 11).generate(0, 3000, 0, nullptr, &error), qPrintable(error));
    QCOMPARE(m_db->count(QStringLiteral("ppid_requests")), 3000);
}

void TestDemoPpid::cleanupTestCase()
{
    m_db.reset();
    m_clock.reset();
}

void TestDemoPpid::numbersAreUnique()
{
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT reg_number) FROM ppid_requests")), 3000);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT desk_code) FROM ppid_requests")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE reg_year <> "
                                   "CAST(substr(date(received_at, '+8 hours'), 1, 4) AS INTEGER)")),
             0);
    // Each year's sequence runs 1..n without gaps, and the sequence rows know where it ends.
    QSqlQuery q(m_db->db().connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT reg_year, min(reg_seq), max(reg_seq), count(*) FROM ppid_requests GROUP BY 1")));
    int years = 0;
    while (q.next()) {
        ++years;
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), q.value(3).toInt());
        QCOMPARE(scalar(QStringLiteral("SELECT last_seq FROM ppid_sequences WHERE series = 'request' AND year = %1")
                            .arg(q.value(0).toInt())),
                 q.value(3).toInt());
    }
    QVERIFY(years >= 1);
    // The demo desk is not this PC's desk, so real registrations never meet demo numbers.
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE desk_code = '%1'")
                       .arg(RegistrationNumber::deskCode(m_db->db()))) == 0);
}

void TestDemoPpid::statusesSpreadOverTheFlow()
{
    for (Ppid::Status s : Ppid::allStatuses()) {
        const int n =
            scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status = '%1'").arg(Ppid::code(s)));
        QVERIFY2(n > 0, qPrintable(Ppid::code(s)));
    }
    // Some are overdue today (23 November 2026), and most old ones are closed.
    const int overdue = scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status IN "
                                              "('diterima', 'diproses', 'diperpanjang') AND due_date < '2026-11-23'"));
    QVERIFY(overdue > 0);
    QVERIFY(overdue < 300);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status = 'selesai'")) > 1000);
}

void TestDemoPpid::dueDatesFollowTheCalendar()
{
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db());
    const PpidRecords::Zone zone(m_db->db());
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT received_at, due_date, extension_reason, status FROM ppid_requests")));
    int extended = 0;
    while (q.next()) {
        const QDate day0 = zone.localDate(PpidRecords::utcFromText(q.value(0).toString()));
        const bool isExtended = !q.value(2).toString().isEmpty();
        extended += isExtended;
        QCOMPARE(PpidRecords::dateFromText(q.value(1).toString()), calendar.addWorkingDays(day0, isExtended ? 17 : 10));
        QVERIFY(day0.dayOfWeek() <= 5);
        QVERIFY(day0 <= QDate(2026, 11, 23));
    }
    QVERIFY(extended > 0);
    // A recomputation finds nothing to move.
    Actor ppid = Actor::system();
    QString error;
    QCOMPARE(PpidRequestRepository(m_db->db(), ppid).recomputeDeadlines(calendar, &error), 0);
}

void TestDemoPpid::historyMatchesStatus()
{
    // Every request starts with its registration and ends in its current status.
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM ppid_requests r WHERE NOT EXISTS (SELECT 1 FROM "
                 "ppid_status_history h WHERE h.request_id = r.id AND h.deleted = 0 AND h.to_status = 'diterima' "
                 "AND h.from_status = 'diterima')")),
             0);
    QCOMPARE(
        scalar(QStringLiteral(
            "SELECT count(*) FROM ppid_requests r WHERE r.status <> (SELECT h.to_status FROM "
            "ppid_status_history h WHERE h.request_id = r.id AND h.deleted = 0 ORDER BY h.changed_at DESC LIMIT 1)")),
        0);
    // The decision columns are the history's first decision.
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM ppid_requests r WHERE r.decided_at IS NOT (SELECT h.changed_at FROM "
                 "ppid_status_history h WHERE h.request_id = r.id AND h.deleted = 0 AND h.to_status IN "
                 "('dikabulkan_seluruhnya', 'dikabulkan_sebagian', 'ditolak') ORDER BY h.changed_at LIMIT 1)")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status IN ('dikabulkan_seluruhnya', "
                                   "'dikabulkan_sebagian', 'ditolak') AND decision <> status")),
             0);
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status = 'selesai' AND decision = ''")) ==
            0);
    // Every move is allowed by the flow and never before the receipt.
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(
        QStringLiteral("SELECT h.from_status, h.to_status, julianday(h.changed_at) >= julianday(r.received_at) FROM "
                       "ppid_status_history h JOIN ppid_requests r ON r.id = h.request_id")));
    int rows = 0;
    while (q.next()) {
        ++rows;
        Ppid::Status from;
        Ppid::Status to;
        QVERIFY(Ppid::fromCode(q.value(0).toString(), &from));
        QVERIFY(Ppid::fromCode(q.value(1).toString(), &to));
        QVERIFY(from == to ? to == Ppid::Status::Diterima : Ppid::canTransition(from, to));
        QVERIFY(q.value(2).toBool());
    }
    QVERIFY(rows > 3000 * 2);
}

void TestDemoPpid::decisionsCarryTheirReasons()
{
    QCOMPARE(
        scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status = 'ditolak' AND decision_reason = ''")),
        0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE decision_reason = 'pasal17' AND "
                                   "(pasal17_letter NOT BETWEEN 'a' AND 'j' OR consequence_test = '')")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM ppid_requests WHERE decision_reason = 'tidak_dikuasai' AND referred_to = ''")),
             0);
    QCOMPARE(scalar(QStringLiteral(
                 "SELECT count(*) FROM ppid_requests WHERE status = 'dikabulkan_sebagian' AND withheld_info = ''")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM ppid_requests WHERE status IN ('dikabulkan_seluruhnya', "
                                   "'dikabulkan_sebagian', 'ditolak', 'selesai') AND notice_date IS NULL")),
             0);
}

void TestDemoPpid::objections()
{
    const int n = m_db->count(QStringLiteral("ppid_objections"));
    QVERIFY(n > 0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(DISTINCT obj_number) FROM ppid_objections")), n);
    const WorkingCalendar calendar = WorkingCalendar::load(m_db->db());
    const PpidObjectionRepository repo(m_db->db(), Actor::system());
    for (const PpidObjection &o : repo.list()) {
        const QDate filed = PpidRecords::Zone(m_db->db()).localDate(o.filedAt);
        QCOMPARE(o.dueDate, calendar.addWorkingDays(filed, 30));
        QVERIFY(PpidObjection::grounds().contains(o.ground));
        if (o.atasanDecisionDate.isValid())
            QCOMPARE(o.disputeDueDate, calendar.addWorkingDays(o.atasanDecisionDate, 14));
    }
}

void TestDemoPpid::statisticsAndRepositoryWork()
{
    const PpidStatistics s = PpidStatistics::compute(m_db->db(), QDate(2000, 1, 1), QDate(2026, 12, 31));
    QCOMPARE(s.received, 3000);
    QVERIFY(s.decided > 2000);
    QCOMPARE(s.grantedFully + s.grantedPartly + s.refused, s.decided);
    QVERIFY(s.decidedLate > 0);
    QVERIFY(s.overdue > 0);
    QVERIFY(s.maxWorkingDaysToDecision >= 11);
    QVERIFY(s.objections > 0);
    // A real registration after the demo starts this desk's own sequence.
    Actor ppid;
    ppid.username = QStringLiteral("ppid1");
    ppid.role = Role::Ppid;
    PpidRequest r;
    r.requesterName = QStringLiteral("Warga");
    r.information = QStringLiteral("Informasi");
    QString error;
    QVERIFY2(PpidRequestRepository(m_db->db(), ppid).add(&r, &error), qPrintable(error));
    QVERIFY2(r.regNumber.startsWith(QStringLiteral("001-") + RegistrationNumber::deskCode(m_db->db())),
             qPrintable(r.regNumber));
}

QTEST_GUILESS_MAIN(TestDemoPpid)
#include "tst_demoppid.moc"
