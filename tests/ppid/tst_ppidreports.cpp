// PPID prints (issue 4, "Printing and export"): the receipt on the letterhead with the due date
// written out, the written notices, the request and objection registers (landscape, header
// rows repeated on every page), and personal data masked in print for every role.

#include "ppid/personaldata.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestrepository.h"
#include "reports/pdfexport.h"
#include "reports/ppidnotices.h"
#include "reports/ppidreceipt.h"
#include "reports/ppidregisterreport.h"
#include "settings/appsettings.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextTable>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

Q_DECLARE_METATYPE(Humas::Role)

namespace {

// Monday 16 March 2026, 10.15 WITA: due Tuesday 7 April 2026 (DOMAIN.md "Counting").
const QDateTime Received(QDate(2026, 3, 16), QTime(2, 15), Qt::UTC);
const QString FullNik = QStringLiteral("7208015203900003");
const QString FullPhone = QStringLiteral("081234567789");
const QString FullEmail = QStringLiteral("siti.rahma@contoh.id");
const QString FullAddress = QStringLiteral("Jl. Trans Sulawesi No. 12, Kelurahan Kampal, Parigi");

Actor ppidActor()
{
    Actor a;
    a.userId = QStringLiteral("ppid1");
    a.username = QStringLiteral("ppid1");
    a.role = Role::Ppid;
    return a;
}

PpidRequest sample()
{
    PpidRequest r;
    r.receivedAt = Received;
    r.channel = Ppid::Channel::Langsung;
    r.requesterName = QStringLiteral("Siti Rahmawati");
    r.requesterNik = FullNik;
    r.requesterAddress = FullAddress;
    r.requesterOccupation = QStringLiteral("Guru");
    r.requesterPhone = FullPhone;
    r.requesterEmail = FullEmail;
    r.information = QStringLiteral("Dokumen RKPD Kabupaten Tahun 2026");
    r.purpose = QStringLiteral("Penelitian skripsi");
    r.obtainMethod = QStringLiteral("salinan_hardcopy");
    r.deliveryMethod = QStringLiteral("ambil_langsung");
    return r;
}

QString pdfText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/pdftotext"),
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), file, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfInfo(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/pdfinfo"), {file});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/** Keeps a copy of a PDF the test wrote when HUMAS_TEST_OUTPUT names a folder (for screenshots). */
void keep(const QString &file)
{
    const QString folder = qEnvironmentVariable("HUMAS_TEST_OUTPUT");
    if (folder.isEmpty())
        return;
    const QString target = folder + "/" + QFileInfo(file).fileName();
    QFile::remove(target);
    QFile::copy(file, target);
}

/** Every text a role could be shown of the personal data, in full. */
QStringList fullPersonalData()
{
    return {FullNik, FullPhone, FullEmail, QStringLiteral("Jl. Trans Sulawesi")};
}

} // namespace

class TestPpidReports : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<AppSettings> m_settings;
    PpidRequest m_request; ///< stored through the repository: number and due date are real

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
        m_clock = std::make_unique<HumasTest::MockClock>(Received.addSecs(600));
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        m_settings = std::make_unique<AppSettings>(m_db->db(), Actor::system());
        PpidRequestRepository repo(m_db->db(), ppidActor());
        m_request = sample();
        QString error;
        QVERIFY2(repo.add(&m_request, &error), qPrintable(error));
        QCOMPARE(m_request.dueDate, QDate(2026, 4, 7));
        QVERIFY(!m_request.regNumber.isEmpty());
    }

    void cleanupTestCase()
    {
        QLocale::setDefault(QLocale::c());
        m_settings.reset();
        m_db.reset();
        m_clock.reset();
    }

    void dueDateWrittenOut()
    {
        QCOMPARE(PpidReceipt::dueDateText(QDate(2026, 4, 7)), QString("Selasa, 7 April 2026"));
        QVERIFY(PpidReceipt::dueDateText(QDate()).isEmpty());
    }

    void receiptContents()
    {
        PpidReceiptInfo info;
        info.opdName = QStringLiteral("Dinas Komunikasi, Informatika, Persandian dan Statistik");
        info.officerName = QStringLiteral("Nur Aisyah");
        std::unique_ptr<QTextDocument> doc(PpidReceipt::document(*m_settings, m_request, Role::Ppid, info));
        const QString text = doc->toPlainText();
        QCOMPARE(doc->metaInformation(QTextDocument::DocumentTitle), PpidReceipt::title()); // the PDF's title
        QVERIFY2(text.contains("PEMERINTAH KABUPATEN PARIGI MOUTONG"), qPrintable(text));
        QVERIFY(text.contains(PpidReceipt::title()));
        QVERIFY(text.contains(m_request.regNumber));
        // Date and time received in the regency's zone, the due date written out.
        QVERIFY2(text.contains("Senin, 16 Maret 2026, 10.15 WITA"), qPrintable(text));
        QVERIFY(text.contains("Selasa, 7 April 2026"));
        QVERIFY(text.contains("Siti Rahmawati"));
        QVERIFY(text.contains("Dokumen RKPD Kabupaten Tahun 2026"));
        QVERIFY(text.contains(Ppid::obtainMethodName("salinan_hardcopy")));
        QVERIFY(text.contains(Ppid::deliveryMethodName("ambil_langsung")));
        QVERIFY(text.contains(info.opdName));
        // The rights: 10 working days, 7 more once, objection within 30 to the Atasan PPID.
        QVERIFY(text.contains(PpidReceipt::tr("The PPID gives you a written notice within %1 working days of receipt, "
                                              "at the latest on %2.")
                                  .arg(10)
                                  .arg("Selasa, 7 April 2026")));
        QVERIFY(text.contains(PpidReceipt::tr("The PPID may extend this time once, by at most %1 more working days, "
                                              "with written reasons.")
                                  .arg(7)));
        QVERIFY(text.contains("Atasan PPID within 30 working days"));
        // The signature lines: place and date, the requester and the officer.
        QVERIFY(text.contains("Parigi, 16 Maret 2026"));
        QVERIFY(text.contains(PpidReceipt::tr("Requester")));
        QVERIFY(text.contains(PpidReceipt::tr("Information service officer")));
        QVERIFY(text.contains("Nur Aisyah"));
        // The ppid role sees the personal data in full.
        for (const QString &full : fullPersonalData())
            QVERIFY2(text.contains(full), qPrintable(full));
    }

    void receiptPdfText()
    {
        if (!QFile::exists("/usr/bin/pdftotext"))
            QSKIP("pdftotext (poppler-utils) is not installed");
        QTemporaryDir dir;
        std::unique_ptr<QTextDocument> doc(PpidReceipt::document(*m_settings, m_request, Role::Ppid, {}));
        const QString file = dir.filePath("tanda-bukti.pdf");
        QString error;
        QVERIFY2(PdfExport::write(doc.get(), file, QPageLayout::Portrait, &error), qPrintable(error));
        keep(file);
        const QString text = pdfText(file);
        QVERIFY2(text.contains(m_request.regNumber), qPrintable(text));
        QVERIFY2(text.contains("Selasa, 7 April 2026"), qPrintable(text));
        QVERIFY(text.contains("Siti Rahmawati"));
        // One page: a receipt handed over the desk.
        QCOMPARE(text.count(QLatin1Char('\f')), 1);
    }

    void maskingInPrint_data()
    {
        QTest::addColumn<Role>("role");
        for (const Role role : Roles::all())
            QTest::newRow(qPrintable(Roles::code(role))) << role;
    }

    void maskingInPrint()
    {
        QFETCH(Role, role);
        const bool full = Roles::canSeePersonalData(role);
        PpidRequest refused = m_request;
        refused.status = Ppid::Status::Ditolak;
        refused.reason = Ppid::Reason::Pasal17;
        refused.pasal17Letter = "h";
        refused.consequenceTest = "Membuka data akan mengungkap rahasia pribadi.";
        PpidObjection objection;
        objection.id = "o1";
        objection.number = "001/KEB/III/2026";
        objection.requestId = m_request.id;
        objection.filedAt = Received.addDays(2);
        objection.ground = "a";
        objection.summary = "Keberatan atas penolakan";

        std::vector<std::unique_ptr<QTextDocument>> docs;
        docs.emplace_back(PpidReceipt::document(*m_settings, m_request, role, {}));
        docs.emplace_back(PpidNotices::decision(*m_settings, m_request, role, {}));
        docs.emplace_back(PpidNotices::refusal(*m_settings, refused, role, {}));
        docs.emplace_back(PpidNotices::extension(*m_settings, m_request, role, {}));
        docs.emplace_back(PpidRegisterReport::requests(*m_settings, {m_request}, role, {}, "Maret 2026"));
        // The receipt and the register print NIK, address, telephone and email; the notices
        // address, telephone and email. In full only for ppid and admin.
        for (const auto &doc : docs) {
            const QString text = doc->toPlainText();
            const QString title = doc->metaInformation(QTextDocument::DocumentTitle);
            const bool withNik = title == PpidReceipt::title() || title == PpidRegisterReport::requestTitle();
            QVERIFY2(text.contains("Siti Rahmawati"), qPrintable(title));
            for (const QString &value : fullPersonalData()) {
                if (value != FullNik || withNik)
                    QVERIFY2(text.contains(value) == full, qPrintable(title + ": " + value));
            }
            QVERIFY2(!text.contains(FullNik) || full, qPrintable(title));
            if (withNik)
                QVERIFY2(text.contains(PersonalData::maskNik(FullNik)) != full, qPrintable(title));
            QVERIFY2(text.contains(PersonalData::maskAddress(FullAddress)) != full, qPrintable(title));
        }
        // The answer to an objection prints the address only.
        std::unique_ptr<QTextDocument> answer(
            PpidNotices::objectionAnswer(*m_settings, m_request, objection, role, {}));
        QCOMPARE(answer->toPlainText().contains(FullAddress), full);
        QVERIFY(!answer->toPlainText().contains(FullNik));
        // The receipt names the masked values exactly as PersonalData writes them.
        if (!full) {
            const QString receipt = docs.front()->toPlainText();
            QVERIFY(receipt.contains(PersonalData::maskPhone(FullPhone)));
            QVERIFY(receipt.contains(PersonalData::maskEmail(FullEmail)));
        }
    }

    void forRoleIsIdempotent()
    {
        const PpidRequest once = PpidReceipt::forRole(m_request, Role::Opd);
        const PpidRequest twice = PpidReceipt::forRole(once, Role::Opd);
        QCOMPARE(twice.requesterNik, once.requesterNik);
        QCOMPARE(twice.requesterPhone, once.requesterPhone);
        QCOMPARE(twice.requesterEmail, once.requesterEmail);
        QCOMPARE(twice.requesterAddress, once.requesterAddress);
        QCOMPARE(PpidReceipt::forRole(m_request, Role::Admin).requesterNik, FullNik);
    }

    void refusalNotice()
    {
        PpidRequest r = m_request;
        r.status = Ppid::Status::Ditolak;
        r.reason = Ppid::Reason::Pasal17;
        r.pasal17Letter = "h";
        r.consequenceTest = "Membuka rekam medis pegawai akan mengungkap rahasia pribadi.";
        r.noticeDate = QDate(2026, 3, 30);
        PpidNotices::Kind kind;
        QVERIFY(PpidNotices::kindFor(r, &kind));
        QCOMPARE(kind, PpidNotices::Kind::Refusal);
        std::unique_ptr<QTextDocument> doc(PpidNotices::refusal(*m_settings, r, Role::Ppid, {}));
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(PpidNotices::title(PpidNotices::Kind::Refusal)));
        QVERIFY(text.contains(m_request.regNumber));
        QVERIFY2(text.contains("Article 17 letter h of Law 14/2008"), qPrintable(text));
        QVERIFY(text.contains(Ppid::pasal17Description("h")));
        QVERIFY(text.contains(r.consequenceTest));
        QVERIFY(text.contains(PpidNotices::tr("THE REQUEST FOR INFORMATION IS REFUSED")));
        QVERIFY(text.contains("within 30 working days"));
        QVERIFY(text.contains("Parigi, 30 Maret 2026"));

        // Not held: the body it was referred to is named; no consequence test.
        r.reason = Ppid::Reason::TidakDikuasai;
        r.pasal17Letter.clear();
        r.consequenceTest.clear();
        r.referredTo = "Badan Pusat Statistik Kabupaten";
        doc.reset(PpidNotices::refusal(*m_settings, r, Role::Ppid, {}));
        QVERIFY(doc->toPlainText().contains("it is held by Badan Pusat Statistik Kabupaten"));
        QVERIFY(!doc->toPlainText().contains("Article 17 letter"));
    }

    void extensionAndDecisionNotices()
    {
        PpidRequest r = m_request;
        r.status = Ppid::Status::Diperpanjang;
        r.extensionReason = "Dokumen tersimpan di arsip kecamatan dan perlu disalin.";
        r.dueDate = QDate(2026, 4, 16);
        PpidNotices::Kind kind;
        QVERIFY(PpidNotices::kindFor(r, &kind));
        QCOMPARE(kind, PpidNotices::Kind::Extension);
        std::unique_ptr<QTextDocument> doc(PpidNotices::extension(*m_settings, r, Role::Ppid, {}));
        QString text = doc->toPlainText();
        QVERIFY(text.contains(r.extensionReason));
        QVERIFY2(text.contains("Kamis, 16 April 2026"), qPrintable(text));
        QVERIFY(text.contains("at most 7 working days"));

        r.status = Ppid::Status::DikabulkanSebagian;
        r.reason = Ppid::Reason::Pasal17;
        r.pasal17Letter = "h";
        r.consequenceTest = "Data pribadi penerima bantuan.";
        r.withheldInfo = "Nama dan NIK penerima bantuan";
        r.feeRupiah = 15000;
        QVERIFY(PpidNotices::kindFor(r, &kind));
        QCOMPARE(kind, PpidNotices::Kind::Decision);
        doc.reset(PpidNotices::decision(*m_settings, r, Role::Ppid, {}));
        text = doc->toPlainText();
        QVERIFY(text.contains(Ppid::displayName(Ppid::Status::DikabulkanSebagian)));
        QVERIFY(text.contains(r.withheldInfo));
        QVERIFY(text.contains(r.consequenceTest));
        QVERIFY2(text.contains("Rp 15.000"), qPrintable(text));

        r.status = Ppid::Status::Diproses;
        QVERIFY(!PpidNotices::kindFor(r, &kind));
        // Completed after a refusal: the refusal; after a grant in full: the decision.
        r.status = Ppid::Status::Selesai;
        r.withheldInfo.clear();
        QVERIFY(PpidNotices::kindFor(r, &kind));
        QCOMPARE(kind, PpidNotices::Kind::Refusal);
        r.reason = Ppid::Reason::None;
        QVERIFY(PpidNotices::kindFor(r, &kind));
        QCOMPARE(kind, PpidNotices::Kind::Decision);
    }

    void objectionAnswer()
    {
        PpidObjection o;
        o.id = "o1";
        o.number = "001/KEB/III/2026";
        o.requestId = m_request.id;
        o.filedAt = Received.addDays(15);
        o.ground = "a";
        o.summary = "Pemohon menilai informasi tidak termasuk yang dikecualikan.";
        o.atasanDecision = "ditolak";
        o.atasanDecisionDate = QDate(2026, 5, 4);
        o.disputeDueDate = QDate(2026, 5, 22);
        std::unique_ptr<QTextDocument> doc(PpidNotices::objectionAnswer(*m_settings, m_request, o, Role::Ppid, {}));
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(PpidNotices::title(PpidNotices::Kind::ObjectionAnswer)));
        QVERIFY(text.contains(o.number));
        QVERIFY(text.contains(m_request.regNumber));
        QVERIFY(text.contains(PpidObjection::groundDescription("a")));
        QVERIFY(text.contains(o.summary));
        QVERIFY(text.contains(PpidObjectionRepository::decisionName("ditolak")));
        QVERIFY2(text.contains("Jumat, 22 Mei 2026"), qPrintable(text));
        QVERIFY(text.contains("Atasan PPID"));
    }

    void fillTemplate()
    {
        QCOMPARE(PpidNotices::fill("No. {number}, due {due}; {unknown} {", {{"number", "001"}, {"due", "7 April"}}),
                 QString("No. 001, due 7 April; {unknown} {"));
    }

    void requestRegisterLayout()
    {
        QList<PpidRequest> requests;
        for (int i = 0; i < 60; ++i) {
            PpidRequest r = m_request;
            r.regNumber = QStringLiteral("%1/PPID/III/2026").arg(i + 1, 3, 10, QLatin1Char('0'));
            r.information = QStringLiteral("Informasi nomor %1: data anggaran dan realisasi kegiatan").arg(i + 1);
            requests << r;
        }
        std::unique_ptr<QTextDocument> doc(
            PpidRegisterReport::requests(*m_settings, requests, Role::Ppid, {}, QStringLiteral("Maret 2026")));
        QTextTable *table = PpidRegisterReport::registerTable(doc.get());
        QVERIFY(table);
        QCOMPARE(table->columns(), PpidRegisterReport::RequestColumns);
        QCOMPARE(table->format().headerRowCount(), PpidRegisterReport::HeaderRows);
        // 2 header rows, the column numbers, one row per request.
        QCOMPARE(table->rows(), PpidRegisterReport::HeaderRows + 1 + 60);
        QCOMPARE(PpidRegisterReport::orientation(), QPageLayout::Landscape);
        QVERIFY(doc->toPlainText().contains(PpidRegisterReport::requestTitle()));
        QVERIFY(doc->toPlainText().contains("060/PPID/III/2026"));

        if (!QFile::exists("/usr/bin/pdftotext") || !QFile::exists("/usr/bin/pdfinfo"))
            QSKIP("poppler-utils are not installed");
        QTemporaryDir dir;
        const QString file = dir.filePath("register.pdf");
        QString error;
        QVERIFY2(PdfExport::write(doc.get(), file, PpidRegisterReport::orientation(), &error), qPrintable(error));
        keep(file);
        // A4 landscape: wider than high.
        const QRegularExpression size(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
        const QRegularExpressionMatch m = size.match(pdfInfo(file));
        QVERIFY(m.hasMatch());
        QVERIFY2(qAbs(m.captured(1).toDouble() - 841.89) < 1 && qAbs(m.captured(2).toDouble() - 595.28) < 1,
                 qPrintable(m.captured(0)));
        // Several pages, and the column headers at the top of every one.
        const QStringList pages = pdfText(file).split(QLatin1Char('\f'), Qt::SkipEmptyParts);
        QVERIFY2(pages.size() >= 2, qPrintable(QString::number(pages.size())));
        for (const QString &page : pages) {
            QVERIFY2(page.contains(PpidRegisterReport::tr("Remarks")), qPrintable(page));
            QVERIFY(page.contains(PpidRegisterReport::tr("Occupation")));
            QVERIFY(page.contains(PpidRegisterReport::tr("Purpose")));
        }
        QCOMPARE(pages.first().count(PpidRegisterReport::requestTitle()), 1);
        QVERIFY(!pages.last().contains(PpidRegisterReport::requestTitle()));
    }

    void objectionRegisterLayout()
    {
        PpidObjection o;
        o.id = "o1";
        o.number = "001/KEB/III/2026";
        o.requestId = m_request.id;
        o.filedAt = Received.addDays(15);
        o.ground = "c";
        o.summary = "Permohonan tidak ditanggapi.";
        o.dueDate = QDate(2026, 5, 13);
        o.disputeStage = "mediasi";
        std::unique_ptr<QTextDocument> doc(PpidRegisterReport::objections(*m_settings, {o}, {{m_request.id, m_request}},
                                                                          Role::Protokol, QStringLiteral("2026")));
        QTextTable *table = PpidRegisterReport::registerTable(doc.get());
        QVERIFY(table);
        QCOMPARE(table->columns(), PpidRegisterReport::ObjectionColumns);
        QCOMPARE(table->format().headerRowCount(), PpidRegisterReport::HeaderRows);
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(PpidRegisterReport::objectionTitle()));
        QVERIFY(text.contains(o.number));
        QVERIFY(text.contains(m_request.regNumber));
        QVERIFY(text.contains(PpidObjection::groundDescription("c")));
        QVERIFY(text.contains(PpidObjectionRepository::disputeStageName("mediasi")));
        QVERIFY(text.contains("13/05/2026"));

        // An empty register still prints its header and says so.
        doc.reset(PpidRegisterReport::objections(*m_settings, {}, {}, Role::Ppid, {}));
        QVERIFY(doc->toPlainText().contains(PpidRegisterReport::tr("No entries in this period.")));
        QCOMPARE(PpidRegisterReport::registerTable(doc.get())->format().headerRowCount(),
                 PpidRegisterReport::HeaderRows);
    }
};

QTEST_MAIN(TestPpidReports)
#include "tst_ppidreports.moc"
