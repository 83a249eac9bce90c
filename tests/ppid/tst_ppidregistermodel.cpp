// PpidRegisterModel and PpidRegisterColorProxy (issue 4, "Requests": the register table;
// "Tests": register model tests, masking in views): filters by status, OPD, channel, month
// and year (the regency's local months), overdue and near-due switches, search through the
// trigram index (number, name, information, NIK only for roles that may see it), sorting in
// SQL, lazy fetching in pages, the deferred count, the overdue/near-due roles, colours, icons
// and tooltips with a mock clock, the summary counts, and NIK masking for every role.

#include "ppid/personaldata.h"
#include "ppid/ppidregistercolorproxy.h"
#include "ppid/ppidregistermodel.h"
#include "ppid/ppidrequestrepository.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using Status = Ppid::Status;
using Channel = Ppid::Channel;
using M = PpidRegisterModel;

Q_DECLARE_METATYPE(Humas::Role)

namespace {

// Monday 23 November 2026, 10.00 WITA. Due within 3 working days: up to Thursday 26 November;
// this week ends on Sunday 29 November.
const QDateTime Now(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC);
const QString Nik = QStringLiteral("7208015203900003");
const QString MaskedNik = QStringLiteral("7208••••••••0003");

Actor actor(Role role)
{
    Actor a;
    a.userId = Roles::code(role);
    a.username = Roles::code(role);
    a.role = role;
    return a;
}

struct Spec
{
    QString number;
    QDateTime receivedUtc;
    QString name;
    QString information;
    Status status = Status::Diterima;
    QDate due;
    Channel channel = Channel::Langsung;
    QString opdId;
    QString nik = Nik;
};

} // namespace

class TestPpidRegisterModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void columnsAndDefaultOrder();
    void filters_data();
    void filters();
    void monthUsesLocalTime();
    void deadlineSwitches_data();
    void deadlineSwitches();
    void search_data();
    void search();
    void searchFollowsEdits();
    void searchFindsRepositoryWrites();
    void followsRepositoryWritesWithoutReload();
    void nikSearchOnlyForThoseWhoSeeIt();
    void sort_data();
    void sort();
    void lazyFetchAndDeferredCount();
    void overdueAndDueSoonRoles();
    void colorProxy();
    void summary();
    void summaryFollowsFilters();
    void scopedToTheOpd();
    void informationMasked();
    void masking_data();
    void masking();
    void reloadFollowsToday();

private:
    QString add(const Spec &spec);
    void addStandardRows();
    QStringList numbers(const QAbstractItemModel &model) const;
    QString opd(int i) const { return m_opds.at(i); }

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    QStringList m_opds;     ///< OPD ids ordered by name
    QStringList m_opdNames; ///< short names
    QStringList m_opdFullNames;
};

void TestPpidRegisterModel::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestPpidRegisterModel::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>(Now);
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_opds.clear();
    m_opdNames.clear();
    m_opdFullNames.clear();
    QSqlQuery q(m_db->db().connection());
    // Three OPDs in the order of their short names (what the OPD column shows and sorts by).
    QVERIFY(q.exec("SELECT id, short_name, name FROM opd WHERE deleted = 0 AND short_name <> '' "
                   "ORDER BY short_name COLLATE NOCASE LIMIT 3"));
    while (q.next()) {
        m_opds << q.value(0).toString();
        m_opdNames << q.value(1).toString();
        m_opdFullNames << q.value(2).toString();
    }
    QCOMPARE(m_opds.size(), 3);
}

void TestPpidRegisterModel::cleanup()
{
    m_db.reset();
    m_clock.reset();
}

QString TestPpidRegisterModel::add(const Spec &s)
{
    ChangeWriter &writer = m_db->db().writer();
    QVariantMap row{{"reg_number", s.number},           {"received_at", s.receivedUtc.toString(Qt::ISODate)},
                    {"channel", Ppid::code(s.channel)}, {"requester_name", s.name},
                    {"requester_nik", s.nik},           {"information", s.information},
                    {"status", Ppid::code(s.status)}};
    if (s.due.isValid())
        row.insert("due_date", s.due.toString(Qt::ISODate));
    if (!s.opdId.isEmpty())
        row.insert("opd_id", s.opdId);
    QString id;
    QString error;
    if (!writer.insert("test", QStringLiteral("ppid_requests"), row, &id, &error))
        qWarning() << "insert failed:" << error;
    return id;
}

/**
 * Seven requests around Monday 23 November 2026:
 *   001 overdue (due Fri 20 Nov, diproses)      005 closed (selesai, due 10 Nov)
 *   002 due today (diterima)                    006 open, due 7 Dec (diproses)
 *   003 due Thu 26 Nov (diperpanjang)           007 overdue (due 2 Nov, diterima)
 *   004 due Fri 27 Nov: this week, not within 3 working days
 */
void TestPpidRegisterModel::addStandardRows()
{
    const auto at = [](int month, int day, int hourUtc) {
        return QDateTime(QDate(2026, month, day), QTime(hourUtc, 0), Qt::UTC);
    };
    add({"001/PPID/XI/2026", at(11, 6, 1), "Siti Rahmawati", "Dokumen RKPD Kabupaten 2026", Status::Diproses,
         QDate(2026, 11, 20), Channel::Langsung, opd(0)});
    add({"002/PPID/XI/2026", at(11, 9, 2), "Budi Santoso", "Data penerima bantuan sosial Desa Toboli", Status::Diterima,
         QDate(2026, 11, 23), Channel::Email, opd(1)});
    add({"003/PPID/XI/2026", at(11, 10, 3), "Abdul Rahman Lasaeba", "Rencana anggaran pembangunan jalan Moutong",
         Status::Diperpanjang, QDate(2026, 11, 26), Channel::Surat, opd(0)});
    add({"004/PPID/XI/2026", at(11, 13, 4), "Nurhayati", "Laporan keuangan BPKAD 2025", Status::Diterima,
         QDate(2026, 11, 27), Channel::Website, opd(2), "1234"});
    add({"005/PPID/X/2026", at(10, 27, 5), "Rahmat Hidayat", "Data stunting per desa", Status::Selesai,
         QDate(2026, 11, 10), Channel::Langsung, opd(1)});
    add({"006/PPID/XI/2026", at(11, 20, 6), "Sri Wahyuni", "Salinan SK pengangkatan kepala desa", Status::Diproses,
         QDate(2026, 12, 7), Channel::Telepon, opd(2)});
    add({"007/PPID/X/2026", at(10, 19, 7), "Yusuf Batalipu", "Data jalan rusak Kecamatan Tinombo", Status::Diterima,
         QDate(2026, 11, 2), Channel::Email, QString()});
}

QStringList TestPpidRegisterModel::numbers(const QAbstractItemModel &model) const
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, M::NumberColumn).data().toString();
    return out;
}

void TestPpidRegisterModel::columnsAndDefaultOrder()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(M::ColumnCount));
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.totalCount(), 7);
    QVERIFY(!model.canFetchMore({}));
    // Newest first.
    QCOMPARE(numbers(model),
             QStringList({"006/PPID/XI/2026", "004/PPID/XI/2026", "003/PPID/XI/2026", "002/PPID/XI/2026",
                          "001/PPID/XI/2026", "005/PPID/X/2026", "007/PPID/X/2026"}));
    const QStringList headers = {"Number", "Received", "Requester", "NIK / deed no.", "Information requested",
                                 "OPD",    "Channel",  "Status",    "Due date",       "Working days left"};
    for (int c = 0; c < headers.size(); ++c)
        QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), headers.at(c));
    const int row = model.rowOfId(model.index(4, 0).data(M::IdRole).toString());
    QCOMPARE(row, 4);
    QCOMPARE(model.index(row, M::RequesterColumn).data().toString(), QString("Siti Rahmawati"));
    QCOMPARE(model.index(row, M::OpdColumn).data().toString(), m_opdNames.at(0));
    QCOMPARE(model.index(row, M::OpdColumn).data(Qt::ToolTipRole).toString(), m_opdFullNames.at(0));
    QCOMPARE(model.index(row, M::DueDateColumn).data().toString(), QString("20/11/2026"));
    QCOMPARE(model.index(row, M::ChannelColumn).data().toString(), Ppid::displayName(Channel::Langsung));
    QCOMPARE(model.index(row, M::StatusColumn).data().toString(), Ppid::displayName(Status::Diproses));
    QCOMPARE(model.index(row, M::DueDateColumn).data(M::DueDateRole).toDate(), QDate(2026, 11, 20));
    QCOMPARE(model.index(row, M::DaysLeftColumn).data().toString(), QString("1 day(s) late"));
    // 6 November 2026 01:00 UTC is 09:00 WITA.
    QVERIFY2(model.index(row, M::ReceivedColumn).data().toString().startsWith("06/11/2026 09"),
             qPrintable(model.index(row, M::ReceivedColumn).data().toString()));
    QCOMPARE(model.index(row, 0).data(M::ReceivedAtRole).toDateTime(),
             QDateTime(QDate(2026, 11, 6), QTime(1, 0), Qt::UTC));
}

void TestPpidRegisterModel::filters_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("expected");
    // kind: 0 status, 1 OPD index, 2 channel, 3 year, 4 month of 2026
    QTest::newRow("status diterima") << 0 << int(Status::Diterima)
                                     << QStringList{"004/PPID/XI/2026", "002/PPID/XI/2026", "007/PPID/X/2026"};
    QTest::newRow("status selesai") << 0 << int(Status::Selesai) << QStringList{"005/PPID/X/2026"};
    QTest::newRow("status ditolak (none)") << 0 << int(Status::Ditolak) << QStringList{};
    QTest::newRow("opd 0") << 1 << 0 << QStringList{"003/PPID/XI/2026", "001/PPID/XI/2026"};
    QTest::newRow("opd 2") << 1 << 2 << QStringList{"006/PPID/XI/2026", "004/PPID/XI/2026"};
    QTest::newRow("channel email") << 2 << int(Channel::Email) << QStringList{"002/PPID/XI/2026", "007/PPID/X/2026"};
    QTest::newRow("channel telepon") << 2 << int(Channel::Telepon) << QStringList{"006/PPID/XI/2026"};
    QTest::newRow("year 2026") << 3 << 2026 << QStringList{"006/PPID/XI/2026", "004/PPID/XI/2026", "003/PPID/XI/2026",
                                                           "002/PPID/XI/2026", "001/PPID/XI/2026", "005/PPID/X/2026",
                                                           "007/PPID/X/2026"};
    QTest::newRow("year 2025") << 3 << 2025 << QStringList{};
    QTest::newRow("october") << 4 << 10 << QStringList{"005/PPID/X/2026", "007/PPID/X/2026"};
    QTest::newRow("december") << 4 << 12 << QStringList{};
}

void TestPpidRegisterModel::filters()
{
    QFETCH(int, kind);
    QFETCH(int, value);
    QFETCH(QStringList, expected);
    addStandardRows();
    M model(m_db->db(), actor(Role::Pimpinan));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reloaded(&model, &M::reloaded);
    switch (kind) {
    case 0:
        model.setStatusFilter(Status(value));
        break;
    case 1:
        model.setOpdFilter(opd(value));
        break;
    case 2:
        model.setChannelFilter(Channel(value));
        break;
    case 3:
        model.setYearFilter(value);
        break;
    default:
        model.setMonthFilter(2026, value);
        break;
    }
    QCOMPARE(reloaded.count(), 1);
    QCOMPARE(numbers(model), expected);
    QCOMPARE(model.totalCount(), int(expected.size()));
    // Back to everything.
    model.setFilter({});
    QCOMPARE(model.rowCount(), 7);
}

void TestPpidRegisterModel::monthUsesLocalTime()
{
    // 31 October 23.30 WITA is 15.30 UTC; 1 November 00.30 WITA is 16.30 UTC on 31 October.
    add({"LATE-OCT", QDateTime(QDate(2026, 10, 31), QTime(15, 30), Qt::UTC), "A", "x", Status::Selesai});
    add({"EARLY-NOV", QDateTime(QDate(2026, 10, 31), QTime(16, 30), Qt::UTC), "B", "y", Status::Selesai});
    // 31 December 2025 23.00 WITA belongs to 2025.
    add({"NEW-YEAR-EVE", QDateTime(QDate(2025, 12, 31), QTime(15, 0), Qt::UTC), "C", "z", Status::Selesai});
    M model(m_db->db(), actor(Role::Ppid));
    model.setMonthFilter(2026, 10);
    QCOMPARE(numbers(model), QStringList{"LATE-OCT"});
    model.setMonthFilter(2026, 11);
    QCOMPARE(numbers(model), QStringList{"EARLY-NOV"});
    model.setYearFilter(2025);
    QCOMPARE(numbers(model), QStringList{"NEW-YEAR-EVE"});
    QCOMPARE(model.filter().month, 0);
    QCOMPARE(model.years(), (QList<int>{2026, 2025}));
}

void TestPpidRegisterModel::deadlineSwitches_data()
{
    QTest::addColumn<bool>("overdue");
    QTest::addColumn<bool>("dueSoon");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("overdue") << true << false << QStringList{"001/PPID/XI/2026", "007/PPID/X/2026"};
    QTest::newRow("due within 3 working days") << false << true << QStringList{"003/PPID/XI/2026", "002/PPID/XI/2026"};
    QTest::newRow("both") << true << true
                          << QStringList{"003/PPID/XI/2026", "002/PPID/XI/2026", "001/PPID/XI/2026", "007/PPID/X/2026"};
}

void TestPpidRegisterModel::deadlineSwitches()
{
    QFETCH(bool, overdue);
    QFETCH(bool, dueSoon);
    QFETCH(QStringList, expected);
    addStandardRows();
    M model(m_db->db(), actor(Role::Pimpinan));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.dueSoonLimit(), QDate(2026, 11, 26));
    model.setOverdueOnly(overdue);
    model.setDueSoonOnly(dueSoon);
    QCOMPARE(numbers(model), expected);
    // Combined with another filter.
    model.setOpdFilter(opd(0));
    QStringList withOpd;
    for (const QString &n : expected) {
        if (n.startsWith("001") || n.startsWith("003"))
            withOpd << n;
    }
    QCOMPARE(numbers(model), withOpd);
}

void TestPpidRegisterModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("number") << "003/PPID" << QStringList{"003/PPID/XI/2026"};
    QTest::newRow("roman month") << "/X/2026" << QStringList{"005/PPID/X/2026", "007/PPID/X/2026"};
    QTest::newRow("name, any case") << "rahma"
                                    << QStringList{"003/PPID/XI/2026", "001/PPID/XI/2026", "005/PPID/X/2026"};
    QTest::newRow("middle of a name") << "ayat" << QStringList{"004/PPID/XI/2026", "005/PPID/X/2026"};
    QTest::newRow("information") << "stunting" << QStringList{"005/PPID/X/2026"};
    QTest::newRow("two words, both needed") << "data jalan" << QStringList{"007/PPID/X/2026"};
    QTest::newRow("words in different fields") << "abdul moutong" << QStringList{"003/PPID/XI/2026"};
    QTest::newRow("nothing") << "zqxwv" << QStringList{};
    QTest::newRow("short words are ignored")
        << "a b" << QStringList{"006/PPID/XI/2026", "004/PPID/XI/2026", "003/PPID/XI/2026", "002/PPID/XI/2026",
                                "001/PPID/XI/2026", "005/PPID/X/2026",  "007/PPID/X/2026"};
    QTest::newRow("short word beside a long one") << "sri wa" << QStringList{"006/PPID/XI/2026"};
    QTest::newRow("quotes are literal") << "\"data" << QStringList{};
    QTest::newRow("fts syntax is literal") << "data OR xyz" << QStringList{};
    QTest::newRow("percent is literal") << "100%" << QStringList{};
}

void TestPpidRegisterModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSearchText(text);
    QCOMPARE(numbers(model), expected);
    QCOMPARE(model.totalCount(), int(expected.size()));
}

void TestPpidRegisterModel::searchFollowsEdits()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    model.setSearchText("Santoso");
    QCOMPARE(numbers(model), QStringList{"002/PPID/XI/2026"});
    const QString id = model.index(0, 0).data(M::IdRole).toString();
    ChangeWriter &writer = m_db->db().writer();
    QString error;
    QVERIFY2(writer.update("test", "ppid_requests", id, {{"requester_name", "Budi Prasetyo"}}, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 0); // the old name is gone from the index (the model followed the commit)
    model.setSearchText("Prasetyo");
    QCOMPARE(numbers(model), QStringList{"002/PPID/XI/2026"});
    // A deleted request (tombstone) is not found any more.
    QVERIFY2(writer.remove("test", "ppid_requests", id, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);
}

void TestPpidRegisterModel::searchFindsRepositoryWrites()
{
    PpidRequestRepository repo(m_db->db(), actor(Role::Ppid));
    PpidRequest r;
    r.receivedAt = Now.addSecs(-3600);
    r.channel = Channel::Langsung;
    r.requesterName = "Siti Rahmawati";
    r.requesterNik = Nik;
    r.requesterAddress = "Jl. Trans Sulawesi No. 12, Parigi";
    r.requesterPhone = "081234567789";
    r.requesterEmail = "siti@contoh.id";
    r.information = "Dokumen RKPD Kabupaten 2026";
    r.purpose = "Penelitian";
    r.obtainMethod = "salinan_softcopy";
    r.deliveryMethod = "email";
    r.opdId = opd(1);
    QString error;
    QVERIFY2(repo.add(&r, &error), qPrintable(error));
    M model(m_db->db(), actor(Role::Ppid));
    model.setSearchText("RKPD");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, M::NumberColumn).data().toString(), r.regNumber);
    // Received today: 10 working days left, not yet due soon.
    QCOMPARE(model.index(0, 0).data(M::DueDateRole).toDate(), r.dueDate);
    QCOMPARE(model.index(0, 0).data(M::DaysLeftRole).toInt(), 10);
    QVERIFY(!model.index(0, 0).data(M::DueSoonRole).toBool());
}

// Issue 9: the register follows the store's ChangeFeed; nobody calls reload().
void TestPpidRegisterModel::followsRepositoryWritesWithoutReload()
{
    M model(m_db->db(), actor(Role::Ppid));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    PpidRequestRepository repo(m_db->db(), actor(Role::Ppid));
    PpidRequest r;
    r.receivedAt = Now.addSecs(-3600);
    r.channel = Channel::Langsung;
    r.requesterName = "Siti Rahmawati";
    r.requesterNik = Nik;
    r.requesterAddress = "Jl. Trans Sulawesi No. 12, Parigi";
    r.requesterPhone = "081234567789";
    r.information = "Dokumen RKPD Kabupaten 2026";
    r.purpose = "Penelitian";
    r.obtainMethod = "salinan_softcopy";
    r.requesterEmail = "siti@contoh.id";
    r.deliveryMethod = "email";
    r.opdId = opd(1);
    QString error;
    QVERIFY2(repo.add(&r, &error), qPrintable(error));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, M::NumberColumn).data().toString(), r.regNumber);
    // A user's edit through the repository shows at once.
    PpidRequest edited = repo.get(r.id);
    edited.information = "Dokumen KUA-PPAS 2026";
    QVERIFY2(repo.update(repo.get(r.id), edited, &error), qPrintable(error));
    QCOMPARE(model.index(0, M::InformationColumn).data().toString(), QString("Dokumen KUA-PPAS 2026"));
    // A status step too.
    QVERIFY2(repo.setStatus(repo.get(r.id), Status::Diproses, QString(), &error), qPrintable(error));
    QCOMPARE(model.index(0, 0).data(M::StatusRole).toInt(), int(Status::Diproses));
}

void TestPpidRegisterModel::nikSearchOnlyForThoseWhoSeeIt()
{
    addStandardRows();
    M ppid(m_db->db(), actor(Role::Ppid));
    ppid.setSearchText("0152039");
    QCOMPARE(ppid.rowCount(), 6);                  // every row but 004 has the sample NIK
    M protokol(m_db->db(), actor(Role::Pimpinan)); // sees every row, masked
    protokol.setSearchText("0152039");
    QCOMPARE(protokol.rowCount(), 0);
    // Sorting by NIK is refused as well: the order would tell the hidden digits.
    add({"008/PPID/XI/2026",
         QDateTime(QDate(2026, 11, 2), QTime(1, 0), Qt::UTC),
         "Z",
         "x",
         Status::Selesai,
         {},
         Channel::Langsung,
         {},
         "0000000000000001"});
    protokol.setSearchText(QString());
    protokol.sort(M::NikColumn, Qt::AscendingOrder);
    QCOMPARE(protokol.index(0, M::NumberColumn).data().toString(), QString("007/PPID/X/2026")); // received order
    ppid.setSearchText(QString());
    ppid.sort(M::NikColumn, Qt::AscendingOrder);
    QCOMPARE(ppid.index(0, M::NumberColumn).data().toString(), QString("008/PPID/XI/2026"));
}

void TestPpidRegisterModel::sort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");
    const QStringList byReceived = {"007/PPID/X/2026",  "005/PPID/X/2026",  "001/PPID/XI/2026", "002/PPID/XI/2026",
                                    "003/PPID/XI/2026", "004/PPID/XI/2026", "006/PPID/XI/2026"};
    QTest::newRow("number asc (order of receipt)") << int(M::NumberColumn) << int(Qt::AscendingOrder) << byReceived;
    QTest::newRow("received asc") << int(M::ReceivedColumn) << int(Qt::AscendingOrder) << byReceived;
    QTest::newRow("requester asc") << int(M::RequesterColumn) << int(Qt::AscendingOrder)
                                   << QStringList{"003/PPID/XI/2026", "002/PPID/XI/2026", "004/PPID/XI/2026",
                                                  "005/PPID/X/2026",  "001/PPID/XI/2026", "006/PPID/XI/2026",
                                                  "007/PPID/X/2026"};
    QTest::newRow("requester desc") << int(M::RequesterColumn) << int(Qt::DescendingOrder)
                                    << QStringList{"007/PPID/X/2026", "006/PPID/XI/2026", "001/PPID/XI/2026",
                                                   "005/PPID/X/2026", "004/PPID/XI/2026", "002/PPID/XI/2026",
                                                   "003/PPID/XI/2026"};
    // Status in the order of the flow (diterima, diproses, diperpanjang, …, selesai), then due date.
    QTest::newRow("status asc") << int(M::StatusColumn) << int(Qt::AscendingOrder)
                                << QStringList{"007/PPID/X/2026",  "002/PPID/XI/2026", "004/PPID/XI/2026",
                                               "001/PPID/XI/2026", "006/PPID/XI/2026", "003/PPID/XI/2026",
                                               "005/PPID/X/2026"};
    QTest::newRow("due asc") << int(M::DueDateColumn) << int(Qt::AscendingOrder)
                             << QStringList{"007/PPID/X/2026",  "005/PPID/X/2026",  "001/PPID/XI/2026",
                                            "002/PPID/XI/2026", "003/PPID/XI/2026", "004/PPID/XI/2026",
                                            "006/PPID/XI/2026"};
    QTest::newRow("days left desc") << int(M::DaysLeftColumn) << int(Qt::DescendingOrder)
                                    << QStringList{"006/PPID/XI/2026", "004/PPID/XI/2026", "003/PPID/XI/2026",
                                                   "002/PPID/XI/2026", "001/PPID/XI/2026", "005/PPID/X/2026",
                                                   "007/PPID/X/2026"};
    QTest::newRow("channel asc") << int(M::ChannelColumn) << int(Qt::AscendingOrder)
                                 << QStringList{"002/PPID/XI/2026", "007/PPID/X/2026",  "001/PPID/XI/2026",
                                                "005/PPID/X/2026",  "003/PPID/XI/2026", "006/PPID/XI/2026",
                                                "004/PPID/XI/2026"};
}

void TestPpidRegisterModel::sort()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(model.sortColumn(), column);
    QCOMPARE(numbers(model), expected);
}

void TestPpidRegisterModel::lazyFetchAndDeferredCount()
{
    // 1,100 requests (more than NarrowLimit): three pages of 200 shown on demand, the exact
    // count after a pause.
    {
        Transaction tx(m_db->db());
        for (int i = 0; i < 1100; ++i) {
            const Status status = i % 3 == 0 ? Status::Diproses : Status::Selesai;
            add({QStringLiteral("%1/PPID/BULK/2026").arg(i, 4, 10, QLatin1Char('0')),
                 QDateTime(QDate(2026, 1, 5), QTime(0, 0), Qt::UTC).addSecs(i * 3600),
                 i % 2 ? "Ahmad Saleh" : "Fatimah Lamarauna", "Dokumen anggaran " + QString::number(i), status,
                 QDate(2026, 12, 31), Channel::Surat, opd(i % 3)});
        }
        QVERIFY(tx.commit());
    }
    // No QAbstractItemModelTester on this one: the tester itself fetches more after each reset.
    M model(m_db->db(), actor(Role::Ppid));
    QSignalSpy totals(&model, &M::totalCountChanged);
    QCOMPARE(model.rowCount(), M::PageSize);
    QCOMPARE(model.totalCount(), -1); // more than NarrowLimit: counted once typing pauses
    QVERIFY(model.canFetchMore({}));
    QTRY_COMPARE(model.totalCount(), 1100);
    QCOMPARE(totals.count(), 1);
    // Pages follow on, in order and without overlap.
    QSet<QString> seen;
    QString previous;
    int fetches = 0;
    while (model.canFetchMore({})) {
        const int before = model.rowCount();
        model.fetchMore({});
        ++fetches;
        QVERIFY(model.rowCount() > before);
        QVERIFY(model.rowCount() - before <= M::PageSize);
    }
    QCOMPARE(fetches, 5);
    QCOMPARE(model.rowCount(), 1100);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString n = model.index(row, 0).data().toString();
        QVERIFY2(!seen.contains(n), qPrintable(n));
        seen.insert(n);
        if (!previous.isEmpty())
            QVERIFY2(n < previous, qPrintable(n + " after " + previous)); // newest first
        previous = n;
    }
    // A filter with few matches counts at once; with many, later again.
    model.setStatusFilter(Status::Diproses);
    QCOMPARE(model.totalCount(), 367);
    QCOMPARE(model.rowCount(), M::PageSize);
    model.setStatusFilter(Status::Selesai);
    QCOMPARE(model.totalCount(), 733);
    model.setStatusFilter(std::nullopt);
    QCOMPARE(model.totalCount(), -1);
    model.countNow();
    QCOMPARE(model.totalCount(), 1100);
    // Search, sorted by an unindexed column, still pages correctly.
    model.setSearchText("Fatimah");
    model.sort(M::InformationColumn, Qt::AscendingOrder);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 550);
    QTRY_COMPARE(model.totalCount(), 550);

    // The tester checks every insertion of the pages it fetches itself.
    M tested(m_db->db(), actor(Role::Pimpinan));
    QAbstractItemModelTester tester(&tested, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(tested.rowCount() > M::PageSize);
    while (tested.canFetchMore({}))
        tested.fetchMore({});
    QCOMPARE(tested.rowCount(), 1100);
    tested.setSearchText("Ahmad");
    tested.sort(M::OpdColumn, Qt::DescendingOrder);
    while (tested.canFetchMore({}))
        tested.fetchMore({});
    QCOMPARE(tested.rowCount(), 550);
    QCOMPARE(tested.index(0, M::OpdColumn).data().toString(), m_opdNames.at(2));
    QCOMPARE(tested.index(549, M::OpdColumn).data().toString(), m_opdNames.at(0));
}

void TestPpidRegisterModel::overdueAndDueSoonRoles()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    QCOMPARE(model.today(), QDate(2026, 11, 23));
    struct Expect
    {
        bool overdue;
        bool dueSoon;
        QVariant daysLeft;
        QString text;
    };
    const QHash<QString, Expect> expected = {
        {"001/PPID/XI/2026", {true, false, -1, "1 day(s) late"}},
        {"002/PPID/XI/2026", {false, true, 0, "today"}},
        {"003/PPID/XI/2026", {false, true, 3, "3 day(s)"}},
        {"004/PPID/XI/2026", {false, false, 4, "4 day(s)"}},
        {"005/PPID/X/2026", {false, false, QVariant(), ""}},
        {"006/PPID/XI/2026", {false, false, 10, "10 day(s)"}},
        {"007/PPID/X/2026", {true, false, -15, "15 day(s) late"}},
    };
    QCOMPARE(model.rowCount(), 7);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, M::DaysLeftColumn);
        const QString n = model.index(row, M::NumberColumn).data().toString();
        const Expect e = expected.value(n);
        QCOMPARE(index.data(M::OverdueRole).toBool(), e.overdue);
        QCOMPARE(index.data(M::DueSoonRole).toBool(), e.dueSoon);
        QCOMPARE(index.data(M::DaysLeftRole), e.daysLeft);
        QCOMPARE(index.data().toString(), e.text);
    }
    // Next day: 002 (due Monday) is late now, 004 (due Friday) comes within 3 working days.
    m_clock->setNow(Now.addDays(1));
    model.reload();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString n = model.index(row, M::NumberColumn).data().toString();
        if (n.startsWith("002"))
            QVERIFY(model.index(row, 0).data(M::OverdueRole).toBool());
        if (n.startsWith("004"))
            QVERIFY(model.index(row, 0).data(M::DueSoonRole).toBool());
    }
}

void TestPpidRegisterModel::colorProxy()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    PpidRegisterColorProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    int overdue = 0;
    int dueSoon = 0;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString n = proxy.index(row, 0).data().toString();
        const bool isOverdue = n.startsWith("001") || n.startsWith("007");
        const bool isDueSoon = n.startsWith("002") || n.startsWith("003");
        for (int column = 0; column < M::ColumnCount; ++column) {
            const QModelIndex index = proxy.index(row, column);
            const QVariant background = index.data(Qt::BackgroundRole);
            const QVariant icon = index.data(Qt::DecorationRole);
            if (isOverdue) {
                QCOMPARE(background.value<QColor>(), PpidRegisterColorProxy::overdueColor());
                QVERIFY(index.data(Qt::ToolTipRole).toString().contains("Overdue"));
            } else if (isDueSoon) {
                QCOMPARE(background.value<QColor>(), PpidRegisterColorProxy::dueSoonColor());
                QVERIFY(index.data(Qt::ToolTipRole).toString().contains("Due"));
            } else {
                QVERIFY(!background.isValid());
                QVERIFY(!icon.isValid());
            }
            // The icon sits in the number column only.
            QCOMPARE(icon.isValid(), column == M::NumberColumn && (isOverdue || isDueSoon));
            if (icon.isValid())
                QVERIFY(!icon.value<QIcon>().isNull());
            // Everything else passes through.
            QCOMPARE(index.data(Qt::DisplayRole), model.index(row, column).data(Qt::DisplayRole));
        }
        overdue += isOverdue;
        dueSoon += isDueSoon;
    }
    QCOMPARE(overdue, 2);
    QCOMPARE(dueSoon, 2);
    // The two marks are different pictures, not only different colours.
    QImage a(32, 32, QImage::Format_ARGB32_Premultiplied);
    QImage b(32, 32, QImage::Format_ARGB32_Premultiplied);
    a.fill(Qt::transparent);
    b.fill(Qt::transparent);
    {
        QPainter pa(&a);
        PpidRegisterColorProxy::overdueIcon().paint(&pa, QRect(0, 0, 32, 32));
        QPainter pb(&b);
        PpidRegisterColorProxy::dueSoonIcon().paint(&pb, QRect(0, 0, 32, 32));
    }
    QVERIFY(a != b);
    QVERIFY(a.pixelColor(16, 16).alpha() > 0);
    // Sorting through the proxy reaches the model (the view sorts the proxy).
    proxy.sort(M::RequesterColumn, Qt::AscendingOrder);
    QCOMPARE(model.sortColumn(), int(M::RequesterColumn));
    QCOMPARE(proxy.index(0, M::NumberColumn).data().toString(), QString("003/PPID/XI/2026"));
}

void TestPpidRegisterModel::summary()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Pimpinan));
    const PpidRegisterSummary s = model.summary();
    QCOMPARE(s.overdue, 2);     // 001, 007
    QCOMPARE(s.dueThisWeek, 3); // 002 (today), 003 (Thursday), 004 (Friday)
    QCOMPARE(model.summaryText(), QString("2 overdue · 3 due this week"));
    QCOMPARE(M::summaryText({1, 0}), QString("1 overdue · 0 due this week"));
    // On the Sunday before, "this week" is the coming working week, not the one day left.
    m_clock->setNow(Now.addDays(-1));
    M sunday(m_db->db(), actor(Role::Pimpinan));
    QCOMPARE(sunday.summary().dueThisWeek, 3);
}

void TestPpidRegisterModel::summaryFollowsFilters()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    model.setOpdFilter(opd(0)); // 001 overdue, 003 due Thursday
    QCOMPARE(model.summary().overdue, 1);
    QCOMPARE(model.summary().dueThisWeek, 1);
    // The deadline switches narrow the rows, not the summary.
    model.setOverdueOnly(true);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.summary().dueThisWeek, 1);
    model.setFilter({});
    model.setSearchText("jalan"); // 003 (due Thursday) and 007 (overdue)
    QCOMPARE(model.summary().overdue, 1);
    QCOMPARE(model.summary().dueThisWeek, 1);
}

void TestPpidRegisterModel::scopedToTheOpd()
{
    // The opd role saw the whole register; a PPID Pembantu sees its own OPD's requests only,
    // in every page, count and summary, whatever the filter says.
    addStandardRows();
    Actor pembantu = actor(Role::Opd);
    pembantu.opdId = opd(0);
    M model(m_db->db(), pembantu);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(numbers(model), (QStringList{"003/PPID/XI/2026", "001/PPID/XI/2026"})); // newest first
    QTRY_COMPARE(model.totalCount(), 2);
    QCOMPARE(model.summary().overdue, 1);
    QCOMPARE(model.summary().dueThisWeek, 1);
    model.setOpdFilter(opd(1));
    QCOMPARE(model.rowCount(), 0);
    model.setFilter({});
    model.setSearchText("jalan"); // 003 and 007; 007 has no OPD
    QCOMPARE(numbers(model), QStringList{"003/PPID/XI/2026"});

    M none(m_db->db(), actor(Role::Opd)); // no OPD: nothing rather than everything
    QCOMPARE(none.rowCount(), 0);
    for (const Role role : {Role::Protokol, Role::Redaksi})
        QCOMPARE(M(m_db->db(), actor(role)).rowCount(), 0);
    for (const Role role : {Role::Admin, Role::Ppid, Role::Pimpinan})
        QCOMPARE(M(m_db->db(), actor(role)).rowCount(), 7);
}

void TestPpidRegisterModel::informationMasked()
{
    add({"010/PPID/XI/2026", QDateTime(QDate(2026, 11, 20), QTime(1, 0), Qt::UTC), "Budi",
         "Data atas NIK 7208015203900003, HP 081234567789", Status::Diterima, QDate(2026, 12, 4), Channel::Langsung,
         opd(0)});
    M pimpinan(m_db->db(), actor(Role::Pimpinan));
    QCOMPARE(pimpinan.index(0, M::InformationColumn).data().toString(),
             QString::fromUtf8("Data atas NIK 7208••••••••0003, HP 0812•••••789"));
    M ppid(m_db->db(), actor(Role::Ppid));
    QCOMPARE(ppid.index(0, M::InformationColumn).data().toString(),
             QString("Data atas NIK 7208015203900003, HP 081234567789"));
}

void TestPpidRegisterModel::masking_data()
{
    QTest::addColumn<Humas::Role>("role");
    QTest::addColumn<bool>("full");
    for (const Role role : Roles::all())
        QTest::newRow(qPrintable(Roles::code(role))) << role << PersonalData::canSee(role);
}

void TestPpidRegisterModel::masking()
{
    QFETCH(Humas::Role, role);
    QFETCH(bool, full);
    QCOMPARE(full, role == Role::Ppid || role == Role::Admin);
    addStandardRows();
    M model(m_db->db(), actor(role));
    PpidRegisterColorProxy proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(model.canSeePersonalData(), full);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QString n = proxy.index(row, 0).data().toString();
        const QString shown = proxy.index(row, M::NikColumn).data().toString();
        if (n.startsWith("004"))
            QCOMPARE(shown, full ? QString("1234") : QString("••••")); // short values are masked whole
        else
            QCOMPARE(shown, full ? Nik : MaskedNik);
        // No other role or column leaks the NIK.
        if (!full) {
            for (int column = 0; column < M::ColumnCount; ++column) {
                for (const int r : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::EditRole),
                                    int(Qt::StatusTipRole), int(Qt::WhatsThisRole)}) {
                    QVERIFY(!proxy.index(row, column).data(r).toString().contains("5203900"));
                }
                for (int r = M::IdRole; r <= M::DueSoonRole; ++r)
                    QVERIFY(!proxy.index(row, column).data(r).toString().contains("5203900"));
            }
        }
    }
}

void TestPpidRegisterModel::reloadFollowsToday()
{
    addStandardRows();
    M model(m_db->db(), actor(Role::Ppid));
    QCOMPARE(model.summary().overdue, 2);
    // A week later the requests due this week are late as well.
    m_clock->setNow(Now.addDays(7));
    model.reload();
    QCOMPARE(model.today(), QDate(2026, 11, 30));
    QCOMPARE(model.summary().overdue, 5);
    model.setOverdueOnly(true);
    QCOMPARE(model.rowCount(), 5);
}

QTEST_MAIN(TestPpidRegisterModel)
#include "tst_ppidregistermodel.moc"
