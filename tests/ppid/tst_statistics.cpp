// PpidStatistics (issue 4, "Statistics"): figures of a period from the register, the status
// history (first decision) and the objection register. The data below is a small register
// whose figures were worked out by hand.

#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/ppidstatistics.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = Ppid::Status;

namespace {

/** @p hour and @p minute in WITA (UTC+8). */
QDateTime wita(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Qt::UTC).addSecs(-8 * 3600);
}

} // namespace

class TestStatistics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void march();
    void marchAndApril();
    void json();
    void emptyAndInvalidPeriods();
    void scopedToTheViewer();

private:
    PpidRequest add(const QDateTime &at, Ppid::Channel channel, const QString &opd = QString());
    void set(PpidRequest r, const QDateTime &at, Status status, Ppid::Reason reason = Ppid::Reason::None);

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<PpidRequestRepository> m_repo;
    QString m_opd;
};

PpidRequest TestStatistics::add(const QDateTime &at, Ppid::Channel channel, const QString &opd)
{
    m_clock->setNow(at);
    PpidRequest r;
    r.receivedAt = at;
    r.channel = channel;
    r.opdId = opd;
    r.requesterName = QStringLiteral("Pemohon");
    r.information = QStringLiteral("Informasi");
    QString error;
    if (!m_repo->add(&r, &error))
        qFatal("add: %s", qPrintable(error));
    return r;
}

void TestStatistics::set(PpidRequest r, const QDateTime &at, Status status, Ppid::Reason reason)
{
    m_clock->setNow(at);
    r.reason = reason;
    r.withheldInfo = status == Status::DikabulkanSebagian ? QStringLiteral("Lampiran") : QString();
    r.pasal17Letter = QStringLiteral("a");
    r.consequenceTest = QStringLiteral("Menghambat penegakan hukum");
    QString error;
    if (!m_repo->setStatus(r, status, QString(), &error))
        qFatal("setStatus: %s", qPrintable(error));
}

void TestStatistics::initTestCase()
{
    HumasTest::isolateEnvironment();
    m_clock = std::make_unique<HumasTest::MockClock>(wita(3, 1, 8));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    Actor ppid;
    ppid.username = QStringLiteral("ppid1");
    ppid.role = Role::Ppid;
    m_repo = std::make_unique<PpidRequestRepository>(m_db->db(), ppid);
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM opd WHERE deleted = 0 ORDER BY code LIMIT 1")) && q.next());
    m_opd = q.value(0).toString();

    using C = Ppid::Channel;
    using R = Ppid::Reason;
    // C: refused at once (belum dikuasai) on Monday 2 March, closed the next day.
    const PpidRequest c = add(wita(3, 2, 9), C::Surat);
    set(c, wita(3, 2, 11), Status::Ditolak, R::BelumDikuasai);
    set(c, wita(3, 3, 9), Status::Selesai);
    // G: deleted; never counted.
    const PpidRequest g = add(wita(3, 10, 9), C::Langsung);
    QVERIFY(q.exec(QStringLiteral("UPDATE ppid_requests SET deleted = 1 WHERE id = '%1'").arg(g.id)));
    // A and B on Monday 16 March (due Tuesday 7 April).
    const PpidRequest a = add(wita(3, 16, 10), C::Langsung, m_opd);
    const PpidRequest b = add(wita(3, 16, 10, 5), C::Email, m_opd);
    set(a, wita(3, 17, 10), Status::DikabulkanSeluruhnya); // 1 working day
    set(b, wita(3, 17, 10), Status::Diproses);
    // D on Friday 20 March (cuti bersama), granted in part on Wednesday 25 March: 1 working day.
    const PpidRequest d = add(wita(3, 20, 10), C::Website);
    set(d, wita(3, 25, 10), Status::DikabulkanSebagian, R::BelumDidokumentasikan);
    // E on 31 March 23:30 WITA (still March): open, due 15 April, overdue on 20 April.
    add(wita(3, 31, 23, 30), C::Telepon);
    // F on 1 April 00:30 WITA: April.
    add(wita(4, 1, 0, 30), C::Langsung);
    // B refused under Pasal 17(a) on 8 April: 11 working days, one day late.
    set(b, wita(4, 8, 10), Status::Ditolak, R::Pasal17);

    // Objections: against B (ground a, rejected by the Atasan, taken to the Commission) and
    // against C (ground e, still pending).
    Actor ppidActor = ppid;
    PpidObjectionRepository objections(m_db->db(), ppidActor);
    QString error;
    m_clock->setNow(wita(4, 9, 10));
    PpidObjection ob;
    ob.requestId = b.id;
    ob.ground = QStringLiteral("a");
    ob.summary = QStringLiteral("Penolakan berdasarkan Pasal 17");
    QVERIFY2(objections.add(&ob, &error), qPrintable(error));
    m_clock->setNow(wita(4, 10, 10));
    PpidObjection oc;
    oc.requestId = c.id;
    oc.ground = QStringLiteral("e");
    oc.summary = QStringLiteral("Permohonan tidak dipenuhi");
    QVERIFY2(objections.add(&oc, &error), qPrintable(error));
    m_clock->setNow(wita(4, 20, 10));
    ob.atasanDecision = QStringLiteral("ditolak");
    ob.atasanDecisionDate = QDate(2026, 4, 20);
    ob.disputeStage = QStringLiteral("diajukan");
    QVERIFY2(objections.update(objections.get(ob.id), ob, &error), qPrintable(error));
}

void TestStatistics::cleanupTestCase()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
}

void TestStatistics::march()
{
    const PpidStatistics s = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 3, 31));
    QCOMPARE(s.from, QDate(2026, 3, 1));
    QCOMPARE(s.to, QDate(2026, 3, 31));
    QCOMPARE(s.received, 5);
    QCOMPARE(s.byChannel.value(QStringLiteral("langsung")), 1);
    QCOMPARE(s.byChannel.value(QStringLiteral("email")), 1);
    QCOMPARE(s.byChannel.value(QStringLiteral("surat")), 1);
    QCOMPARE(s.byChannel.value(QStringLiteral("website")), 1);
    QCOMPARE(s.byChannel.value(QStringLiteral("telepon")), 1);
    QCOMPARE(s.byOpd.value(m_opd), 2);
    QCOMPARE(s.byOpd.value(QString()), 3);
    QCOMPARE(s.decided, 4);
    QCOMPARE(s.grantedFully, 1);
    QCOMPARE(s.grantedPartly, 1);
    QCOMPARE(s.refused, 2); // C counts by its decision although it is "selesai" now
    QCOMPARE(s.refusedByReason.value(QStringLiteral("pasal17_a")), 1);
    QCOMPARE(s.refusedByReason.value(QStringLiteral("belum_dikuasai")), 1);
    QCOMPARE(s.refusedByReason.size(), 2);
    QCOMPARE(s.maxWorkingDaysToDecision, 11);
    QCOMPARE(s.meanWorkingDaysToDecision, (1 + 11 + 0 + 1) / 4.0);
    QCOMPARE(s.decidedLate, 1);
    QCOMPARE(s.open, 1);
    QCOMPARE(s.overdue, 1);
    QCOMPARE(s.objections, 0); // both were filed in April
}

void TestStatistics::marchAndApril()
{
    const PpidStatistics s = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30));
    QCOMPARE(s.received, 6);
    QCOMPARE(s.byChannel.value(QStringLiteral("langsung")), 2);
    QCOMPARE(s.open, 2);
    QCOMPARE(s.overdue, 2); // E (due 15 April) and F (due 16 April)
    QCOMPARE(s.objections, 2);
    QCOMPARE(s.objectionsByGround.value(QStringLiteral("a")), 1);
    QCOMPARE(s.objectionsByGround.value(QStringLiteral("e")), 1);
    QCOMPARE(s.objectionsByOutcome.value(QStringLiteral("ditolak")), 1);
    QCOMPARE(s.objectionsByOutcome.value(QStringLiteral("pending")), 1);
    QCOMPARE(s.disputes, 1);
    const PpidStatistics april = PpidStatistics::compute(m_db->db(), QDate(2026, 4, 1), QDate(2026, 4, 30));
    QCOMPARE(april.received, 1);
    QCOMPARE(april.decided, 0);
    QCOMPARE(april.objections, 2);
}

void TestStatistics::json()
{
    const QJsonObject o = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 3, 31)).toJson();
    QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-01"));
    QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-31"));
    QCOMPARE(o.value(QStringLiteral("received")).toInt(), 5);
    QCOMPARE(o.value(QStringLiteral("byChannel")).toObject().value(QStringLiteral("email")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("refusedByReason")).toObject().value(QStringLiteral("pasal17_a")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("meanWorkingDaysToDecision")).toDouble(), 3.25);
    QCOMPARE(o.value(QStringLiteral("maxWorkingDaysToDecision")).toInt(), 11);
    QCOMPARE(o.value(QStringLiteral("decidedLate")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("overdue")).toInt(), 1);
    for (const char *key : {"grantedFully", "grantedPartly", "refused", "decided", "open", "objections",
                            "objectionsByGround", "objectionsByOutcome", "disputes", "byOpd"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
}

void TestStatistics::emptyAndInvalidPeriods()
{
    const PpidStatistics none = PpidStatistics::compute(m_db->db(), QDate(2025, 1, 1), QDate(2025, 12, 31));
    QCOMPARE(none.received, 0);
    QCOMPARE(none.meanWorkingDaysToDecision, 0.0);
    const PpidStatistics reversed = PpidStatistics::compute(m_db->db(), QDate(2026, 4, 30), QDate(2026, 3, 1));
    QCOMPARE(reversed.received, 0);
}

void TestStatistics::scopedToTheViewer()
{
    // A PPID Pembantu counts its own OPD's requests (A and B) and the objections against them.
    Actor pembantu;
    pembantu.username = QStringLiteral("pembantu");
    pembantu.role = Role::Opd;
    pembantu.opdId = m_opd;
    const PpidStatistics own = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30), pembantu);
    QCOMPARE(own.received, 2);
    QCOMPARE(own.byOpd.keys(), QStringList{m_opd});
    QCOMPARE(own.grantedFully, 1);
    QCOMPARE(own.refused, 1);
    QCOMPARE(own.objections, 1);
    QCOMPARE(own.disputes, 1);

    Actor other = pembantu;
    other.opdId = QStringLiteral("another-opd");
    QCOMPARE(PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30), other).received, 0);
    Actor protokol = pembantu;
    protokol.role = Role::Protokol;
    const PpidStatistics none = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30), protokol);
    QCOMPARE(none.received, 0);
    QCOMPARE(none.objections, 0);

    Actor pimpinan = pembantu;
    pimpinan.role = Role::Pimpinan;
    const PpidStatistics all = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30));
    const PpidStatistics seen = PpidStatistics::compute(m_db->db(), QDate(2026, 3, 1), QDate(2026, 4, 30), pimpinan);
    QCOMPARE(seen.toJson(), all.toJson());
    QCOMPARE(all.objections, 2);
}

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
