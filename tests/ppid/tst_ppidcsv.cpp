// The register as CSV (PpidCsv): the byte-order mark, the official Indonesian header, CRLF
// rows that Csv::parse reads back, masking of personal data for every role, formula text
// kept as text, and the file written whole or not at all.

#include "common/csv.h"
#include "master/referencerepositories.h"
#include "mockclock.h"
#include "ppid/personaldata.h"
#include "ppid/ppidcsv.h"
#include "ppid/ppidrequestrepository.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Humas;

Q_DECLARE_METATYPE(Humas::Role)

namespace {

const QByteArray Bom = QByteArrayLiteral("\xEF\xBB\xBF");
const QString Nik = "7208015505900003";
const QString Phone = "081234567890";
const QString Email = "budi.santoso@gmail.com";
const QString Address = "Jl. Trans Sulawesi No. 12, Parigi";

Actor actorFor(Role role)
{
    Actor actor = Actor::system();
    actor.role = role;
    return actor;
}

PpidRequest sampleRequest()
{
    PpidRequest r;
    r.id = "req-1";
    r.regNumber = "001/PPID/III/2026";
    // 09:30 WITA (UTC+8), the regency's default zone.
    r.receivedAt = QDateTime(QDate(2026, 3, 16), QTime(1, 30), Qt::UTC);
    r.channel = Ppid::Channel::Langsung;
    r.requesterName = "Budi Santoso";
    r.requesterNik = Nik;
    r.requesterAddress = Address;
    r.requesterOccupation = "Wiraswasta";
    r.requesterPhone = Phone;
    r.requesterEmail = Email;
    r.information = "Dokumen APBD 2026, \"ringkasan\"\nper OPD";
    r.purpose = "Penelitian";
    r.obtainMethod = "salinan_softcopy";
    r.deliveryMethod = "email";
    r.dueDate = QDate(2026, 4, 7);
    r.feeRupiah = 15000;
    return r;
}

/** The CSV without its BOM, parsed back; empty on a parse error. */
QList<QStringList> parse(const QByteArray &csv)
{
    QList<QStringList> rows;
    if (!csv.startsWith(Bom) || !Csv::parse(QString::fromUtf8(csv.mid(Bom.size())), &rows))
        return {};
    return rows;
}

} // namespace

class TestPpidCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bomHeaderAndLineEnds();
    void rowFields();
    void masking_data();
    void masking();
    void maskedInputStaysMasked();
    void formulaTextKeptAsText();
    void formulaInEveryColumn();
    void registerFromRepository();
    void registerRange();
    void exportFile();
    void exportRefusals();
};

void TestPpidCsv::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestPpidCsv::bomHeaderAndLineEnds()
{
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QByteArray csv = PpidCsv(t.db(), Actor::system()).toCsv({sampleRequest()});
    QVERIFY(csv.startsWith(Bom));
    QVERIFY(!csv.mid(Bom.size()).startsWith(Bom));
    const QList<QByteArray> lines = csv.mid(Bom.size()).split('\n');
    QCOMPARE(QString::fromUtf8(lines.first()), Csv::line(PpidCsv::headers()) + "\r");
    QVERIFY(csv.endsWith("\r\n"));
    QCOMPARE(PpidCsv::headers().size(), 30);
    QCOMPARE(PpidCsv::headers().value(1), QString("Nomor Pendaftaran"));
    QCOMPARE(PpidCsv::headers().value(7), QString("NIK/Nomor Akta"));
    QCOMPARE(PpidCsv::headers().value(13), QString("Rincian Informasi yang Dibutuhkan"));
    // An empty register is the header alone.
    QCOMPARE(PpidCsv(t.db(), Actor::system()).toCsv({}), Bom + Csv::line(PpidCsv::headers()).toUtf8() + "\r\n");
}

void TestPpidCsv::rowFields()
{
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    PpidRequest r = sampleRequest();
    r.opdId = OpdRepository(t.db(), Actor::system()).findBy("code", "DISKOMINFO").id;
    QVERIFY(!r.opdId.isEmpty());
    const QList<QStringList> rows = parse(PpidCsv(t.db(), Actor::system()).toCsv({r, r}));
    QCOMPARE(rows.size(), 3);
    const QStringList headers = PpidCsv::headers();
    const QStringList &row = rows.at(1);
    QCOMPARE(row.size(), headers.size());
    auto field = [&](const QString &header) { return row.value(headers.indexOf(header)); };
    QCOMPARE(field("No."), QString("1"));
    QCOMPARE(rows.at(2).value(0), QString("2"));
    QCOMPARE(field("Nomor Pendaftaran"), QString("001/PPID/III/2026"));
    QCOMPARE(field("Tanggal Permohonan"), QString("2026-03-16"));
    QCOMPARE(field("Jam Permohonan"), QString("09:30"));
    QCOMPARE(field("Cara Permohonan"), Ppid::displayName(Ppid::Channel::Langsung));
    QCOMPARE(field("Jenis Pemohon"), Ppid::displayName(Ppid::RequesterType::Perorangan));
    QCOMPARE(field("Nama Pemohon"), QString("Budi Santoso"));
    QCOMPARE(field("Rincian Informasi yang Dibutuhkan"), QString("Dokumen APBD 2026, \"ringkasan\"\nper OPD"));
    QCOMPARE(field("Cara Memperoleh Informasi"), Ppid::obtainMethodName("salinan_softcopy"));
    QCOMPARE(field("Cara Mendapatkan Salinan Informasi"), Ppid::deliveryMethodName("email"));
    QCOMPARE(field("PPID Pembantu (OPD)"), QString("Dinas Komunikasi, Informatika, Persandian dan Statistik"));
    QCOMPARE(field("Status"), Ppid::displayName(Ppid::Status::Diterima));
    QCOMPARE(field("Alasan"), QString());
    QCOMPARE(field("Jatuh Tempo"), QString("2026-04-07"));
    QCOMPARE(field("Tanggal Pemberitahuan Tertulis"), QString());
    QCOMPARE(field("Biaya (Rp)"), QString("15000"));
}

void TestPpidCsv::masking_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("full");
    QTest::newRow("admin") << Role::Admin << true;
    QTest::newRow("ppid") << Role::Ppid << true;
    QTest::newRow("protokol") << Role::Protokol << false;
    QTest::newRow("redaksi") << Role::Redaksi << false;
    QTest::newRow("opd") << Role::Opd << false;
    QTest::newRow("pimpinan") << Role::Pimpinan << false;
}

void TestPpidCsv::masking()
{
    QFETCH(Role, role);
    QFETCH(bool, full);
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QByteArray csv = PpidCsv(t.db(), actorFor(role)).toCsv({sampleRequest()});
    const QList<QStringList> rows = parse(csv);
    QCOMPARE(rows.size(), 2);
    const QStringList headers = PpidCsv::headers();
    auto field = [&](const QString &header) { return rows.at(1).value(headers.indexOf(header)); };
    if (full) {
        QCOMPARE(field("NIK/Nomor Akta"), Nik);
        QCOMPARE(field("Alamat"), Address);
        QCOMPARE(field("Nomor Telepon"), Phone);
        QCOMPARE(field("Email"), Email);
    } else {
        QCOMPARE(field("NIK/Nomor Akta"), QString("7208••••••••0003"));
        QCOMPARE(field("Alamat"), QString("•••, Parigi"));
        QCOMPARE(field("Nomor Telepon"), QString("0812•••••890"));
        QCOMPARE(field("Email"), QString("b•••@gmail.com"));
        // Nowhere in the file, not only not in its column.
        for (const QString &secret : {Nik, Phone, Email, QString("Trans Sulawesi")})
            QVERIFY2(!QString::fromUtf8(csv).contains(secret), qPrintable(secret));
    }
    // The name, the request and the number are not personal data in this sense.
    QCOMPARE(field("Nama Pemohon"), QString("Budi Santoso"));
    QCOMPARE(field("Nomor Pendaftaran"), QString("001/PPID/III/2026"));
}

void TestPpidCsv::maskedInputStaysMasked()
{
    // Requests a repository read for a masked role arrive masked; the CSV must not mask again
    // into something else (a phone masked twice would lose its kept digits).
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    const PpidCsv csv(t.db(), actorFor(Role::Pimpinan));
    const PpidRequest once = csv.forActor(sampleRequest());
    const PpidRequest twice = csv.forActor(once);
    QCOMPARE(twice.requesterNik, once.requesterNik);
    QCOMPARE(twice.requesterPhone, QString("0812•••••890"));
    QCOMPARE(twice.requesterEmail, once.requesterEmail);
    QCOMPARE(twice.requesterAddress, once.requesterAddress);
}

void TestPpidCsv::formulaTextKeptAsText()
{
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    PpidRequest r = sampleRequest();
    r.requesterName = "=HYPERLINK(\"http://x\",\"klik\")";
    r.information = "@SUM(A1:A2)";
    r.notes = "+62 catatan";
    r.purpose = "Penelitian = skripsi";
    const QList<QStringList> rows = parse(PpidCsv(t.db(), Actor::system()).toCsv({r}));
    QCOMPARE(rows.size(), 2);
    const QStringList headers = PpidCsv::headers();
    auto field = [&](const QString &header) { return rows.at(1).value(headers.indexOf(header)); };
    QCOMPARE(field("Nama Pemohon"), QString("'=HYPERLINK(\"http://x\",\"klik\")"));
    QCOMPARE(field("Rincian Informasi yang Dibutuhkan"), QString("'@SUM(A1:A2)"));
    QCOMPARE(field("Keterangan"), QString("'+62 catatan"));
    QCOMPARE(field("Tujuan Penggunaan Informasi"), QString("Penelitian = skripsi"));
}

void TestPpidCsv::formulaInEveryColumn()
{
    // A deed number is free text, so a legal entity's "NIK" may be a formula: it was accepted
    // and reached the spreadsheet raw, as did the phone and email columns.
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 20), QTime(2, 0), Qt::UTC));
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    PpidRequest r = sampleRequest();
    r.id.clear();
    r.regNumber.clear();
    r.dueDate = {};
    r.requesterType = Ppid::RequesterType::BadanHukum;
    r.requesterNik = "=HYPERLINK(\"http://x\",\"a\")";
    r.requesterPhone = "+6281234567890";
    QString error;
    QVERIFY2(PpidRequestRepository(t.db(), Actor::system()).add(&r, &error), qPrintable(error));
    const QList<QStringList> rows = parse(PpidCsv(t.db(), Actor::system()).registerCsv());
    QCOMPARE(rows.size(), 2);
    const QStringList headers = PpidCsv::headers();
    auto field = [&](const QString &header) { return rows.at(1).value(headers.indexOf(header)); };
    QCOMPARE(field("NIK/Nomor Akta"), QString("'=HYPERLINK(\"http://x\",\"a\")"));
    QCOMPARE(field("Nomor Telepon"), QString("'+6281234567890"));
    QCOMPARE(field("Biaya (Rp)"), QString("15000"));
    for (const QString &cell : rows.at(1)) {
        QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.at(0)), qPrintable(cell));
    }
}

namespace {

PpidRequest addRequest(Database &db, const QDateTime &receivedUtc, const QString &name, QString *error)
{
    PpidRequest r = sampleRequest();
    r.id.clear();
    r.regNumber.clear();
    r.dueDate = {};
    r.receivedAt = receivedUtc;
    r.requesterName = name;
    PpidRequestRepository(db, Actor::system()).add(&r, error);
    return r;
}

} // namespace

void TestPpidCsv::registerFromRepository()
{
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 20), QTime(2, 0), Qt::UTC));
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    QString error;
    const PpidRequest a = addRequest(t.db(), QDateTime(QDate(2026, 3, 16), QTime(1, 30), Qt::UTC), "Budi", &error);
    QVERIFY2(a.isValid(), qPrintable(error));
    const PpidRequest b = addRequest(t.db(), QDateTime(QDate(2026, 3, 17), QTime(3, 0), Qt::UTC), "Sari", &error);
    QVERIFY2(b.isValid(), qPrintable(error));

    // The roles that see the whole register (a PPID Pembantu sees its own OPD's: tst_requestrepository).
    for (const Role role : {Role::Admin, Role::Ppid, Role::Pimpinan}) {
        int count = -1;
        const QByteArray csv = PpidCsv(t.db(), actorFor(role)).registerCsv({}, {}, &count);
        QCOMPARE(count, 2);
        const QList<QStringList> rows = parse(csv);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).value(1), a.regNumber);
        QCOMPARE(rows.at(2).value(1), b.regNumber);
        QCOMPARE(rows.at(1).value(PpidCsv::headers().indexOf("Jatuh Tempo")), QString("2026-04-07"));
        const QString nik = rows.at(1).value(PpidCsv::headers().indexOf("NIK/Nomor Akta"));
        const QString phone = rows.at(1).value(PpidCsv::headers().indexOf("Nomor Telepon"));
        if (PersonalData::canSee(role)) {
            QCOMPARE(nik, Nik);
            QCOMPARE(phone, Phone);
        } else {
            QCOMPARE(nik, QString("7208••••••••0003"));
            QCOMPARE(phone, QString("0812•••••890"));
        }
    }
}

void TestPpidCsv::registerRange()
{
    HumasTest::MockClock clock(QDateTime(QDate(2026, 4, 20), QTime(2, 0), Qt::UTC));
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QString error;
    // 23:30 UTC on 31 March is 07:30 on 1 April in WITA: an April request.
    QVERIFY2(addRequest(t.db(), QDateTime(QDate(2026, 3, 31), QTime(23, 30), Qt::UTC), "April", &error).isValid(),
             qPrintable(error));
    QVERIFY2(addRequest(t.db(), QDateTime(QDate(2026, 3, 31), QTime(8, 0), Qt::UTC), "Maret", &error).isValid(),
             qPrintable(error));
    int count = -1;
    const QList<QStringList> rows =
        parse(PpidCsv(t.db(), Actor::system()).registerCsv(QDate(2026, 4, 1), QDate(2026, 4, 30), &count));
    QCOMPARE(count, 1);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).value(PpidCsv::headers().indexOf("Nama Pemohon")), QString("April"));
    QCOMPARE(rows.at(1).value(PpidCsv::headers().indexOf("Tanggal Permohonan")), QString("2026-04-01"));
    QCOMPARE(rows.at(1).value(PpidCsv::headers().indexOf("Jam Permohonan")), QString("07:30"));
}

void TestPpidCsv::exportFile()
{
    HumasTest::MockClock clock(QDateTime(QDate(2026, 3, 20), QTime(2, 0), Qt::UTC));
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QString error;
    QVERIFY2(addRequest(t.db(), QDateTime(QDate(2026, 3, 16), QTime(1, 30), Qt::UTC), "Budi", &error).isValid(),
             qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath("register.csv");
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old contents that must go");
    old.close();
    int count = -1;
    QVERIFY2(PpidCsv(t.db(), actorFor(Role::Pimpinan)).exportFile(path, {}, {}, &count, &error), qPrintable(error));
    QCOMPARE(count, 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QCOMPARE(bytes, PpidCsv(t.db(), actorFor(Role::Pimpinan)).registerCsv());
    QVERIFY(bytes.startsWith(Bom));
    QVERIFY(!bytes.contains(Nik.toUtf8()));
    QVERIFY(!QFile::exists(path + ".part"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"register.csv"});
}

void TestPpidCsv::exportRefusals()
{
    HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
    QTemporaryDir dir;
    const PpidCsv csv(t.db(), Actor::system());
    QString error;
    QVERIFY(!csv.exportFile(dir.filePath("missing/register.csv"), {}, {}, nullptr, &error));
    QVERIFY(error.contains("missing"));
    error.clear();
    QVERIFY(!csv.exportFile(dir.path(), {}, {}, nullptr, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!csv.exportFile(QString(), {}, {}, nullptr, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

QTEST_GUILESS_MAIN(TestPpidCsv)
#include "tst_ppidcsv.moc"
