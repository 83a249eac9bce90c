// Objection register (issue 4, "Objections"; UU 14/2008 Pasal 35–37): number, ground a–g,
// filing within 30 working days of the cause, the Atasan's 30 working days, the Atasan's
// decision starting the 14 working days for the Komisi Informasi, and what never changes.

#include "ppid/ppidobjection.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/registrationnumber.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

Actor makeActor(const QString &name, Role role)
{
    Actor a;
    a.username = name;
    a.role = role;
    return a;
}

const QDateTime Received(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC); // due 7 April 2026

QDateTime localMorning(const QDate &date)
{
    return QDateTime(date, QTime(1, 0), Qt::UTC); // 09:00 WITA
}

} // namespace

class TestObjections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void grounds();
    void addRegisters();
    void addValidation_data();
    void addValidation();
    void filingWindow_data();
    void filingWindow();
    void atasanDecision();
    void updateValidation_data();
    void updateValidation();
    void disputeWhenAtasanIsLate();
    void numberRequestAndFilingNeverChange();
    void staleCopyKeepsAColleaguesField();
    void staleCopyRefusesTheSameField();
    void readersMayNotWrite();
    void lists();

private:
    PpidObjection addObjection(const QDate &filed, const QString &ground = QStringLiteral("c"));

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<PpidObjectionRepository> m_repo;
    PpidRequest m_request;
};

void TestObjections::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestObjections::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>(Received.addSecs(600));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    QString error;
    QVERIFY2(RegistrationNumber::setDeskCode(m_db->db(), QStringLiteral("D1"), &error), qPrintable(error));
    m_request = PpidRequest();
    m_request.receivedAt = Received;
    m_request.requesterName = QStringLiteral("Moh. Rizal");
    m_request.information = QStringLiteral("Dokumen kontrak jalan Parigi–Sausu");
    QVERIFY2(PpidRequestRepository(m_db->db(), makeActor(QStringLiteral("ppid1"), Role::Ppid)).add(&m_request, &error),
             qPrintable(error));
    m_repo = std::make_unique<PpidObjectionRepository>(m_db->db(), makeActor(QStringLiteral("ppid1"), Role::Ppid));
}

void TestObjections::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
}

PpidObjection TestObjections::addObjection(const QDate &filed, const QString &ground)
{
    m_clock->setNow(localMorning(filed).addSecs(600));
    PpidObjection o;
    o.requestId = m_request.id;
    o.filedAt = localMorning(filed);
    o.ground = ground;
    o.summary = QStringLiteral("Permohonan tidak ditanggapi");
    QString error;
    if (!m_repo->add(&o, &error))
        qWarning("add failed: %s", qPrintable(error));
    return o;
}

void TestObjections::grounds()
{
    const QStringList letters = PpidObjection::grounds();
    QCOMPARE(letters, QStringList({"a", "b", "c", "d", "e", "f", "g"}));
    for (const QString &l : letters)
        QVERIFY(!PpidObjection::groundDescription(l).isEmpty());
    QVERIFY(PpidObjection::groundDescription(QStringLiteral("h")).isEmpty());
}

void TestObjections::addRegisters()
{
    const PpidObjection o = addObjection(QDate(2026, 4, 8));
    QVERIFY(o.isValid());
    QCOMPARE(o.number, QStringLiteral("001-D1/KEB/PPID/IV/2026"));
    QCOMPARE(o.filedBy, m_request.requesterName); // empty: the requester
    QCOMPARE(o.dueDate, QDate(2026, 5, 25));      // 30 working days from 8 April 2026
    QVERIFY(!o.disputeDueDate.isValid());
    const PpidObjection stored = m_repo->get(o.id);
    QCOMPARE(stored.number, o.number);
    QCOMPARE(stored.filedAt, localMorning(QDate(2026, 4, 8)));
    QCOMPARE(stored.ground, QStringLiteral("c"));
    QCOMPARE(stored.dueDate, o.dueDate);
    QCOMPARE(m_repo->getByNumber(o.number).id, o.id);
    QCOMPARE(addObjection(QDate(2026, 4, 9)).number, QStringLiteral("002-D1/KEB/PPID/IV/2026"));
}

void TestObjections::addValidation_data()
{
    QTest::addColumn<QString>("ground");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<bool>("knownRequest");
    QTest::addColumn<QString>("message");
    QTest::newRow("ground h") << "h"
                              << "ringkasan" << true << "ground";
    QTest::newRow("no ground") << ""
                               << "ringkasan" << true << "ground";
    QTest::newRow("no summary") << "a"
                                << " " << true << "Summarise";
    QTest::newRow("unknown request") << "a"
                                     << "ringkasan" << false << "request";
    QTest::newRow("summary 100 kB") << "a" << QString(100 * 1024, 'x') << true << "too long";
    QTest::newRow("summary with a bell") << "a"
                                         << "ringkasan\a" << true << "control character";
}

void TestObjections::addValidation()
{
    QFETCH(QString, ground);
    QFETCH(QString, summary);
    QFETCH(bool, knownRequest);
    QFETCH(QString, message);
    PpidObjection o;
    o.requestId = knownRequest ? m_request.id : QStringLiteral("nope");
    o.ground = ground;
    o.summary = summary;
    const int before = m_db->count(QStringLiteral("outbox"));
    QString error;
    QVERIFY(!m_repo->add(&o, &error));
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_db->count(QStringLiteral("outbox")), before);
    QCOMPARE(m_db->count(QStringLiteral("ppid_objections")), 0);
}

void TestObjections::filingWindow_data()
{
    QTest::addColumn<QDate>("noticeDate");
    QTest::addColumn<QDate>("filed");
    QTest::addColumn<bool>("accepted");
    // Without a notice the cause is the missed deadline (7 April): last day 22 May 2026.
    QTest::newRow("unanswered, last day") << QDate() << QDate(2026, 5, 22) << true;
    QTest::newRow("unanswered, one day late") << QDate() << QDate(2026, 5, 25) << false;
    // Refused by notice of 10 April: last day 29 May 2026.
    QTest::newRow("after notice, last day") << QDate(2026, 4, 10) << QDate(2026, 5, 29) << true;
    QTest::newRow("after notice, late") << QDate(2026, 4, 10) << QDate(2026, 6, 2) << false;
    QTest::newRow("before receipt") << QDate() << QDate(2026, 3, 13) << false;
}

void TestObjections::filingWindow()
{
    QFETCH(QDate, noticeDate);
    QFETCH(QDate, filed);
    QFETCH(bool, accepted);
    QString error;
    if (noticeDate.isValid()) {
        m_clock->setNow(localMorning(noticeDate));
        PpidRequest refused = m_request;
        refused.reason = Ppid::Reason::BelumDikuasai;
        refused.noticeDate = noticeDate;
        QVERIFY2(PpidRequestRepository(m_db->db(), makeActor(QStringLiteral("ppid1"), Role::Ppid))
                     .setStatus(refused, Ppid::Status::Ditolak, QString(), &error),
                 qPrintable(error));
    }
    const PpidRequest request = PpidRequestRepository(m_db->db(), Actor::system()).get(m_request.id);
    const QDate lastDay = m_repo->filingDeadline(request);
    QCOMPARE(lastDay, noticeDate.isValid() ? QDate(2026, 5, 29) : QDate(2026, 5, 22));
    m_clock->setNow(localMorning(std::max(filed, QDate(2026, 4, 10))).addSecs(3600));
    PpidObjection o;
    o.requestId = m_request.id;
    o.filedAt = localMorning(filed);
    o.ground = noticeDate.isValid() ? QStringLiteral("a") : QStringLiteral("c");
    o.summary = QStringLiteral("Keberatan");
    QCOMPARE(m_repo->add(&o, &error), accepted);
    if (!accepted)
        QVERIFY(!error.isEmpty());
}

void TestObjections::atasanDecision()
{
    PpidObjection o = addObjection(QDate(2026, 4, 8));
    m_clock->setNow(localMorning(QDate(2026, 5, 20)));
    o.atasanDecision = QStringLiteral("ditolak");
    o.atasanDecisionDate = QDate(2026, 5, 20);
    o.requesterResponse = QStringLiteral("Tidak puas, akan ke Komisi Informasi");
    QString error;
    QVERIFY2(m_repo->update(m_repo->get(o.id), o, &error), qPrintable(error));
    PpidObjection stored = m_repo->get(o.id);
    QCOMPARE(stored.atasanDecision, QStringLiteral("ditolak"));
    QCOMPARE(stored.atasanDecisionDate, QDate(2026, 5, 20));
    QCOMPARE(stored.disputeDueDate, QDate(2026, 6, 12)); // 14 working days (27/28 May, 1 June closed)
    QCOMPARE(stored.dueDate, QDate(2026, 5, 25));        // unchanged
    QCOMPARE(stored.rev, 2);
    // The dispute may now be recorded.
    stored.disputeStage = QStringLiteral("mediasi");
    QVERIFY2(m_repo->update(m_repo->get(stored.id), stored, &error), qPrintable(error));
    stored.disputeStage = QStringLiteral("putusan");
    stored.disputeOutcome = QStringLiteral("Informasi dinyatakan terbuka");
    QVERIFY2(m_repo->update(m_repo->get(stored.id), stored, &error), qPrintable(error));
    QCOMPARE(m_repo->get(o.id).disputeOutcome, QStringLiteral("Informasi dinyatakan terbuka"));
}

void TestObjections::updateValidation_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QDate>("decisionDate");
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("message");
    QTest::newRow("decision without date") << "ditolak" << QDate() << ""
                                           << "date";
    QTest::newRow("date without decision") << "" << QDate(2026, 4, 20) << ""
                                           << "date";
    QTest::newRow("unknown decision") << "diterima" << QDate(2026, 4, 20) << ""
                                      << "Unknown decision";
    QTest::newRow("decided before filing") << "ditolak" << QDate(2026, 4, 7) << ""
                                           << "before";
    QTest::newRow("dispute before the answer") << "" << QDate() << "diajukan"
                                               << "Information Commission";
    QTest::newRow("unknown stage") << "ditolak" << QDate(2026, 4, 20) << "banding"
                                   << "stage";
}

void TestObjections::updateValidation()
{
    QFETCH(QString, decision);
    QFETCH(QDate, decisionDate);
    QFETCH(QString, stage);
    QFETCH(QString, message);
    PpidObjection o = addObjection(QDate(2026, 4, 8));
    m_clock->setNow(localMorning(QDate(2026, 4, 21)));
    o.atasanDecision = decision;
    o.atasanDecisionDate = decisionDate;
    o.disputeStage = stage;
    const int before = m_db->count(QStringLiteral("outbox"));
    QString error;
    QVERIFY(!m_repo->update(m_repo->get(o.id), o, &error));
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(m_db->count(QStringLiteral("outbox")), before);
}

void TestObjections::disputeWhenAtasanIsLate()
{
    // Pasal 37: no answer within the 30 working days also opens the way to the Commission.
    PpidObjection o = addObjection(QDate(2026, 4, 8));
    m_clock->setNow(localMorning(QDate(2026, 5, 26)));
    o.disputeStage = QStringLiteral("diajukan");
    QString error;
    QVERIFY2(m_repo->update(m_repo->get(o.id), o, &error), qPrintable(error));
    QCOMPARE(m_repo->get(o.id).disputeStage, QStringLiteral("diajukan"));
}

void TestObjections::numberRequestAndFilingNeverChange()
{
    const PpidObjection o = addObjection(QDate(2026, 4, 8));
    QString error;
    PpidObjection changed = o;
    changed.number = QStringLiteral("999/KEB");
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));
    changed = o;
    changed.requestId = QStringLiteral("other");
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));
    changed = o;
    changed.filedAt = o.filedAt.addDays(-1);
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));
    changed = o;
    changed.summary = QStringLiteral("Ringkasan diperbaiki");
    changed.dueDate = QDate(2030, 1, 1); // computed: ignored
    QVERIFY2(m_repo->update(m_repo->get(changed.id), changed, &error), qPrintable(error));
    const PpidObjection stored = m_repo->get(o.id);
    QCOMPARE(stored.number, o.number);
    QCOMPARE(stored.summary, QStringLiteral("Ringkasan diperbaiki"));
    QCOMPARE(stored.dueDate, o.dueDate);
}

void TestObjections::readersMayNotWrite()
{
    const PpidObjection o = addObjection(QDate(2026, 4, 8));
    PpidObjectionRepository reader(m_db->db(), makeActor(QStringLiteral("bupati"), Role::Pimpinan));
    QVERIFY(!reader.canWrite());
    PpidObjection another = o;
    another.id.clear();
    QString error;
    QVERIFY(!reader.add(&another, &error));
    QVERIFY(!reader.update(reader.get(o.id), o, &error));
    QCOMPARE(reader.get(o.id).number, o.number); // reading is allowed
}

void TestObjections::lists()
{
    const PpidObjection a = addObjection(QDate(2026, 4, 8));
    const PpidObjection b = addObjection(QDate(2026, 4, 9), QStringLiteral("g"));
    QCOMPARE(m_repo->listForRequest(m_request.id).size(), 2);
    QCOMPARE(m_repo->listForRequest(QStringLiteral("other")).size(), 0);
    QCOMPARE(m_repo->list().size(), 2);
    const QList<PpidObjection> ninth = m_repo->list(QDate(2026, 4, 9), QDate(2026, 4, 9));
    QCOMPARE(ninth.size(), 1);
    QCOMPARE(ninth.first().id, b.id);
    QCOMPARE(m_repo->list(QDate(2026, 4, 1), QDate(2026, 4, 8)).first().id, a.id);
}

QTEST_GUILESS_MAIN(TestObjections)
// Issue 9: the objection form saves a patch against the objection as it was opened.
void TestObjections::staleCopyKeepsAColleaguesField()
{
    const PpidObjection opened = addObjection(QDate(2026, 4, 8));
    QString error;
    PpidObjection theirs = m_repo->get(opened.id);
    theirs.notes = QStringLiteral("Berkas lengkap");
    QVERIFY2(m_repo->update(m_repo->get(opened.id), theirs, &error), qPrintable(error));
    PpidObjection mine = opened;
    mine.summary = QStringLiteral("Ringkasan diperbaiki");
    QVERIFY2(m_repo->update(opened, mine, &error), qPrintable(error));
    const PpidObjection stored = m_repo->get(opened.id);
    QCOMPARE(stored.summary, QStringLiteral("Ringkasan diperbaiki"));
    QCOMPARE(stored.notes, QStringLiteral("Berkas lengkap"));
}

void TestObjections::staleCopyRefusesTheSameField()
{
    const PpidObjection opened = addObjection(QDate(2026, 4, 8));
    QString error;
    PpidObjection theirs = m_repo->get(opened.id);
    theirs.notes = QStringLiteral("Berkas lengkap");
    QVERIFY2(m_repo->update(m_repo->get(opened.id), theirs, &error), qPrintable(error));
    PpidObjection mine = opened;
    mine.notes = QStringLiteral("Berkas kurang KTP");
    QList<StaleField> stale;
    QVERIFY(!m_repo->update(opened, mine, &error, &stale));
    QCOMPARE(stale.size(), 1);
    QVERIFY2(error.contains(QStringLiteral("Berkas lengkap")) && error.contains(QStringLiteral("Berkas kurang KTP")),
             qPrintable(error));
    QCOMPARE(m_repo->get(opened.id).notes, QStringLiteral("Berkas lengkap"));
}

#include "tst_objections.moc"
