// The desk intake of a request for information (issue 4, "Requests"): the whole form by
// keyboard (Enter moves on, Ctrl+Enter leaves a multi-line field, Enter on the last field
// saves), messages beside the fields, nothing stored on invalid input, the receipt produced
// at once through the print-mode seam.

#include "common/messagebox.h"
#include "master/referencerepositories.h"
#include "ppid/ppidintakedialog.h"
#include "ppid/ppidrequestrepository.h"
#include "reports/ppidreceipt.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextDocument>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::PpidIntakeDialog;
using HumasUi::PpidPrintMode;

namespace {

// Monday 16 March 2026, 10.25 WITA (UTC+8): due Tuesday 7 April 2026.
const QDateTime Now(QDate(2026, 3, 16), QTime(2, 25, 40), Qt::UTC);

} // namespace

class TestPpidIntakeDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    Actor m_desk;

    /** The form field that has the keyboard (the date-time edit's inner line edit counts as it). */
    static QWidget *currentField(PpidIntakeDialog &dialog)
    {
        QWidget *focus = QApplication::focusWidget();
        const QList<QWidget *> fields = dialog.fieldOrder();
        while (focus && !fields.contains(focus))
            focus = focus->parentWidget();
        return focus;
    }

    static void type(const QString &text) { QTest::keyClicks(QApplication::focusWidget(), text); }
    static void key(Qt::Key k, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), k, modifiers);
    }

    static QString message(PpidIntakeDialog &dialog, const char *name)
    {
        auto *label = dialog.findChild<QLabel *>(name);
        return label && !label->isHidden() ? label->text() : QString();
    }

    void open(PpidIntakeDialog &dialog)
    {
        dialog.setPrintMode(PpidPrintMode::None);
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QTRY_COMPARE(currentField(dialog), dialog.findChild<QWidget *>("channelCombo"));
    }

    /** Walks from the channel to the NIK field, typing the name. */
    void fillUpToNik(PpidIntakeDialog &dialog, const QString &name)
    {
        key(Qt::Key_Return); // channel: in person (default)
        key(Qt::Key_Return); // received: now
        key(Qt::Key_Return); // type: individual
        QCOMPARE(currentField(dialog)->objectName(), QString("nameEdit"));
        type(name);
        key(Qt::Key_Return);
        QCOMPARE(currentField(dialog)->objectName(), QString("nikEdit"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    }

    void cleanupTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>(Now);
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        m_desk = m_db->addUser("desk1", "ppid");
        QVERIFY(m_desk.isValid());
    }

    void cleanup()
    {
        m_db.reset();
        m_clock.reset();
    }

    void wholeIntakeByKeyboard()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        QSignalSpy saved(&dialog, &PpidIntakeDialog::requestSaved);
        open(dialog);
        // Defaults for a walk-in: channel "langsung", received now in the regency's zone.
        QCOMPARE(dialog.findChild<QComboBox *>("channelCombo")->currentData().toString(), QString("langsung"));
        QCOMPARE(dialog.findChild<QDateTimeEdit *>("receivedEdit")->dateTime(),
                 QDateTime(QDate(2026, 3, 16), QTime(10, 25)));

        fillUpToNik(dialog, "Siti Rahmawati");
        type("7208 0152 0390 0003");
        key(Qt::Key_Return);
        QCOMPARE(currentField(dialog)->objectName(), QString("addressEdit"));
        QVERIFY(message(dialog, "nikError").isEmpty());
        // Enter in a multi-line field is a new line; Ctrl+Enter moves on.
        type("Jl. Trans Sulawesi No. 12");
        key(Qt::Key_Return);
        type("Parigi");
        QCOMPARE(currentField(dialog)->objectName(), QString("addressEdit"));
        key(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(currentField(dialog)->objectName(), QString("occupationEdit"));
        type("Guru");
        key(Qt::Key_Return);
        type("0812 3456 7789");
        key(Qt::Key_Return);
        type("siti@contoh.id");
        key(Qt::Key_Return);
        QCOMPARE(currentField(dialog)->objectName(), QString("proxyEdit"));
        key(Qt::Key_Return); // no proxy
        QCOMPARE(currentField(dialog)->objectName(), QString("informationEdit"));
        type("Dokumen RKPD Kabupaten Tahun 2026");
        key(Qt::Key_Return, Qt::ControlModifier);
        type("Penelitian skripsi");
        key(Qt::Key_Tab); // Tab leaves a multi-line field too
        QCOMPARE(currentField(dialog)->objectName(), QString("obtainCombo"));
        key(Qt::Key_Down); // printed copy -> electronic copy
        key(Qt::Key_Return);
        QCOMPARE(currentField(dialog)->objectName(), QString("deliveryCombo"));
        key(Qt::Key_End); // email
        key(Qt::Key_Return);
        QCOMPARE(currentField(dialog)->objectName(), QString("opdCombo"));
        key(Qt::Key_Down); // the first OPD
        QCOMPARE(saved.count(), 0);
        key(Qt::Key_Return); // the last field: save

        QCOMPARE(saved.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_db->count("ppid_requests"), 1);
        const PpidRequest stored = PpidRequestRepository(m_db->db(), m_desk).get(saved.at(0).at(0).toString());
        QVERIFY(stored.isValid());
        QCOMPARE(stored.regNumber, dialog.savedRequest().regNumber);
        QCOMPARE(stored.channel, Ppid::Channel::Langsung);
        QCOMPARE(stored.receivedAt, QDateTime(QDate(2026, 3, 16), QTime(2, 25), Qt::UTC));
        QCOMPARE(stored.requesterType, Ppid::RequesterType::Perorangan);
        QCOMPARE(stored.requesterName, QString("Siti Rahmawati"));
        QCOMPARE(stored.requesterNik, QString("7208015203900003"));
        QCOMPARE(stored.requesterAddress, QString("Jl. Trans Sulawesi No. 12\nParigi"));
        QCOMPARE(stored.requesterOccupation, QString("Guru"));
        QCOMPARE(stored.requesterPhone, QString("0812 3456 7789"));
        QCOMPARE(stored.requesterEmail, QString("siti@contoh.id"));
        QVERIFY(stored.proxyName.isEmpty());
        QCOMPARE(stored.information, QString("Dokumen RKPD Kabupaten Tahun 2026"));
        QCOMPARE(stored.purpose, QString("Penelitian skripsi"));
        QCOMPARE(stored.obtainMethod, QString("salinan_softcopy"));
        QCOMPARE(stored.deliveryMethod, QString("email"));
        const QList<Record> opds = OpdRepository(m_db->db(), m_desk).list();
        QVERIFY(!opds.isEmpty());
        QCOMPARE(stored.opdId, opds.first().id);
        QCOMPARE(stored.status, Ppid::Status::Diterima);
        QCOMPARE(stored.dueDate, QDate(2026, 4, 7));

        // The receipt was produced at once, for this request.
        QTextDocument *receipt = dialog.receipt();
        QVERIFY(receipt);
        const QString text = receipt->toPlainText();
        QVERIFY2(text.contains(stored.regNumber), qPrintable(text));
        QVERIFY(text.contains("Selasa, 7 April 2026"));
        QVERIFY(text.contains("Siti Rahmawati"));
        QVERIFY(text.contains(opds.first().text("name")));
        QVERIFY(text.contains("desk1")); // the officer's name under the signature line
    }

    void badNikMessageBesideTheField()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        QSignalSpy saved(&dialog, &PpidIntakeDialog::requestSaved);
        open(dialog);
        fillUpToNik(dialog, "Budi Santoso");
        type("72080152039");
        QVERIFY(message(dialog, "nikError").isEmpty()); // not while typing
        key(Qt::Key_Return);
        const QString tooShort = message(dialog, "nikError");
        QVERIFY2(tooShort.contains("NIK"), qPrintable(tooShort));
        // Beside the field: on its row, to its right.
        auto *nik = dialog.findChild<QLineEdit *>("nikEdit");
        auto *label = dialog.findChild<QLabel *>("nikError");
        QVERIFY(label->isVisible());
        const QRect field(nik->mapTo(&dialog, QPoint(0, 0)), nik->size());
        const QRect beside(label->mapTo(&dialog, QPoint(0, 0)), label->size());
        QVERIFY(beside.left() > field.right());
        QVERIFY(beside.top() < field.bottom() && beside.bottom() > field.top());

        // Sixteen digits but no plausible birth date (month 13): another message.
        nik->setFocus();
        nik->selectAll();
        type("7208011399900003");
        key(Qt::Key_Tab); // leaving the field by Tab checks it too
        const QString badDate = message(dialog, "nikError");
        QVERIFY(!badDate.isEmpty());
        QVERIFY(badDate != tooShort);

        // A bad phone and email get their own messages as the user leaves them.
        dialog.findChild<QLineEdit *>("phoneEdit")->setFocus();
        type("12345");
        key(Qt::Key_Return);
        QVERIFY(!message(dialog, "phoneError").isEmpty());
        type("siti-at-contoh");
        key(Qt::Key_Return);
        QVERIFY(!message(dialog, "emailError").isEmpty());
        dialog.findChild<QPlainTextEdit *>("informationEdit")->setPlainText("Data stunting 2025");

        if (const QString dir = qEnvironmentVariable("HUMAS_TEST_OUTPUT"); !dir.isEmpty()) {
            // Not adjustSize(): the offscreen screen is smaller than a desk PC's.
            dialog.resize(dialog.sizeHint());
            dialog.grab().save(dir + "/ppid-intake.png");
        }

        // Saving refuses, stores nothing and puts the keyboard on the first bad field.
        QVERIFY(!dialog.save());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(m_db->count("ppid_requests"), 0);
        QVERIFY(dialog.isVisible());
        QCOMPARE(currentField(dialog), static_cast<QWidget *>(nik));
        QVERIFY(!dialog.findChild<QLabel *>("errorLabel")->isHidden());
        QVERIFY(!dialog.receipt());

        // Corrected, the message goes as the user leaves the field.
        nik->selectAll();
        type("7208015203900003");
        key(Qt::Key_Return);
        QVERIFY(message(dialog, "nikError").isEmpty());
    }

    void nothingStoredOnInvalidInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("messageLabel");
        QTest::newRow("no name") << "nameEdit"
                                 << ""
                                 << "nameError";
        QTest::newRow("NIK of 15 digits") << "nikEdit"
                                          << "720801520390000"
                                          << "nikError";
        QTest::newRow("NIK with letters") << "nikEdit"
                                          << "72080152039000AB"
                                          << "nikError";
        QTest::newRow("NIK born on day 75") << "nikEdit"
                                            << "7208017503900003"
                                            << "nikError";
        QTest::newRow("NIK born 31 February") << "nikEdit"
                                              << "7208013102900003"
                                              << "nikError";
        QTest::newRow("phone") << "phoneEdit"
                               << "0812"
                               << "phoneError";
        QTest::newRow("email") << "emailEdit"
                               << "siti@"
                               << "emailError";
        QTest::newRow("no information") << "informationEdit"
                                        << ""
                                        << "informationError";
    }

    void nothingStoredOnInvalidInput()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, messageLabel);
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        dialog.setPrintMode(PpidPrintMode::None);
        QSignalSpy saved(&dialog, &PpidIntakeDialog::requestSaved);
        dialog.findChild<QLineEdit *>("nameEdit")->setText("Siti Rahmawati");
        dialog.findChild<QLineEdit *>("nikEdit")->setText("7208015203900003");
        dialog.findChild<QLineEdit *>("phoneEdit")->setText("081234567789");
        dialog.findChild<QLineEdit *>("emailEdit")->setText("siti@contoh.id");
        dialog.findChild<QPlainTextEdit *>("informationEdit")->setPlainText("Dokumen RKPD");
        QVERIFY(dialog.validateAll());
        if (auto *line = dialog.findChild<QLineEdit *>(field))
            line->setText(value);
        else
            dialog.findChild<QPlainTextEdit *>(field)->setPlainText(value);

        QVERIFY(!dialog.save());
        QCOMPARE(saved.count(), 0);
        QCOMPARE(m_db->count("ppid_requests"), 0);
        QCOMPARE(m_db->count("ppid_status_history"), 0);
        QVERIFY(!message(dialog, qPrintable(messageLabel)).isEmpty());
        QVERIFY(!dialog.receipt());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void legalEntityGivesDeedNumber()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        open(dialog);
        key(Qt::Key_Return);
        key(Qt::Key_Return);
        key(Qt::Key_End); // legal entity
        QCOMPARE(dialog.findChild<QComboBox *>("requesterTypeCombo")->currentData().toString(), QString("badan_hukum"));
        key(Qt::Key_Return);
        type("Yayasan Teluk Tomini Lestari");
        key(Qt::Key_Return);
        // The NIK field now asks for the deed number, which is not a NIK.
        auto *nik = dialog.findChild<QLineEdit *>("nikEdit");
        QString caption;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->buddy() == nik)
                caption = label->text();
        }
        QVERIFY2(caption.contains("Deed"), qPrintable(caption));
        type("AHU-0012345.AH.01.04 Tahun 2020");
        key(Qt::Key_Return);
        QVERIFY(message(dialog, "nikError").isEmpty());
        dialog.findChild<QPlainTextEdit *>("informationEdit")->setPlainText("Laporan AMDAL pelabuhan");
        QVERIFY(dialog.save());
        const PpidRequest stored = dialog.savedRequest();
        QCOMPARE(stored.requesterType, Ppid::RequesterType::BadanHukum);
        QCOMPARE(stored.requesterNik, QString("AHU-0012345.AH.01.04 Tahun 2020"));
        QVERIFY(dialog.receipt()->toPlainText().contains(PpidReceipt::tr("Deed number")));
    }

    void saveByCtrlS()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        QSignalSpy saved(&dialog, &PpidIntakeDialog::requestSaved);
        open(dialog);
        fillUpToNik(dialog, "Andi Lamaruddin");
        dialog.findChild<QPlainTextEdit *>("informationEdit")->setPlainText("Daftar penerima beasiswa daerah");
        key(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QCOMPARE(m_db->count("ppid_requests"), 1);
        QVERIFY(dialog.receipt());
    }

    void printModeSetting()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        QCOMPARE(dialog.printMode(), PpidPrintMode::Preview); // the preview by default
        auto *direct = dialog.findChild<QCheckBox *>("printDirectCheck");
        QVERIFY(direct && !direct->isChecked());
        direct->setChecked(true);
        QCOMPARE(dialog.printMode(), PpidPrintMode::Direct);
        // Remembered for the next requester of this session.
        PpidIntakeDialog next(m_db->db(), m_desk);
        QCOMPARE(next.printMode(), PpidPrintMode::Direct);
        QVERIFY(next.findChild<QCheckBox *>("printDirectCheck")->isChecked());
        next.findChild<QCheckBox *>("printDirectCheck")->setChecked(false);
        QCOMPARE(next.printMode(), PpidPrintMode::Preview);
        // The test seam is not undone by the check box.
        next.setPrintMode(PpidPrintMode::None);
        next.findChild<QCheckBox *>("printDirectCheck")->setChecked(true);
        QCOMPARE(next.printMode(), PpidPrintMode::None);
        next.findChild<QCheckBox *>("printDirectCheck")->setChecked(false);
    }

    void escapeAsksBeforeDiscarding()
    {
        PpidIntakeDialog dialog(m_db->db(), m_desk);
        open(dialog);
        fillUpToNik(dialog, "Siti Rahmawati");
        HumasUi::MessageBox::setNextAnswer(QMessageBox::No);
        key(Qt::Key_Escape);
        QVERIFY(dialog.isVisible());
        QVERIFY(HumasUi::MessageBox::lastText().contains("discard"));
        HumasUi::MessageBox::setNextAnswer(QMessageBox::Yes);
        key(Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(m_db->count("ppid_requests"), 0);
    }

    void readOnlyRoleCannotRegister()
    {
        const Actor viewer = m_db->addUser("humas1", "protokol");
        PpidIntakeDialog dialog(m_db->db(), viewer);
        dialog.setPrintMode(PpidPrintMode::None);
        QVERIFY(!dialog.findChild<QPushButton *>("saveButton")->isEnabled());
        QVERIFY(!dialog.findChild<QLabel *>("errorLabel")->isHidden());
        dialog.findChild<QLineEdit *>("nameEdit")->setText("Siti Rahmawati");
        dialog.findChild<QPlainTextEdit *>("informationEdit")->setPlainText("Dokumen RKPD");
        QVERIFY(!dialog.save());
        QCOMPARE(m_db->count("ppid_requests"), 0);
    }
};

QTEST_MAIN(TestPpidIntakeDialog)
#include "tst_ppidintakedialog.moc"
