// One request in its dialog (issue 4, "Requests" and "Objections"): the status flow through
// the Handling tab (process, extend with a reason, decide with its reasons, finish), the
// refusals that change nothing, the history, masking for roles without the right to see
// personal data, the notices printed through the print-mode seam, and the objections.

#include "ppid/personaldata.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidrequestdialog.h"
#include "ppid/ppidrequestrepository.h"
#include "reports/ppidnotices.h"
#include "reports/ppidreceipt.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::PpidPrintMode;
using HumasUi::PpidRequestDialog;

namespace {

// Monday 16 March 2026, 10.15 WITA; the request is due Tuesday 7 April 2026.
const QDateTime Received(QDate(2026, 3, 16), QTime(2, 15), Qt::UTC);
const QString FullNik = QStringLiteral("7208015203900003");

PpidRequest sample()
{
    PpidRequest r;
    r.receivedAt = Received;
    r.requesterName = QStringLiteral("Siti Rahmawati");
    r.requesterNik = FullNik;
    r.requesterAddress = QStringLiteral("Jl. Trans Sulawesi No. 12, Parigi");
    r.requesterPhone = QStringLiteral("081234567789");
    r.requesterEmail = QStringLiteral("siti@contoh.id");
    r.information = QStringLiteral("Data penerima bantuan sosial 2025");
    r.purpose = QStringLiteral("Pengawasan");
    r.obtainMethod = QStringLiteral("salinan_softcopy");
    r.deliveryMethod = QStringLiteral("email");
    return r;
}

template <typename T> T *child(QWidget &parent, const char *name)
{
    T *w = parent.findChild<T *>(name);
    if (!w)
        qWarning("no child %s", name);
    return w;
}

void click(QWidget &dialog, const char *name)
{
    auto *button = child<QPushButton>(dialog, name);
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), name);
    QTest::mouseClick(button, Qt::LeftButton);
}

void choose(QWidget &dialog, const char *combo, const QString &data)
{
    auto *box = child<QComboBox>(dialog, combo);
    QVERIFY(box);
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    box->setCurrentIndex(index);
}

QString errorText(QWidget &dialog)
{
    auto *label = child<QLabel>(dialog, "errorLabel");
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace

class TestPpidRequestDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    Actor m_ppid;
    PpidRequest m_request;

    PpidRequest stored() { return PpidRequestRepository(m_db->db(), m_ppid).get(m_request.id); }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    }

    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>(Received.addSecs(3600));
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        m_ppid = m_db->addUser("ppid1", "ppid");
        m_request = sample();
        QString error;
        QVERIFY2(PpidRequestRepository(m_db->db(), m_ppid).add(&m_request, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_db.reset();
        m_clock.reset();
    }

    void statusFlowThroughTheDialog()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy changed(&dialog, &PpidRequestDialog::requestChanged);
        child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(1);
        QVERIFY(child<QLabel>(dialog, "requestHeader")->text().contains(m_request.regNumber));
        // Nothing decided yet: no notice to print; the receipt can be printed again.
        QVERIFY(!child<QPushButton>(dialog, "printNoticeButton")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "finishButton")->isEnabled());
        click(dialog, "printReceiptButton");
        QVERIFY(dialog.lastDocument());
        QVERIFY(dialog.lastDocument()->toPlainText().contains("Selasa, 7 April 2026"));

        click(dialog, "processButton");
        QCOMPARE(stored().status, Ppid::Status::Diproses);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!child<QPushButton>(dialog, "processButton")->isEnabled());
        QVERIFY(child<QLabel>(dialog, "requestHeader")->text().contains(Ppid::displayName(Ppid::Status::Diproses)));

        // Granted in full, with the fee and the date of the notice.
        choose(dialog, "decisionCombo", Ppid::code(Ppid::Status::DikabulkanSeluruhnya));
        child<QSpinBox>(dialog, "feeSpin")->setValue(25000);
        child<QDateEdit>(dialog, "noticeDateEdit")->setDate(QDate(2026, 3, 20));
        child<QLineEdit>(dialog, "decisionNoteEdit")->setText("Data tersedia di Dinas Sosial");
        click(dialog, "decideButton");
        PpidRequest r = stored();
        QCOMPARE(r.status, Ppid::Status::DikabulkanSeluruhnya);
        QCOMPARE(r.feeRupiah, qint64(25000));
        QCOMPARE(r.noticeDate, QDate(2026, 3, 20));
        QVERIFY(errorText(dialog).isEmpty());
        QVERIFY(!child<QPushButton>(dialog, "decideButton")->isEnabled());

        // The notice of decision.
        QVERIFY(child<QPushButton>(dialog, "printNoticeButton")->isEnabled());
        click(dialog, "printNoticeButton");
        QCOMPARE(dialog.lastDocument()->metaInformation(QTextDocument::DocumentTitle),
                 PpidNotices::title(PpidNotices::Kind::Decision));
        QVERIFY(dialog.lastDocument()->toPlainText().contains("Rp 25.000"));

        // Finished: handed over on the day chosen.
        child<QDateEdit>(dialog, "handedOverDateEdit")->setDate(QDate(2026, 3, 23));
        click(dialog, "finishButton");
        r = stored();
        QCOMPARE(r.status, Ppid::Status::Selesai);
        QCOMPARE(r.handedOverDate, QDate(2026, 3, 23));
        QVERIFY(!child<QPushButton>(dialog, "finishButton")->isEnabled());

        // The history shows each step with who made it.
        auto *history = child<QTableWidget>(dialog, "historyTable");
        QCOMPARE(history->rowCount(), 4);
        QCOMPARE(history->item(1, 2)->text(), Ppid::displayName(Ppid::Status::Diproses));
        QCOMPARE(history->item(2, 2)->text(), Ppid::displayName(Ppid::Status::DikabulkanSeluruhnya));
        QCOMPARE(history->item(2, 3)->text(), QString("ppid1"));
        QCOMPARE(history->item(2, 4)->text(), QString("Data tersedia di Dinas Sosial"));
        QCOMPARE(history->item(3, 2)->text(), Ppid::displayName(Ppid::Status::Selesai));
    }

    void extensionNeedsAReason()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Only a request being processed can be extended.
        QVERIFY(!child<QPushButton>(dialog, "extendButton")->isEnabled());
        click(dialog, "processButton");
        QVERIFY(child<QPushButton>(dialog, "extendButton")->isEnabled());

        click(dialog, "extendButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(stored().status, Ppid::Status::Diproses);
        QCOMPARE(stored().dueDate, QDate(2026, 4, 7));

        child<QPlainTextEdit>(dialog, "extensionReasonEdit")->setPlainText("Data tersebar di 23 kecamatan.");
        click(dialog, "extendButton");
        const PpidRequest r = stored();
        QCOMPARE(r.status, Ppid::Status::Diperpanjang);
        QCOMPARE(r.extensionReason, QString("Data tersebar di 23 kecamatan."));
        QVERIFY(r.dueDate > QDate(2026, 4, 7));
        QVERIFY(errorText(dialog).isEmpty());
        if (const QString dir = qEnvironmentVariable("HUMAS_TEST_OUTPUT"); !dir.isEmpty()) {
            child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(1);
            dialog.grab().save(dir + "/ppid-request-handling.png");
            child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(0);
            dialog.grab().save(dir + "/ppid-request-details.png");
        }
        // Only once.
        QVERIFY(!child<QPushButton>(dialog, "extendButton")->isEnabled());
        // The notice of extension names the reason and the new due date.
        click(dialog, "printNoticeButton");
        const QString text = dialog.lastDocument()->toPlainText();
        QVERIFY(text.contains("Data tersebar di 23 kecamatan."));
        QVERIFY(text.contains(PpidReceipt::dueDateText(r.dueDate)));
    }

    void refusalNeedsLetterAndConsequenceTest()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(1);
        choose(dialog, "decisionCombo", Ppid::code(Ppid::Status::Ditolak));
        choose(dialog, "reasonCombo", Ppid::code(Ppid::Reason::Pasal17));
        QVERIFY(child<QComboBox>(dialog, "pasal17Combo")->isVisible());
        QVERIFY(child<QPlainTextEdit>(dialog, "consequenceEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(dialog, "referredEdit")->isVisible());

        // No letter: refused, nothing changes.
        click(dialog, "decideButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(stored().status, Ppid::Status::Diterima);
        // A letter but no consequence test: refused.
        choose(dialog, "pasal17Combo", "h");
        click(dialog, "decideButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(stored().status, Ppid::Status::Diterima);
        // Both: refused under Article 17 letter h.
        child<QPlainTextEdit>(dialog, "consequenceEdit")
            ->setPlainText("Membuka data akan mengungkap keadaan ekonomi keluarga penerima.");
        click(dialog, "decideButton");
        const PpidRequest r = stored();
        QCOMPARE(r.status, Ppid::Status::Ditolak);
        QCOMPARE(r.reason, Ppid::Reason::Pasal17);
        QCOMPARE(r.pasal17Letter, QString("h"));
        QCOMPARE(r.consequenceTest, QString("Membuka data akan mengungkap keadaan ekonomi keluarga penerima."));
        QVERIFY(errorText(dialog).isEmpty());
        QVERIFY(child<QTextBrowser>(dialog, "requestDetails")->toPlainText().contains(r.consequenceTest));

        // The notice of refusal with the Article 17 reason and the consequence test.
        click(dialog, "printNoticeButton");
        QCOMPARE(dialog.lastDocument()->metaInformation(QTextDocument::DocumentTitle),
                 PpidNotices::title(PpidNotices::Kind::Refusal));
        const QString text = dialog.lastDocument()->toPlainText();
        QVERIFY(text.contains("Article 17 letter h"));
        QVERIFY(text.contains(r.consequenceTest));
    }

    void otherReasonsOfRefusal()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(1);
        choose(dialog, "decisionCombo", Ppid::code(Ppid::Status::Ditolak));
        choose(dialog, "reasonCombo", Ppid::code(Ppid::Reason::TidakDikuasai));
        QVERIFY(!child<QComboBox>(dialog, "pasal17Combo")->isVisible());
        QVERIFY(child<QLineEdit>(dialog, "referredEdit")->isVisible());
        click(dialog, "decideButton"); // not held, but referred to nobody
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(stored().status, Ppid::Status::Diterima);
        child<QLineEdit>(dialog, "referredEdit")->setText("Badan Pusat Statistik");
        click(dialog, "decideButton");
        QCOMPARE(stored().status, Ppid::Status::Ditolak);
        QCOMPARE(stored().referredTo, QString("Badan Pusat Statistik"));
    }

    void grantInPartNeedsWhatWasWithheld()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(1);
        choose(dialog, "decisionCombo", Ppid::code(Ppid::Status::DikabulkanSebagian));
        QVERIFY(child<QPlainTextEdit>(dialog, "withheldEdit")->isVisible());
        choose(dialog, "reasonCombo", Ppid::code(Ppid::Reason::BelumDidokumentasikan));
        click(dialog, "decideButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(stored().status, Ppid::Status::Diterima);
        child<QPlainTextEdit>(dialog, "withheldEdit")->setPlainText("Rincian per desa");
        click(dialog, "decideButton");
        QCOMPARE(stored().status, Ppid::Status::DikabulkanSebagian);
        QCOMPARE(stored().withheldInfo, QString("Rincian per desa"));
    }

    void readersSeeMaskedDataAndCannotAct_data()
    {
        QTest::addColumn<QString>("role");
        // Protokol and redaksi no longer read the register; pimpinan is the reader left.
        QTest::newRow("pimpinan") << "pimpinan";
    }

    void readersSeeMaskedDataAndCannotAct()
    {
        QFETCH(QString, role);
        const Actor reader = m_db->addUser("reader1", role);
        PpidRequestDialog dialog(m_db->db(), reader, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString details = child<QTextBrowser>(dialog, "requestDetails")->toPlainText();
        QVERIFY(details.contains("Siti Rahmawati"));
        QVERIFY(!details.contains(FullNik));
        QVERIFY2(details.contains(PersonalData::maskNik(FullNik)), qPrintable(details));
        QVERIFY(!details.contains("081234567789"));
        QVERIFY(!details.contains("Jl. Trans Sulawesi"));
        for (const char *name : {"processButton", "extendButton", "decideButton", "finishButton", "saveDetailsButton",
                                 "addObjectionButton"})
            QVERIFY2(!child<QPushButton>(dialog, name)->isEnabled(), name);
        // What they print is masked too.
        QTest::mouseClick(child<QPushButton>(dialog, "printReceiptButton"), Qt::LeftButton);
        QVERIFY(dialog.lastDocument());
        QVERIFY(!dialog.lastDocument()->toPlainText().contains(FullNik));
        QVERIFY(dialog.lastDocument()->toPlainText().contains(PersonalData::maskNik(FullNik)));
    }

    void writersSeeEverything()
    {
        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        const QString details = child<QTextBrowser>(dialog, "requestDetails")->toPlainText();
        QVERIFY(details.contains(FullNik));
        QVERIFY(details.contains("081234567789"));
    }

    void objections()
    {
        // Refused, then an objection against the refusal, answered by the Atasan PPID.
        PpidRequest refused = stored();
        refused.reason = Ppid::Reason::BelumDikuasai;
        QString error;
        QVERIFY2(PpidRequestRepository(m_db->db(), m_ppid).setStatus(refused, Ppid::Status::Ditolak, {}, &error),
                 qPrintable(error));
        m_clock->advance(2 * 24 * 3600 * 1000LL);

        PpidRequestDialog dialog(m_db->db(), m_ppid, m_request.id);
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy changed(&dialog, &PpidRequestDialog::requestChanged);
        child<QTabWidget>(dialog, "requestTabs")->setCurrentIndex(3);
        auto *table = child<QTableWidget>(dialog, "objectionTable");
        QCOMPARE(table->rowCount(), 0);

        // Without a summary: refused.
        choose(dialog, "groundCombo", "a");
        click(dialog, "addObjectionButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(m_db->count("ppid_objections"), 0);

        child<QPlainTextEdit>(dialog, "summaryEdit")->setPlainText("Pemohon menilai data bantuan sosial terbuka.");
        click(dialog, "addObjectionButton");
        QCOMPARE(m_db->count("ppid_objections"), 1);
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(errorText(dialog).isEmpty());
        QCOMPARE(changed.count(), 1);
        const QList<PpidObjection> list = PpidObjectionRepository(m_db->db(), m_ppid).listForRequest(m_request.id);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().ground, QString("a"));
        QCOMPARE(list.first().filedBy, QString("Siti Rahmawati"));
        QCOMPARE(table->item(0, 0)->text(), list.first().number);

        // The Atasan's decision and date, the requester's response, the Komisi Informasi stage.
        choose(dialog, "atasanDecisionCombo", "ditolak");
        child<QDateEdit>(dialog, "atasanDateEdit")->setDate(QDate(2026, 3, 25));
        child<QPlainTextEdit>(dialog, "responseEdit")->setPlainText("Tidak puas");
        choose(dialog, "disputeStageCombo", "diajukan");
        click(dialog, "saveObjectionButton");
        QVERIFY2(errorText(dialog).isEmpty(), qPrintable(errorText(dialog)));
        const PpidObjection o = PpidObjectionRepository(m_db->db(), m_ppid).get(list.first().id);
        QCOMPARE(o.atasanDecision, QString("ditolak"));
        QCOMPARE(o.atasanDecisionDate, QDate(2026, 3, 25));
        QCOMPARE(o.requesterResponse, QString("Tidak puas"));
        QCOMPARE(o.disputeStage, QString("diajukan"));
        QVERIFY(o.disputeDueDate.isValid());

        if (const QString dir = qEnvironmentVariable("HUMAS_TEST_OUTPUT"); !dir.isEmpty())
            dialog.grab().save(dir + "/ppid-request-objections.png");

        // The answer, printed.
        click(dialog, "printAnswerButton");
        QCOMPARE(dialog.lastDocument()->metaInformation(QTextDocument::DocumentTitle),
                 PpidNotices::title(PpidNotices::Kind::ObjectionAnswer));
        const QString text = dialog.lastDocument()->toPlainText();
        QVERIFY(text.contains(o.number));
        QVERIFY(text.contains(PpidObjectionRepository::decisionName("ditolak")));
        QVERIFY(text.contains(PpidReceipt::dueDateText(o.disputeDueDate)));

        // A dispute stage without the Atasan's answer (not yet overdue) is refused.
        choose(dialog, "atasanDecisionCombo", QString());
        click(dialog, "saveObjectionButton");
        QVERIFY(!errorText(dialog).isEmpty());
        QCOMPARE(PpidObjectionRepository(m_db->db(), m_ppid).get(o.id).atasanDecision, QString("ditolak"));
    }
};

QTEST_MAIN(TestPpidRequestDialog)
#include "tst_ppidrequestdialog.moc"
