#include "common/messagebox.h"
#include "common/translations.h"
#include "master/datamasterpage.h"
#include "master/recordeditdialog.h"
#include "master/recordsortproxy.h"
#include "master/recordtab.h"
#include "master/recordtablemodel.h"
#include "master/referencerepositories.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>

using HumasTest::TestDatabase;
using HumasUi::DataMasterPage;
using HumasUi::MessageBox;
using HumasUi::RecordEditDialog;
using HumasUi::RecordTab;

class TestDataMaster : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<DataMasterPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    void openPage(const QString &role, const QString &table = "opd")
    {
        m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
        m_page = std::make_unique<DataMasterPage>(m_db->db(), m_db->addUser("user1", role));
        RecordTab *t = m_page->tab(table);
        QVERIFY(t);
        m_page->tabs()->setCurrentWidget(t);
        m_modelTester = std::make_unique<QAbstractItemModelTester>(
            t->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            t->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_page->resize(1000, 600);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
    }

    RecordTab *tab() const { return m_page->currentTab(); }
    QToolButton *button(const char *name) const { return m_page->findChild<QToolButton *>(name); }

    RecordEditDialog *openEditor(const char *buttonName)
    {
        QTest::mouseClick(button(buttonName), Qt::LeftButton);
        auto *dialog = m_page->findChild<RecordEditDialog *>();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    static void type(RecordEditDialog *dialog, const QString &field, const QString &text)
    {
        auto *edit = dialog->findChild<QLineEdit *>("field_" + field);
        QVERIFY2(edit, qPrintable(field));
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

    int rowsShowing(const QString &text) const
    {
        return tab()
            ->proxy()
            ->match(tab()->proxy()->index(0, 0), Qt::DisplayRole, text, -1, Qt::MatchFixedString | Qt::MatchWrap)
            .size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        Humas::Translations::setLanguage("en");
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_page.reset();
        m_db.reset();
    }

    void addsAnAgencyThroughTheDialog()
    {
        openPage("admin");
        const int before = tab()->model()->rowCount();
        const int opdRows = m_db->count("opd");
        QVERIFY(button("addButton")->isEnabled());

        RecordEditDialog *dialog = openEditor("addButton");
        QVERIFY(dialog);
        type(dialog, "code", "DISKOMINFO-UJI");
        type(dialog, "name", "Dinas Uji Coba Aplikasi");
        type(dialog, "short_name", "Uji Coba");
        type(dialog, "pic_phone", "0812 3456 7890");
        QTest::mouseClick(dialog->findChild<QPushButton *>("saveButton"), Qt::LeftButton);

        QTRY_COMPARE(tab()->model()->rowCount(), before + 1);
        QCOMPARE(m_db->count("opd"), opdRows + 1);
        QCOMPARE(m_db->count("opd", "code = 'DISKOMINFO-UJI' AND pic_phone = '081234567890'"), 1);
        QCOMPARE(rowsShowing("DISKOMINFO-UJI"), 1);
        QVERIFY(!tab()->currentId().isEmpty()); // the new row is selected
        QCOMPARE(tab()->model()->record(tab()->model()->rowOf(tab()->currentId())).text("code"),
                 QString("DISKOMINFO-UJI"));
        QCOMPARE(tab()->undoStack()->count(), 1);

        // Undo of an add removes the row (a tombstone), redo brings it back.
        QTest::mouseClick(button("undoButton"), Qt::LeftButton);
        QCOMPARE(tab()->model()->rowCount(), before);
        QCOMPARE(m_db->count("opd", "code = 'DISKOMINFO-UJI' AND deleted = 1"), 1);
        QTest::mouseClick(button("redoButton"), Qt::LeftButton);
        QCOMPARE(tab()->model()->rowCount(), before + 1);
        QCOMPARE(m_db->count("opd", "code = 'DISKOMINFO-UJI' AND deleted = 0"), 1);
    }

    void refusesADuplicateCodeInsideTheDialog()
    {
        openPage("admin");
        const int rows = m_db->count("opd");
        const int outbox = m_db->count("outbox");
        const QString taken = tab()->model()->record(0).text("code");
        QVERIFY(!taken.isEmpty());

        RecordEditDialog *dialog = openEditor("addButton");
        QVERIFY(dialog);
        type(dialog, "code", taken.toLower()); // uniqueness ignores case
        type(dialog, "name", "Nama Lain Yang Belum Dipakai");
        QTest::mouseClick(dialog->findChild<QPushButton *>("saveButton"), Qt::LeftButton);

        auto *error = dialog->findChild<QLabel *>("errorLabel");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains("already used"), qPrintable(error->text()));
        QVERIFY(error->text().contains(taken.toLower()));
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_db->count("opd"), rows);
        QCOMPARE(m_db->count("outbox"), outbox);
        QCOMPARE(tab()->undoStack()->count(), 0);

        // An empty required field is refused the same way.
        type(dialog, "code", "KODE-BARU");
        dialog->findChild<QLineEdit *>("field_name")->clear();
        QTest::mouseClick(dialog->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY2(error->text().contains("must not be empty"), qPrintable(error->text()));
        QCOMPARE(m_db->count("opd"), rows);

        QTest::mouseClick(dialog->findChild<QPushButton *>("cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(!m_page->findChild<RecordEditDialog *>());
        QCOMPARE(m_db->count("outbox"), outbox);
    }

    void editsOnlyWhatChangedAndUndoWritesTheOldValueBack()
    {
        openPage("admin");
        const Humas::Record first = tab()->model()->record(0);
        tab()->selectId(first.id);
        QVERIFY(button("editButton")->isEnabled());
        const int outbox = m_db->count("outbox");

        RecordEditDialog *dialog = openEditor("editButton");
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QLineEdit *>("field_code")->text(), first.text("code"));
        type(dialog, "pic_name", "Ibu Ratna");
        QTest::mouseClick(dialog->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(tab()->model()->repository()->get(first.id).text("pic_name"), QString("Ibu Ratna"));
        QCOMPARE(m_db->count("outbox"), outbox + 1);
        QCOMPARE(tab()->currentId(), first.id);

        // Offscreen has no window manager to hand activation back when the dialog closes.
        m_page->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_page.get()));
        tab()->view()->setFocus();
        QTest::keyClick(tab()->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(tab()->model()->repository()->get(first.id).text("pic_name"), first.text("pic_name"));
        QTest::keyClick(tab()->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tab()->model()->repository()->get(first.id).text("pic_name"), QString("Ibu Ratna"));
    }

    // Issue 9: a colleague saved the same field while the dialog was open: the save is refused
    // with both values in a message, and the dialog stays open with what the user typed.
    void refusedSaveShowsBothValuesAndKeepsTheTyping()
    {
        openPage("admin");
        const Humas::Record first = tab()->model()->record(0);
        tab()->selectId(first.id);
        RecordEditDialog *dialog = openEditor("editButton");
        QVERIFY(dialog);
        type(dialog, "pic_name", "Ibu Ratna");
        // Meanwhile the colleague's save arrives (same connection: another page, or a sync pull).
        QString error;
        Humas::OpdRepository colleague(m_db->db(), Humas::Actor::system());
        QVERIFY2(colleague.update(first.id, colleague.get(first.id).values, {{"pic_name", "Pak Anwar"}}, &error),
                 qPrintable(error));
        const int outbox = m_db->count("outbox");
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QTest::mouseClick(dialog->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        const QString shown = MessageBox::lastText();
        QVERIFY2(shown.contains("\"Pak Anwar\"") && shown.contains("\"Ibu Ratna\""), qPrintable(shown));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->result(), 0);
        QCOMPARE(dialog->findChild<QLineEdit *>("field_pic_name")->text(), QString("Ibu Ratna"));
        QVERIFY(dialog->errorText().contains("Pak Anwar"));
        QCOMPARE(m_db->count("outbox"), outbox);
        QCOMPARE(colleague.get(first.id).text("pic_name"), QString("Pak Anwar"));
        // The table shows the colleague's value without a reload.
        QCOMPARE(tab()->model()->record(tab()->model()->rowOf(first.id)).text("pic_name"), QString("Pak Anwar"));
        QTest::mouseClick(dialog->findChild<QPushButton *>("cancelButton"), Qt::LeftButton);
    }

    void deleteAsksAndUndoRestores()
    {
        openPage("admin");
        const int before = tab()->model()->rowCount();
        const Humas::Record victim = tab()->model()->record(1);
        tab()->selectId(victim.id);

        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(button("deleteButton"), Qt::LeftButton);
        QCOMPARE(tab()->model()->rowCount(), before);
        QVERIFY(MessageBox::lastText().contains(victim.text("name")));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(tab()->view(), Qt::Key_Delete);
        QCOMPARE(tab()->model()->rowCount(), before - 1);
        QCOMPARE(tab()->model()->rowOf(victim.id), -1);
        QCOMPARE(m_db->count("opd", QString("id = '%1' AND deleted = 1").arg(victim.id)), 1);

        QTest::keyClick(tab()->view(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(tab()->model()->rowCount(), before);
        QVERIFY(tab()->model()->rowOf(victim.id) >= 0);
        QCOMPARE(m_db->count("opd", QString("id = '%1' AND deleted = 0").arg(victim.id)), 1);
        const Humas::Record restored = tab()->model()->repository()->get(victim.id);
        for (const Humas::FieldSpec &field : tab()->spec().fields)
            QCOMPARE(restored.values.value(field.name), victim.values.value(field.name));
    }

    void searchFiltersAllColumnsAndSortingFollowsTheLanguage()
    {
        openPage("admin");
        const Humas::Record row = tab()->model()->record(2);
        auto *search = m_page->findChild<QLineEdit *>("searchEdit");
        QTest::keyClicks(search, row.text("code"));
        QVERIFY(tab()->proxy()->rowCount() >= 1);
        QVERIFY(tab()->proxy()->rowCount() < tab()->model()->rowCount());
        search->clear();
        QCOMPARE(tab()->proxy()->rowCount(), tab()->model()->rowCount());

        // Numeric-aware: "OPD 2" sorts before "OPD 10".
        auto *repo = tab()->model()->repository();
        QString id;
        QString error;
        QVERIFY2(repo->insert({{"code", "ZZ10"}, {"name", "Zona 10"}}, &id, &error), qPrintable(error));
        QVERIFY2(repo->insert({{"code", "ZZ2"}, {"name", "Zona 2"}}, &id, &error), qPrintable(error));
        tab()->reload();
        tab()->view()->sortByColumn(1, Qt::DescendingOrder);
        const int zona2 = tab()->proxy()->match(tab()->proxy()->index(0, 1), Qt::DisplayRole, "Zona 2").value(0).row();
        const int zona10 =
            tab()->proxy()->match(tab()->proxy()->index(0, 1), Qt::DisplayRole, "Zona 10").value(0).row();
        QVERIFY(zona10 < zona2);
    }

    void readOnlyRoleCannotChangeAnything()
    {
        openPage("pimpinan");
        tab()->selectId(tab()->model()->record(0).id);
        QVERIFY(!button("addButton")->isEnabled());
        QVERIFY(!button("editButton")->isEnabled());
        QVERIFY(!button("deleteButton")->isEnabled());
        QVERIFY(m_page->findChild<QLabel *>("readOnlyNote")->isVisible());
        QVERIFY(!m_page->tab("users")); // only an administrator sees the users
        const int rows = m_db->count("opd");
        QTest::keyClick(tab()->view(), Qt::Key_Insert);
        QTest::keyClick(tab()->view(), Qt::Key_Return);
        QVERIFY(!m_page->findChild<RecordEditDialog *>());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::keyClick(tab()->view(), Qt::Key_Delete);
        MessageBox::setNextAnswer(QMessageBox::NoButton);
        QCOMPARE(m_db->count("opd"), rows);
    }

    void protocolEditsOfficialsButNotAgencies()
    {
        openPage("protokol");
        QVERIFY(!button("addButton")->isEnabled());
        m_page->tabs()->setCurrentWidget(m_page->tab("officials"));
        QVERIFY(button("addButton")->isEnabled());
        QVERIFY(!m_page->findChild<QLabel *>("readOnlyNote")->isVisible());
    }

    void importsAHolidayList()
    {
        openPage("admin", "holidays");
        QVERIFY(button("importButton")->isVisible());
        const QString file = m_db->dir() + "/libur.csv";
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("date,kind,name,source\n2031-08-17,libur_nasional,Hari Kemerdekaan RI,uji\n"
                "2031-08-18,lokal,Hari Jadi Kabupaten,uji\n");
        f.close();
        const int before = tab()->model()->rowCount();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(tab()->importHolidays(file));
        QCOMPARE(tab()->model()->rowCount(), before + 2);
        QVERIFY2(MessageBox::lastText().startsWith("2 added"), qPrintable(MessageBox::lastText()));

        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("tanggal;jenis\n");
        f.close();
        MessageBox::setNextAnswer(QMessageBox::Ok);
        QVERIFY(!tab()->importHolidays(file));
        QVERIFY(MessageBox::lastText().contains("header"));
        QCOMPARE(tab()->model()->rowCount(), before + 2);

        m_page->tabs()->setCurrentWidget(m_page->tab("opd"));
        QTRY_VERIFY(!button("importButton")->isVisible());
    }

    void holidayEditorUsesDayMonthYear()
    {
        openPage("admin", "holidays");
        RecordEditDialog *dialog = openEditor("addButton");
        QVERIFY(dialog);
        auto *date = dialog->findChild<QDateEdit *>("field_date");
        QVERIFY(date);
        QCOMPARE(date->displayFormat(), QString("dd/MM/yyyy"));
        auto *kind = dialog->findChild<QComboBox *>("field_kind");
        QVERIFY(kind);
        QCOMPARE(kind->count(), 3);
        QVERIFY(kind->findData("cuti_bersama") >= 0);
        QTest::mouseClick(dialog->findChild<QPushButton *>("cancelButton"), Qt::LeftButton);
    }
};

QTEST_MAIN(TestDataMaster)
#include "tst_datamaster.moc"
