// PpidRequestRepository (issue 4, "Requests"): registration (number, due date, first
// history entry), validation, roles, the status flow with its required reasons, the one
// extension, numbers that never change, and masking for roles without the right to see
// personal data. Every refusal must leave neither a row nor an outbox entry.

#include "master/referencerepositories.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/registrationnumber.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = Ppid::Status;

Q_DECLARE_METATYPE(Humas::Ppid::Status)
Q_DECLARE_METATYPE(Humas::Ppid::Reason)

namespace {

Actor actor(const QString &name, Role role)
{
    Actor a;
    a.userId = name;
    a.username = name;
    a.role = role;
    return a;
}

const QDateTime Monday10Wita(QDate(2026, 3, 16), QTime(2, 0), Qt::UTC);

PpidRequest sample()
{
    PpidRequest r;
    r.receivedAt = Monday10Wita;
    r.channel = Ppid::Channel::Langsung;
    r.requesterName = QStringLiteral("Siti Rahmawati");
    r.requesterNik = QStringLiteral("7208015203900003");
    r.requesterAddress = QStringLiteral("Jl. Trans Sulawesi No. 12, Parigi");
    r.requesterOccupation = QStringLiteral("Guru");
    r.requesterPhone = QStringLiteral("081234567789");
    r.requesterEmail = QStringLiteral("siti@contoh.id");
    r.information = QStringLiteral("Dokumen RKPD Kabupaten 2026");
    r.purpose = QStringLiteral("Penelitian skripsi");
    r.obtainMethod = QStringLiteral("salinan_softcopy");
    r.deliveryMethod = QStringLiteral("email");
    return r;
}

} // namespace

class TestRequestRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addRegisters();
    void receiptDayIsLocal_data();
    void receiptDayIsLocal();
    void validation_data();
    void validation();
    void rolesThatMayNotWrite_data();
    void rolesThatMayNotWrite();
    void sequencePerYear();
    void statusFlow_data();
    void statusFlow();
    void decisionReasons_data();
    void decisionReasons();
    void historyWhoWhenWhat();
    void extension_data();
    void extension();
    void extensionOnlyOnce();
    void extensionOnTheDueDay();
    void numberNeverChanges();
    void staleCopyKeepsAColleaguesField();
    void staleCopyRefusesTheSameField();
    void masking_data();
    void masking();
    void opdScope();
    void listByLocalDates();

private:
    PpidRequest addSample(const PpidRequest &r = sample());
    int writes();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<PpidRequestRepository> m_repo;
};

void TestRequestRepository::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestRequestRepository::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>(Monday10Wita.addSecs(3600));
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::Base);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_repo = std::make_unique<PpidRequestRepository>(m_db->db(), actor(QStringLiteral("ppid1"), Role::Ppid));
}

void TestRequestRepository::cleanup()
{
    m_repo.reset();
    m_db.reset();
    m_clock.reset();
}

PpidRequest TestRequestRepository::addSample(const PpidRequest &r)
{
    PpidRequest copy = r;
    QString error;
    if (!m_repo->add(&copy, &error))
        qWarning("add failed: %s", qPrintable(error));
    return copy;
}

int TestRequestRepository::writes()
{
    return m_db->count(QStringLiteral("ppid_requests")) + m_db->count(QStringLiteral("ppid_status_history")) +
           m_db->count(QStringLiteral("outbox"));
}

void TestRequestRepository::addRegisters()
{
    PpidRequest r = sample();
    QString error;
    QVERIFY2(m_repo->add(&r, &error), qPrintable(error));
    QVERIFY(r.isValid());
    QCOMPARE(r.rev, 1);
    const QString desk = RegistrationNumber::deskCode(m_db->db());
    QCOMPARE(r.regNumber, QStringLiteral("001-%1/PPID/III/2026").arg(desk));
    QCOMPARE(r.dueDate, QDate(2026, 4, 7)); // DOMAIN.md's example
    QCOMPARE(r.status, Status::Diterima);

    const PpidRequest stored = m_repo->get(r.id);
    QCOMPARE(stored.regNumber, r.regNumber);
    QCOMPARE(stored.receivedAt, Monday10Wita);
    QCOMPARE(stored.dueDate, QDate(2026, 4, 7));
    QCOMPARE(stored.requesterNik, QStringLiteral("7208015203900003"));
    QCOMPARE(stored.obtainMethod, QStringLiteral("salinan_softcopy"));
    QCOMPARE(m_repo->getByNumber(r.regNumber).id, r.id);

    const QList<PpidStatusChange> history = m_repo->history(r.id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().to, Status::Diterima);
    QCOMPARE(history.first().by, QStringLiteral("ppid1"));
    QCOMPARE(history.first().at, m_clock->nowUtc());
    // Row, history and the desk's sequence row each went to the outbox.
    QCOMPARE(m_db->count(QStringLiteral("outbox"), QStringLiteral("entity = 'ppid_requests'")), 1);
    QCOMPARE(m_db->count(QStringLiteral("outbox"), QStringLiteral("entity = 'ppid_status_history'")), 1);
    QCOMPARE(m_db->count(QStringLiteral("outbox"), QStringLiteral("entity = 'ppid_sequences'")), 1);
}

void TestRequestRepository::receiptDayIsLocal_data()
{
    QTest::addColumn<QDateTime>("receivedUtc");
    QTest::addColumn<QDate>("due");
    // WITA is UTC+8: 16:00 UTC on Sunday 15 March is already Monday 00:00 in Parigi.
    QTest::newRow("Monday 00:30 WITA") << QDateTime(QDate(2026, 3, 15), QTime(16, 30), Qt::UTC) << QDate(2026, 4, 7);
    QTest::newRow("Sunday 23:59 WITA") << QDateTime(QDate(2026, 3, 15), QTime(15, 59), Qt::UTC) << QDate(2026, 4, 6);
    QTest::newRow("Monday 23:59 WITA") << QDateTime(QDate(2026, 3, 16), QTime(15, 59), Qt::UTC) << QDate(2026, 4, 7);
    QTest::newRow("Tuesday 00:00 WITA") << QDateTime(QDate(2026, 3, 16), QTime(16, 0), Qt::UTC) << QDate(2026, 4, 8);
}

void TestRequestRepository::receiptDayIsLocal()
{
    QFETCH(QDateTime, receivedUtc);
    QFETCH(QDate, due);
    m_clock->setNow(QDateTime(QDate(2026, 3, 17), QTime(3, 0), Qt::UTC));
    PpidRequest r = sample();
    r.receivedAt = receivedUtc;
    QString error;
    QVERIFY2(m_repo->add(&r, &error), qPrintable(error));
    QCOMPARE(r.dueDate, due);
}

void TestRequestRepository::validation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("no name") << "name"
                             << "  "
                             << "name";
    QTest::newRow("no information") << "information"
                                    << ""
                                    << "information";
    QTest::newRow("NIK 15 digits") << "nik"
                                   << "720801520390000"
                                   << "16 digits";
    QTest::newRow("NIK bad birth date") << "nik"
                                        << "7208013213900003"
                                        << "birth date";
    QTest::newRow("bad phone") << "phone"
                               << "12ab"
                               << "phone";
    QTest::newRow("bad email") << "email"
                               << "siti@"
                               << "email";
    QTest::newRow("unknown OPD") << "opd"
                                 << "no-such-opd"
                                 << "OPD";
    QTest::newRow("unknown obtain method") << "obtain"
                                           << "telepati"
                                           << "obtain";
    QTest::newRow("negative fee") << "fee"
                                  << "-1"
                                  << "fee";
    QTest::newRow("future receipt") << "future"
                                    << ""
                                    << "future";
    QTest::newRow("missing attachment") << "attachment"
                                        << "abc"
                                        << "attachment";
    QTest::newRow("name 100 kB") << "name" << QString(100 * 1024, 'x') << "too long";
    QTest::newRow("name two lines") << "name"
                                    << "Siti\nRahma"
                                    << "single line";
    QTest::newRow("information 100 kB") << "information" << QString(100 * 1024, 'x') << "too long";
    QTest::newRow("information with escape") << "information"
                                             << "Data \x1b[31m APBD"
                                             << "control character";
    QTest::newRow("deed number too long") << "deed" << QString(61, 'A') << "too long";
    QTest::newRow("proxy two lines") << "proxy"
                                     << "Kuasa\rlain"
                                     << "single line";
    QTest::newRow("notes 100 kB") << "notes" << QString(100 * 1024, 'x') << "too long";
}

void TestRequestRepository::validation()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    PpidRequest r = sample();
    if (field == "name")
        r.requesterName = value;
    else if (field == "information")
        r.information = value;
    else if (field == "nik")
        r.requesterNik = value;
    else if (field == "phone")
        r.requesterPhone = value;
    else if (field == "email")
        r.requesterEmail = value;
    else if (field == "opd")
        r.opdId = value;
    else if (field == "obtain")
        r.obtainMethod = value;
    else if (field == "fee")
        r.feeRupiah = value.toLongLong();
    else if (field == "future")
        r.receivedAt = m_clock->nowUtc().addDays(1);
    else if (field == "attachment")
        r.attachments = QStringList{value};
    else if (field == "deed") {
        r.requesterType = Ppid::RequesterType::BadanHukum;
        r.requesterNik = value;
    } else if (field == "proxy")
        r.proxyName = value;
    else if (field == "notes")
        r.notes = value;
    const int before = writes();
    QString error;
    QVERIFY(!m_repo->add(&r, &error));
    QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
    QCOMPARE(writes(), before);
    QVERIFY(!r.isValid());
}

void TestRequestRepository::rolesThatMayNotWrite_data()
{
    QTest::addColumn<int>("role");
    QTest::newRow("protokol") << int(Role::Protokol);
    QTest::newRow("redaksi") << int(Role::Redaksi);
    QTest::newRow("opd") << int(Role::Opd);
    QTest::newRow("pimpinan") << int(Role::Pimpinan);
}

void TestRequestRepository::rolesThatMayNotWrite()
{
    QFETCH(int, role);
    const PpidRequest existing = addSample();
    QVERIFY(existing.isValid());
    PpidRequestRepository repo(m_db->db(), actor(QStringLiteral("someone"), Role(role)));
    QVERIFY(!repo.canWrite());
    const int before = writes();
    PpidRequest r = sample();
    QString error;
    QVERIFY(!repo.add(&r, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!repo.setStatus(existing, Status::Diproses, QString(), &error));
    QVERIFY(!repo.extend(existing.id, QStringLiteral("alasan"), &error));
    QVERIFY(!repo.update(repo.get(existing.id), existing, &error));
    QCOMPARE(writes(), before);
    // Admin may.
    PpidRequestRepository admin(m_db->db(), actor(QStringLiteral("admin"), Role::Admin));
    QVERIFY2(admin.setStatus(existing, Status::Diproses, QString(), &error), qPrintable(error));
}

void TestRequestRepository::sequencePerYear()
{
    const QString desk = RegistrationNumber::deskCode(m_db->db());
    QCOMPARE(addSample().regNumber, QStringLiteral("001-%1/PPID/III/2026").arg(desk));
    QCOMPARE(addSample().regNumber, QStringLiteral("002-%1/PPID/III/2026").arg(desk));
    // A deleted request keeps its number: the next one does not reuse it.
    const PpidRequest third = addSample();
    QCOMPARE(third.regNumber, QStringLiteral("003-%1/PPID/III/2026").arg(desk));
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(QStringLiteral("UPDATE ppid_requests SET deleted = 1 WHERE id = '%1'").arg(third.id)));
    QCOMPARE(addSample().regNumber, QStringLiteral("004-%1/PPID/III/2026").arg(desk));
    // A new year starts again at 1.
    m_clock->setNow(QDateTime(QDate(2027, 1, 4), QTime(1, 0), Qt::UTC));
    PpidRequest r = sample();
    r.receivedAt = m_clock->nowUtc();
    QCOMPARE(addSample(r).regNumber, QStringLiteral("001-%1/PPID/I/2027").arg(desk));
    QCOMPARE(m_db->count(QStringLiteral("ppid_sequences")), 2);
}

void TestRequestRepository::statusFlow_data()
{
    QTest::addColumn<Status>("from");
    QTest::addColumn<Status>("to");
    QTest::addColumn<bool>("allowed");
    const QList<Status> all = Ppid::allStatuses();
    // The allowed moves (see Ppid::canTransition for why a decision may follow "diterima").
    const QList<QPair<Status, Status>> allowed = {
        {Status::Diterima, Status::Diproses},
        {Status::Diterima, Status::DikabulkanSeluruhnya},
        {Status::Diterima, Status::DikabulkanSebagian},
        {Status::Diterima, Status::Ditolak},
        {Status::Diproses, Status::Diperpanjang},
        {Status::Diproses, Status::DikabulkanSeluruhnya},
        {Status::Diproses, Status::DikabulkanSebagian},
        {Status::Diproses, Status::Ditolak},
        {Status::Diperpanjang, Status::DikabulkanSeluruhnya},
        {Status::Diperpanjang, Status::DikabulkanSebagian},
        {Status::Diperpanjang, Status::Ditolak},
        {Status::DikabulkanSeluruhnya, Status::Selesai},
        {Status::DikabulkanSebagian, Status::Selesai},
        {Status::Ditolak, Status::Selesai},
    };
    for (Status from : all) {
        for (Status to : all) {
            if (from == to)
                continue;
            const QByteArray name = (Ppid::code(from) + QStringLiteral(" -> ") + Ppid::code(to)).toUtf8();
            QTest::newRow(name.constData()) << from << to << allowed.contains({from, to});
        }
    }
}

void TestRequestRepository::statusFlow()
{
    QFETCH(Status, from);
    QFETCH(Status, to);
    QFETCH(bool, allowed);
    QCOMPARE(Ppid::canTransition(from, to), allowed);

    // The repository walks a request to @p from along allowed moves, then tries @p to.
    const PpidRequest added = addSample();
    QString error;
    QList<Status> path;
    switch (from) {
    case Status::Diterima:
        break;
    case Status::Diproses:
        path = {Status::Diproses};
        break;
    case Status::Diperpanjang:
        path = {Status::Diproses, Status::Diperpanjang};
        break;
    case Status::Selesai:
        path = {Status::DikabulkanSeluruhnya, Status::Selesai};
        break;
    default:
        path = {from};
    }
    PpidRequest decided = added;
    decided.reason = Ppid::Reason::BelumDidokumentasikan;
    decided.withheldInfo = QStringLiteral("Lampiran 3");
    for (Status step : path) {
        PpidRequest r = decided;
        if (step == Status::DikabulkanSeluruhnya)
            r.reason = Ppid::Reason::None;
        QVERIFY2(m_repo->setStatus(r, step, QStringLiteral("alasan tertulis"), &error), qPrintable(error));
    }
    QCOMPARE(m_repo->get(added.id).status, from);
    PpidRequest target = decided;
    if (to == Status::DikabulkanSeluruhnya)
        target.reason = Ppid::Reason::None;
    const int before = writes();
    QCOMPARE(m_repo->setStatus(target, to, QStringLiteral("alasan tertulis"), &error), allowed);
    QCOMPARE(m_repo->get(added.id).status, allowed ? to : from);
    if (!allowed) {
        QVERIFY(!error.isEmpty());
        QCOMPARE(writes(), before);
    }
}

void TestRequestRepository::decisionReasons_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<Ppid::Reason>("reason");
    QTest::addColumn<QString>("letter");
    QTest::addColumn<QString>("consequence");
    QTest::addColumn<QString>("withheld");
    QTest::addColumn<QString>("referredTo");
    QTest::addColumn<bool>("accepted");
    using R = Ppid::Reason;
    const QString test = QStringLiteral("Membuka informasi ini menghambat penyidikan yang sedang berjalan.");
    QTest::newRow("full grant") << Status::DikabulkanSeluruhnya << R::None << ""
                                << ""
                                << ""
                                << "" << true;
    QTest::newRow("full grant with a reason") << Status::DikabulkanSeluruhnya << R::Pasal17 << "a" << test << ""
                                              << "" << false;
    QTest::newRow("refusal without reason") << Status::Ditolak << R::None << ""
                                            << ""
                                            << ""
                                            << "" << false;
    QTest::newRow("Pasal 17 a with test") << Status::Ditolak << R::Pasal17 << "a" << test << ""
                                          << "" << true;
    QTest::newRow("Pasal 17 upper-case letter") << Status::Ditolak << R::Pasal17 << "J" << test << ""
                                                << "" << true;
    QTest::newRow("Pasal 17 without letter") << Status::Ditolak << R::Pasal17 << "" << test << ""
                                             << "" << false;
    QTest::newRow("Pasal 17 letter k") << Status::Ditolak << R::Pasal17 << "k" << test << ""
                                       << "" << false;
    QTest::newRow("Pasal 17 without test") << Status::Ditolak << R::Pasal17 << "b"
                                           << "  "
                                           << ""
                                           << "" << false;
    QTest::newRow("belum dikuasai") << Status::Ditolak << R::BelumDikuasai << ""
                                    << ""
                                    << ""
                                    << "" << true;
    QTest::newRow("belum didokumentasikan") << Status::Ditolak << R::BelumDidokumentasikan << ""
                                            << ""
                                            << ""
                                            << "" << true;
    QTest::newRow("not held, referred") << Status::Ditolak << R::TidakDikuasai << ""
                                        << ""
                                        << ""
                                        << "BPS Kabupaten" << true;
    QTest::newRow("not held, nobody named") << Status::Ditolak << R::TidakDikuasai << ""
                                            << ""
                                            << ""
                                            << "" << false;
    QTest::newRow("part grant") << Status::DikabulkanSebagian << R::Pasal17 << "h" << test << "Data pribadi"
                                << "" << true;
    QTest::newRow("part grant, nothing withheld") << Status::DikabulkanSebagian << R::Pasal17 << "h" << test << ""
                                                  << "" << false;
    QTest::newRow("part grant without reason") << Status::DikabulkanSebagian << R::None << ""
                                               << ""
                                               << "Data pribadi"
                                               << "" << false;
}

void TestRequestRepository::decisionReasons()
{
    QFETCH(Status, status);
    QFETCH(Ppid::Reason, reason);
    QFETCH(QString, letter);
    QFETCH(QString, consequence);
    QFETCH(QString, withheld);
    QFETCH(QString, referredTo);
    QFETCH(bool, accepted);
    PpidRequest r = addSample();
    QString error;
    QVERIFY2(m_repo->setStatus(r, Status::Diproses, QString(), &error), qPrintable(error));
    r.reason = reason;
    r.pasal17Letter = letter;
    r.consequenceTest = consequence;
    r.withheldInfo = withheld;
    r.referredTo = referredTo;
    r.feeRupiah = 5000;
    const int before = writes();
    QCOMPARE(m_repo->setStatus(r, status, QString(), &error), accepted);
    const PpidRequest stored = m_repo->get(r.id);
    if (!accepted) {
        QVERIFY(!error.isEmpty());
        QCOMPARE(writes(), before);
        QCOMPARE(stored.status, Status::Diproses);
        return;
    }
    QCOMPARE(stored.status, status);
    QCOMPARE(stored.reason, reason);
    QCOMPARE(stored.pasal17Letter, letter.toLower());
    QCOMPARE(stored.referredTo, referredTo);
    QCOMPARE(stored.feeRupiah, qint64(5000));
    QCOMPARE(stored.noticeDate, QDate(2026, 3, 16)); // today, in the regency's zone
}

void TestRequestRepository::historyWhoWhenWhat()
{
    PpidRequest r = addSample();
    QString error;
    m_clock->advance(3600 * 1000);
    QVERIFY2(m_repo->setStatus(r, Status::Diproses, QStringLiteral("diteruskan ke Bappeda"), &error),
             qPrintable(error));
    m_clock->advance(24 * 3600 * 1000);
    PpidRequestRepository admin(m_db->db(), actor(QStringLiteral("admin1"), Role::Admin));
    QVERIFY2(admin.setStatus(r, Status::DikabulkanSeluruhnya, QString(), &error), qPrintable(error));
    m_clock->advance(3600 * 1000);
    QVERIFY2(m_repo->setStatus(r, Status::Selesai, QStringLiteral("diserahkan"), &error), qPrintable(error));
    // Same status again is no change and no history.
    QVERIFY(m_repo->setStatus(r, Status::Selesai, QString(), &error));

    const QList<PpidStatusChange> h = m_repo->history(r.id);
    QCOMPARE(h.size(), 4);
    QCOMPARE(h.at(1).from, Status::Diterima);
    QCOMPARE(h.at(1).to, Status::Diproses);
    QCOMPARE(h.at(1).by, QStringLiteral("ppid1"));
    QCOMPARE(h.at(1).note, QStringLiteral("diteruskan ke Bappeda"));
    QCOMPARE(h.at(1).at, Monday10Wita.addSecs(2 * 3600));
    QCOMPARE(h.at(2).to, Status::DikabulkanSeluruhnya);
    QCOMPARE(h.at(2).by, QStringLiteral("admin1"));
    QCOMPARE(h.at(3).to, Status::Selesai);
    const PpidRequest done = m_repo->get(r.id);
    QCOMPARE(done.noticeDate, QDate(2026, 3, 17));
    QCOMPARE(done.handedOverDate, QDate(2026, 3, 17));
}

void TestRequestRepository::extension_data()
{
    QTest::addColumn<QList<Status>>("before");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("daysLater");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("message");
    const QList<Status> processing = {Status::Diproses};
    QTest::newRow("processing, with reason") << processing << "Dokumen di arsip kecamatan" << 0 << true << "";
    QTest::newRow("no written reason") << processing << "   " << 0 << false << "reason";
    QTest::newRow("not yet processing") << QList<Status>() << "alasan" << 0 << false << "processed";
    QTest::newRow("already decided") << QList<Status>{Status::Diproses, Status::DikabulkanSeluruhnya} << "alasan" << 0
                                     << false << "no longer";
    // The due date is 7 April 2026: 8 April is too late.
    QTest::newRow("after the deadline") << processing << "alasan" << 23 << false << "deadline";
}

void TestRequestRepository::extension()
{
    QFETCH(QList<Status>, before);
    QFETCH(QString, reason);
    QFETCH(int, daysLater);
    QFETCH(bool, accepted);
    QFETCH(QString, message);
    PpidRequest r = addSample();
    QString error;
    for (Status s : before)
        QVERIFY2(m_repo->setStatus(r, s, QString(), &error), qPrintable(error));
    m_clock->advance(qint64(daysLater) * 24 * 3600 * 1000);
    const int writesBefore = writes();
    QCOMPARE(m_repo->extend(r.id, reason, &error), accepted);
    const PpidRequest stored = m_repo->get(r.id);
    if (!accepted) {
        QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
        QCOMPARE(writes(), writesBefore);
        QCOMPARE(stored.dueDate, QDate(2026, 4, 7));
        return;
    }
    QCOMPARE(stored.status, Status::Diperpanjang);
    QCOMPARE(stored.extensionReason, reason);
    QCOMPARE(stored.dueDate, QDate(2026, 4, 16)); // 17 working days from receipt
    QCOMPARE(m_repo->history(r.id).last().note, reason);
}

void TestRequestRepository::extensionOnlyOnce()
{
    PpidRequest r = addSample();
    QString error;
    QVERIFY2(m_repo->setStatus(r, Status::Diproses, QString(), &error), qPrintable(error));
    // Through setStatus the note is the written reason.
    QVERIFY(!m_repo->setStatus(r, Status::Diperpanjang, QString(), &error));
    QVERIFY2(m_repo->setStatus(r, Status::Diperpanjang, QStringLiteral("Menunggu data OPD"), &error),
             qPrintable(error));
    QCOMPARE(m_repo->get(r.id).dueDate, QDate(2026, 4, 16));
    QVERIFY(!m_repo->extend(r.id, QStringLiteral("sekali lagi"), &error));
    QVERIFY2(error.contains(QStringLiteral("once")), qPrintable(error));
}

void TestRequestRepository::extensionOnTheDueDay()
{
    PpidRequest r = addSample();
    QString error;
    QVERIFY2(m_repo->setStatus(r, Status::Diproses, QString(), &error), qPrintable(error));
    // 7 April 2026, 16:59 WITA: still the due day.
    m_clock->setNow(QDateTime(QDate(2026, 4, 7), QTime(8, 59), Qt::UTC));
    QVERIFY2(m_repo->extend(r.id, QStringLiteral("Dokumen masih dihimpun"), &error), qPrintable(error));
}

void TestRequestRepository::numberNeverChanges()
{
    const PpidRequest r = addSample();
    QString error;
    PpidRequest changed = r;
    changed.regNumber = QStringLiteral("999/PPID/III/2026");
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));
    QVERIFY2(error.contains(r.regNumber), qPrintable(error));
    changed = r;
    changed.receivedAt = r.receivedAt.addSecs(-3600);
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));
    changed = r;
    changed.status = Status::Diproses;
    QVERIFY(!m_repo->update(m_repo->get(changed.id), changed, &error));

    changed = r;
    changed.information = QStringLiteral("Dokumen RKPD dan KUA-PPAS 2026");
    changed.requesterPhone = QStringLiteral("0812 9999 8888");
    QVERIFY2(m_repo->update(m_repo->get(changed.id), changed, &error), qPrintable(error));
    const PpidRequest stored = m_repo->get(r.id);
    QCOMPARE(stored.regNumber, r.regNumber);
    QCOMPARE(stored.information, changed.information);
    QCOMPARE(stored.dueDate, r.dueDate);
    QCOMPARE(stored.rev, 2);
}

void TestRequestRepository::masking_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("masked");
    QTest::addColumn<bool>("sees");
    QTest::newRow("admin") << int(Role::Admin) << false << true;
    QTest::newRow("ppid") << int(Role::Ppid) << false << true;
    QTest::newRow("pimpinan") << int(Role::Pimpinan) << true << true;
    // A PPID Pembantu of the OPD the request is assigned to.
    QTest::newRow("opd of the request") << int(Role::Opd) << true << true;
    // Not their register: protokol and redaksi read no request at all.
    QTest::newRow("protokol") << int(Role::Protokol) << true << false;
    QTest::newRow("redaksi") << int(Role::Redaksi) << true << false;
}

void TestRequestRepository::masking()
{
    QFETCH(int, role);
    QFETCH(bool, masked);
    QFETCH(bool, sees);
    QString opdId;
    QString error;
    QVERIFY2(OpdRepository(m_db->db(), Actor::system())
                 .insert({{"code", "DINKES"}, {"name", "Dinas Kesehatan"}}, &opdId, &error),
             qPrintable(error));
    PpidRequest r0 = sample();
    r0.opdId = opdId;
    r0.proxyName = QStringLiteral("Kuasa, HP 0812-3456-7789");
    r0.notes = QStringLiteral("NIK 7208 0152 0390 0003 dicek; hubungi +62 812 3456 7789 tahun 2026");
    const PpidRequest added = addSample(r0);
    Actor reader = actor(QStringLiteral("reader"), Role(role));
    if (Role(role) == Role::Opd)
        reader.opdId = opdId;
    const PpidRequestRepository repo(m_db->db(), reader);
    QCOMPARE(repo.canSeePersonalData(), !masked);
    if (!sees) {
        QVERIFY(!repo.get(added.id).isValid());
        QVERIFY(!repo.getByNumber(added.regNumber).isValid());
        QVERIFY(repo.list().isEmpty());
        QVERIFY(repo.history(added.id).isEmpty());
        return;
    }
    const QList<PpidRequest> views = {repo.get(added.id), repo.getByNumber(added.regNumber), repo.list().value(0)};
    for (const PpidRequest &r : views) {
        QVERIFY(r.isValid());
        QCOMPARE(r.requesterName, added.requesterName); // names are not masked
        if (masked) {
            QCOMPARE(r.requesterNik, QString::fromUtf8("7208••••••••0003"));
            QCOMPARE(r.requesterPhone, QString::fromUtf8("0812•••••789"));
            QCOMPARE(r.requesterEmail, QString::fromUtf8("s•••@contoh.id"));
            QCOMPARE(r.requesterAddress, QString::fromUtf8("•••, Parigi"));
            // Free text: the numbers inside it are masked the same way, other numbers stay.
            QCOMPARE(r.proxyName, QString::fromUtf8("Kuasa, HP 0812•••••789"));
            QCOMPARE(r.notes, QString::fromUtf8("NIK 7208••••••••0003 dicek; hubungi +628•••••••789 tahun 2026"));
        } else {
            QCOMPARE(r.requesterNik, added.requesterNik);
            QCOMPARE(r.requesterPhone, added.requesterPhone);
            QCOMPARE(r.requesterEmail, added.requesterEmail);
            QCOMPARE(r.requesterAddress, added.requesterAddress);
            QCOMPARE(r.proxyName, added.proxyName);
            QCOMPARE(r.notes, added.notes);
        }
    }
}

void TestRequestRepository::opdScope()
{
    // The opd role saw the whole register; a PPID Pembantu sees its own OPD's requests only.
    QString dinkes;
    QString dinsos;
    QString error;
    OpdRepository opds(m_db->db(), Actor::system());
    QVERIFY2(opds.insert({{"code", "DINKES"}, {"name", "Dinas Kesehatan"}}, &dinkes, &error), qPrintable(error));
    QVERIFY2(opds.insert({{"code", "DINSOS"}, {"name", "Dinas Sosial"}}, &dinsos, &error), qPrintable(error));
    PpidRequest a = sample();
    a.opdId = dinkes;
    PpidRequest b = sample();
    b.opdId = dinsos;
    PpidRequest c = sample(); // no OPD assigned yet
    a = addSample(a);
    b = addSample(b);
    c = addSample(c);

    Actor pembantu = actor(QStringLiteral("pic-dinkes"), Role::Opd);
    pembantu.opdId = dinkes;
    const PpidRequestRepository own(m_db->db(), pembantu);
    const QList<PpidRequest> seen = own.list();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().id, a.id);
    QVERIFY(own.get(a.id).isValid());
    QVERIFY(!own.get(b.id).isValid());
    QVERIFY(!own.getByNumber(b.regNumber).isValid());
    QVERIFY(!own.get(c.id).isValid());
    QVERIFY(!own.history(a.id).isEmpty());
    QVERIFY(own.history(b.id).isEmpty());

    // An opd account without an OPD sees nothing rather than everything.
    const PpidRequestRepository none(m_db->db(), actor(QStringLiteral("pic"), Role::Opd));
    QVERIFY(none.list().isEmpty());

    for (const Role role : {Role::Admin, Role::Ppid, Role::Pimpinan})
        QCOMPARE(PpidRequestRepository(m_db->db(), actor(QStringLiteral("r"), role)).list().size(), 3);
}

void TestRequestRepository::listByLocalDates()
{
    m_clock->setNow(QDateTime(QDate(2026, 3, 20), QTime(3, 0), Qt::UTC));
    PpidRequest a = sample();
    a.receivedAt = QDateTime(QDate(2026, 3, 15), QTime(16, 30), Qt::UTC); // Mon 16 Mar 00:30 WITA
    PpidRequest b = sample();
    b.receivedAt = QDateTime(QDate(2026, 3, 16), QTime(15, 59), Qt::UTC); // Mon 16 Mar 23:59 WITA
    PpidRequest c = sample();
    c.receivedAt = QDateTime(QDate(2026, 3, 16), QTime(16, 0), Qt::UTC); // Tue 17 Mar 00:00 WITA
    addSample(a);
    addSample(b);
    addSample(c);
    QCOMPARE(m_repo->list(QDate(2026, 3, 16), QDate(2026, 3, 16)).size(), 2);
    QCOMPARE(m_repo->list(QDate(2026, 3, 17), QDate(2026, 3, 17)).size(), 1);
    QCOMPARE(m_repo->list(QDate(2026, 3, 17)).size(), 1);
    QCOMPARE(m_repo->list({}, QDate(2026, 3, 15)).size(), 0);
    QCOMPARE(m_repo->list().size(), 3);
}

QTEST_GUILESS_MAIN(TestRequestRepository)
// Issue 9: an edit is a patch against what the editor opened. Two desks open the same request;
// the colleague saves first.
void TestRequestRepository::staleCopyKeepsAColleaguesField()
{
    const PpidRequest opened = addSample();
    PpidRequestRepository colleague(m_db->db(), actor(QStringLiteral("ppid2"), Role::Ppid));
    QString error;
    PpidRequest theirs = colleague.get(opened.id);
    theirs.notes = QStringLiteral("Bawa undangan asli");
    theirs.purpose = QStringLiteral("Bahan liputan");
    QVERIFY2(colleague.update(colleague.get(opened.id), theirs, &error), qPrintable(error));
    // The first desk still shows the old copy and changes only the information asked for.
    PpidRequest mine = opened;
    mine.information = QStringLiteral("Dokumen RKPD 2026");
    QVERIFY2(m_repo->update(opened, mine, &error), qPrintable(error));
    const PpidRequest stored = m_repo->get(opened.id);
    QCOMPARE(stored.information, QStringLiteral("Dokumen RKPD 2026"));
    QCOMPARE(stored.notes, QStringLiteral("Bawa undangan asli")); // not wiped by the stale copy
    QCOMPARE(stored.purpose, QStringLiteral("Bahan liputan"));
    // The outbox entry of the second save names only the field it changed.
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT changes FROM outbox WHERE entity = 'ppid_requests' ORDER BY seq DESC LIMIT 1")));
    QVERIFY(q.next());
    const QString changes = q.value(0).toString();
    QVERIFY2(changes.contains(QStringLiteral("information")) && !changes.contains(QStringLiteral("notes")),
             qPrintable(changes));
}

void TestRequestRepository::staleCopyRefusesTheSameField()
{
    const PpidRequest opened = addSample();
    PpidRequestRepository colleague(m_db->db(), actor(QStringLiteral("ppid2"), Role::Ppid));
    QString error;
    PpidRequest theirs = colleague.get(opened.id);
    theirs.notes = QStringLiteral("Pemohon datang lagi Senin");
    QVERIFY2(colleague.update(colleague.get(opened.id), theirs, &error), qPrintable(error));
    const int outbox = m_db->count(QStringLiteral("outbox"));
    PpidRequest mine = opened;
    mine.notes = QStringLiteral("Sudah ditelepon");
    mine.information = QStringLiteral("Dokumen RKPD 2026");
    QList<StaleField> stale;
    QVERIFY(!m_repo->update(opened, mine, &error, &stale));
    QCOMPARE(stale.size(), 1);
    QCOMPARE(stale.first().field, QStringLiteral("notes"));
    QCOMPARE(stale.first().current.toString(), QStringLiteral("Pemohon datang lagi Senin"));
    QCOMPARE(stale.first().mine.toString(), QStringLiteral("Sudah ditelepon"));
    QVERIFY2(error.contains(QStringLiteral("Pemohon datang lagi Senin")) && error.contains(QStringLiteral("Sudah ditelepon")),
             qPrintable(error));
    // Nothing of the refused save is written, not even the field nobody else touched.
    QCOMPARE(m_db->count(QStringLiteral("outbox")), outbox);
    QCOMPARE(m_repo->get(opened.id).information, opened.information);
    QCOMPARE(m_repo->get(opened.id).notes, QStringLiteral("Pemohon datang lagi Senin"));
}

#include "tst_requestrepository.moc"
