// PpidPage (issue 4, "Requests": the register screen), offscreen: the filter bar and the
// search field change the rows, the count and the summary line; the NIK is masked for
// protokol and shown in full for ppid; roles without write rights get no "new" action; Enter
// opens a request, Ctrl+N the intake form, Ctrl+F the search field; the holidays banner from
// 1 November; CSV export masked per role; the objection register tab. Saves a screenshot to
// /tmp/notes/ppid-register.png when HUMAS_SCREENSHOTS is set.

#include "common/messagebox.h"
#include "ppid/ppidintakedialog.h"
#include "ppid/ppidobjectionrepository.h"
#include "ppid/ppidobjectiontablemodel.h"
#include "ppid/ppidpage.h"
#include "ppid/ppidregistermodel.h"
#include "ppid/ppidrequestdialog.h"
#include "ppid/ppidstatisticswidget.h"
#include "store/changewriter.h"
#include "store/database.h"

#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;
using HumasUi::PpidPage;
using M = PpidRegisterModel;
using Status = Ppid::Status;

namespace {

const QDateTime Now(QDate(2026, 11, 23), QTime(2, 0), Qt::UTC); // Monday 10.00 WITA
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

} // namespace

class TestPpidPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheRegister();
    void filtersChangeRows();
    void periodFilters();
    void searchFieldFilters();
    void summaryLine();
    void opdAccountHasNoOpdFilter();
    void nikMaskedForPimpinan();
    void nikInFullForPpid();
    void enterOpensTheRequest();
    void ctrlFGoesToSearch();
    void holidaysBanner();
    void exportCsvMasksPerRole_data();
    void exportCsvMasksPerRole();
    void objectionRegister();
    void printRegisterMasksPerRole_data();
    void printRegisterMasksPerRole();
    void statisticsTab();
    void screenshot();

private:
    void add(const QString &number, int month, int day, const QString &name, const QString &information, Status status,
             const QDate &due, Ppid::Channel channel, const QString &opdId);
    std::unique_ptr<PpidPage> makePage(Role role);
    QTableView *table(PpidPage &page) { return page.findChild<QTableView *>("registerTable"); }
    QComboBox *combo(PpidPage &page, const char *name) { return page.findChild<QComboBox *>(name); }

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_db;
    QStringList m_opds;
};

void TestPpidPage::initTestCase()
{
    HumasTest::isolateEnvironment();
}

void TestPpidPage::init()
{
    m_clock = std::make_unique<HumasTest::MockClock>(Now);
    m_db = std::make_unique<TestDatabase>(TestDatabase::Seed::ParigiMoutong);
    QVERIFY2(m_db->isOpen(), qPrintable(m_db->error()));
    m_opds.clear();
    QSqlQuery q(m_db->db().connection());
    QVERIFY(q.exec("SELECT id FROM opd WHERE deleted = 0 ORDER BY name COLLATE NOCASE LIMIT 3"));
    while (q.next())
        m_opds << q.value(0).toString();
    QCOMPARE(m_opds.size(), 3);
    using C = Ppid::Channel;
    add("001/PPID/XI/2026", 11, 6, "Siti Rahmawati", "Dokumen RKPD Kabupaten 2026", Status::Diproses,
        QDate(2026, 11, 20), C::Langsung, m_opds.at(0));
    add("002/PPID/XI/2026", 11, 9, "Budi Santoso", "Data penerima bantuan sosial Desa Toboli", Status::Diterima,
        QDate(2026, 11, 23), C::Email, m_opds.at(1));
    add("003/PPID/XI/2026", 11, 10, "Abdul Rahman Lasaeba", "Rencana anggaran pembangunan jalan Moutong",
        Status::Diperpanjang, QDate(2026, 11, 26), C::Surat, m_opds.at(0));
    add("004/PPID/XI/2026", 11, 13, "Nurhayati", "Laporan keuangan BPKAD 2025", Status::Diterima, QDate(2026, 11, 27),
        C::Website, m_opds.at(2));
    add("005/PPID/X/2026", 10, 27, "Rahmat Hidayat", "Data stunting per desa", Status::Selesai, QDate(2026, 11, 10),
        C::Langsung, m_opds.at(1));
    add("006/PPID/XI/2026", 11, 20, "Sri Wahyuni", "Salinan SK pengangkatan kepala desa", Status::Diproses,
        QDate(2026, 12, 7), C::Telepon, m_opds.at(2));
    add("007/PPID/X/2026", 10, 19, "Yusuf Batalipu", "Data jalan rusak Kecamatan Tinombo", Status::Diterima,
        QDate(2026, 11, 2), C::Email, QString());
}

void TestPpidPage::cleanup()
{
    m_db.reset();
    m_clock.reset();
}

void TestPpidPage::add(const QString &number, int month, int day, const QString &name, const QString &information,
                       Status status, const QDate &due, Ppid::Channel channel, const QString &opdId)
{
    ChangeWriter &writer = m_db->db().writer();
    QVariantMap row{{"reg_number", number},
                    {"received_at", QDateTime(QDate(2026, month, day), QTime(1, 30), Qt::UTC).toString(Qt::ISODate)},
                    {"channel", Ppid::code(channel)},
                    {"requester_name", name},
                    {"requester_nik", Nik},
                    {"requester_address", "Jl. Trans Sulawesi No. 12, Parigi"},
                    {"information", information},
                    {"status", Ppid::code(status)},
                    {"due_date", due.toString(Qt::ISODate)}};
    if (!opdId.isEmpty())
        row.insert("opd_id", opdId);
    QString error;
    QVERIFY2(writer.insert("test", "ppid_requests", row, nullptr, &error), qPrintable(error));
}

std::unique_ptr<PpidPage> TestPpidPage::makePage(Role role)
{
    auto page = std::make_unique<PpidPage>(m_db->db(), actor(role));
    page->resize(1366, 700);
    return page;
}

void TestPpidPage::showsTheRegister()
{
    auto page = makePage(Role::Ppid);
    QTableView *view = table(*page);
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 7);
    QCOMPARE(view->model()->columnCount(), int(M::ColumnCount));
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(page->findChild<QLabel *>("countLabel")->text(), QString("7 request(s)"));
    // Clicking a header sorts in SQL: by requester, A first.
    view->sortByColumn(M::RequesterColumn, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(0, M::RequesterColumn).data().toString(), QString("Abdul Rahman Lasaeba"));
    QCOMPARE(page->registerModel()->sortColumn(), int(M::RequesterColumn));
}

void TestPpidPage::filtersChangeRows()
{
    auto page = makePage(Role::Ppid);
    QAbstractItemModel *rows = table(*page)->model();
    QComboBox *status = combo(*page, "statusFilter");
    status->setCurrentIndex(status->findData(int(Status::Diterima)));
    QCOMPARE(rows->rowCount(), 3);
    QComboBox *opd = combo(*page, "opdFilter");
    opd->setCurrentIndex(opd->findData(m_opds.at(1)));
    QCOMPARE(rows->rowCount(), 1); // 002
    QCOMPARE(rows->index(0, M::NumberColumn).data().toString(), QString("002/PPID/XI/2026"));
    opd->setCurrentIndex(0);
    status->setCurrentIndex(0);
    QCOMPARE(rows->rowCount(), 7);
    QComboBox *channel = combo(*page, "channelFilter");
    channel->setCurrentIndex(channel->findData(int(Ppid::Channel::Email)));
    QCOMPARE(rows->rowCount(), 2);
    channel->setCurrentIndex(0);

    auto *overdue = page->findChild<QCheckBox *>("overdueFilter");
    auto *dueSoon = page->findChild<QCheckBox *>("dueSoonFilter");
    QTest::mouseClick(overdue, Qt::LeftButton);
    QVERIFY(overdue->isChecked());
    QCOMPARE(rows->rowCount(), 2); // 001, 007
    for (int row = 0; row < rows->rowCount(); ++row)
        QVERIFY(rows->index(row, 0).data(M::OverdueRole).toBool());
    QTest::mouseClick(overdue, Qt::LeftButton);
    QTest::mouseClick(dueSoon, Qt::LeftButton);
    QCOMPARE(rows->rowCount(), 2); // 002 (today), 003 (Thursday)
    for (int row = 0; row < rows->rowCount(); ++row)
        QVERIFY(rows->index(row, 0).data(M::DueSoonRole).toBool());
    QCOMPARE(page->findChild<QLabel *>("countLabel")->text(), QString("2 request(s)"));
}

void TestPpidPage::periodFilters()
{
    auto page = makePage(Role::Pimpinan);
    QAbstractItemModel *rows = table(*page)->model();
    QComboBox *year = combo(*page, "yearFilter");
    QComboBox *month = combo(*page, "monthFilter");
    QVERIFY(!month->isEnabled()); // a month needs a year
    QVERIFY(year->findData(2026) > 0);
    year->setCurrentIndex(year->findData(2026));
    QVERIFY(month->isEnabled());
    QCOMPARE(rows->rowCount(), 7);
    month->setCurrentIndex(month->findData(10));
    QCOMPARE(rows->rowCount(), 2); // 005, 007
    month->setCurrentIndex(month->findData(12));
    QCOMPARE(rows->rowCount(), 0);
    QCOMPARE(page->findChild<QLabel *>("countLabel")->text(), QString("0 request(s)"));
    year->setCurrentIndex(0);
    QVERIFY(!month->isEnabled());
    QCOMPARE(rows->rowCount(), 7);
}

void TestPpidPage::searchFieldFilters()
{
    auto page = makePage(Role::Ppid);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    QAbstractItemModel *rows = table(*page)->model();
    QLineEdit *search = page->findChild<QLineEdit *>("searchEdit");
    QTest::keyClicks(search, "ja");
    QCOMPARE(rows->rowCount(), 7); // fewer than 3 characters do not search yet
    QCOMPARE(page->findChild<QLabel *>("countLabel")->text(), QString("Type at least 3 character(s) to search"));
    QTest::keyClicks(search, "lan");
    QCOMPARE(rows->rowCount(), 2); // 003, 007
    QCOMPARE(page->findChild<QLabel *>("countLabel")->text(), QString("2 request(s)"));
    QTest::keyClicks(search, " rusak");
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(rows->index(0, M::NumberColumn).data().toString(), QString("007/PPID/X/2026"));
    search->clear();
    QCOMPARE(rows->rowCount(), 7);
}

void TestPpidPage::summaryLine()
{
    auto page = makePage(Role::Pimpinan);
    auto *summary = page->findChild<QLabel *>("summaryLabel");
    QVERIFY(summary);
    QCOMPARE(page->summaryText(), QString("2 overdue · 3 due this week"));
    QVERIFY(summary->text().contains("2 overdue · 3 due this week"));
    // The summary follows the filters once the typing pauses.
    QComboBox *opd = combo(*page, "opdFilter");
    opd->setCurrentIndex(opd->findData(m_opds.at(0)));
    QTRY_COMPARE(page->summaryText(), QString("1 overdue · 1 due this week"));
    opd->setCurrentIndex(0);
    QTRY_COMPARE(page->summaryText(), QString("2 overdue · 3 due this week"));
}

void TestPpidPage::opdAccountHasNoOpdFilter()
{
    auto page = makePage(Role::Opd);
    QVERIFY(combo(*page, "opdFilter")->isHidden());
    QCOMPARE(table(*page)->model()->rowCount(), 0); // this test account belongs to no OPD
    QVERIFY(!makePage(Role::Ppid)->findChild<QComboBox *>("opdFilter")->isHidden());
}

void TestPpidPage::nikMaskedForPimpinan()
{
    // Pimpinan reads the whole register, masked (protokol no longer reads it at all).
    auto page = makePage(Role::Pimpinan);
    QCOMPARE(table(*page)->model()->rowCount(), 7);
    QAbstractItemModel *rows = table(*page)->model();
    for (int row = 0; row < rows->rowCount(); ++row)
        QCOMPARE(rows->index(row, M::NikColumn).data().toString(), MaskedNik);
    // No "new request" for a role that may not register, neither as a button nor by Ctrl+N.
    auto *newAction = page->findChild<QAction *>("ppidNewAction");
    QVERIFY(newAction);
    QVERIFY(!newAction->isVisible());
    QVERIFY(!page->findChild<QToolBar *>("ppidToolBar")->actions().contains(newAction));
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    table(*page)->setFocus();
    QTest::keyClick(table(*page), Qt::Key_N, Qt::ControlModifier);
    QCoreApplication::processEvents();
    QVERIFY(!page->findChild<HumasUi::PpidIntakeDialog *>());
    // Searching by NIK finds nothing for protokol.
    QTest::keyClicks(page->findChild<QLineEdit *>("searchEdit"), "5203900");
    QCOMPARE(rows->rowCount(), 0);
}

void TestPpidPage::nikInFullForPpid()
{
    auto page = makePage(Role::Ppid);
    QAbstractItemModel *rows = table(*page)->model();
    for (int row = 0; row < rows->rowCount(); ++row)
        QCOMPARE(rows->index(row, M::NikColumn).data().toString(), Nik);
    auto *newAction = page->findChild<QAction *>("ppidNewAction");
    QVERIFY(newAction->isVisible());
    QVERIFY(page->findChild<QToolBar *>("ppidToolBar")->actions().contains(newAction));
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    table(*page)->setFocus();
    QTest::keyClick(table(*page), Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(page->findChild<HumasUi::PpidIntakeDialog *>());
    auto *intake = page->findChild<HumasUi::PpidIntakeDialog *>();
    QVERIFY(intake->isVisible());
    intake->reject();
    QTRY_VERIFY(!page->findChild<HumasUi::PpidIntakeDialog *>()); // deleted on close
}

void TestPpidPage::enterOpensTheRequest()
{
    auto page = makePage(Role::Pimpinan);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    QTableView *view = table(*page);
    view->setFocus();
    view->selectRow(2);
    const QString id = view->model()->index(2, 0).data(M::IdRole).toString();
    QCOMPARE(page->selectedRequestId(), id);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_VERIFY(page->findChild<HumasUi::PpidRequestDialog *>());
    auto *dialog = page->findChild<HumasUi::PpidRequestDialog *>();
    QCOMPARE(dialog->request().id, id);
    // Read-only roles see the request masked there too.
    QCOMPARE(dialog->request().requesterNik, MaskedNik);
    dialog->reject();
    QTRY_VERIFY(!page->findChild<HumasUi::PpidRequestDialog *>());
}

void TestPpidPage::ctrlFGoesToSearch()
{
    auto page = makePage(Role::Ppid);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    table(*page)->setFocus();
    QTest::keyClick(table(*page), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(page->findChild<QLineEdit *>("searchEdit")->hasFocus());
}

void TestPpidPage::holidaysBanner()
{
    // The seeded holidays cover 2025 and 2026: from 1 November 2026 the banner asks for 2027.
    {
        auto page = makePage(Role::Ppid);
        QVERIFY(page->isHolidaysWarningShown());
        QVERIFY(page->findChild<QLabel *>("holidaysBanner")->text().contains("2027"));
    }
    m_clock->setNow(QDateTime(QDate(2026, 10, 15), QTime(2, 0), Qt::UTC));
    auto page = makePage(Role::Ppid);
    QVERIFY(!page->isHolidaysWarningShown());
}

void TestPpidPage::exportCsvMasksPerRole_data()
{
    QTest::addColumn<Humas::Role>("role");
    QTest::addColumn<bool>("full");
    QTest::newRow("ppid") << Role::Ppid << true;
    QTest::newRow("admin") << Role::Admin << true;
    QTest::newRow("pimpinan") << Role::Pimpinan << false;
}

void TestPpidPage::exportCsvMasksPerRole()
{
    QFETCH(Humas::Role, role);
    QFETCH(bool, full);
    auto page = makePage(role);
    QTemporaryDir dir;
    const QString path = dir.filePath("register.csv");
    HumasUi::MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(page->exportCsv(path));
    QVERIFY(HumasUi::MessageBox::lastText().contains("7 request(s)"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains("Siti Rahmawati"));
    QCOMPARE(csv.contains(Nik.toUtf8()), full);
    QCOMPARE(csv.contains(MaskedNik.toUtf8()), !full);
    // A month filter exports that month only.
    QComboBox *year = combo(*page, "yearFilter");
    year->setCurrentIndex(year->findData(2026));
    QComboBox *month = combo(*page, "monthFilter");
    month->setCurrentIndex(month->findData(10));
    HumasUi::MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(page->exportCsv(dir.filePath("october.csv")));
    QVERIFY(HumasUi::MessageBox::lastText().contains("2 request(s)"));
}

void TestPpidPage::objectionRegister()
{
    auto page = makePage(Role::Ppid);
    auto *objections = page->findChild<QTableView *>("objectionTable");
    QVERIFY(objections);
    QCOMPARE(objections->model()->rowCount(), 0);
    const QString requestId = table(*page)->model()->index(4, 0).data(M::IdRole).toString(); // 001
    PpidObjectionRepository repo(m_db->db(), actor(Role::Ppid));
    PpidObjection o;
    o.requestId = requestId;
    o.ground = "g";
    o.summary = "Jawaban terlambat melewati batas waktu";
    o.filedBy = "Siti Rahmawati";
    QString error;
    QVERIFY2(repo.add(&o, &error), qPrintable(error));
    page->refresh();
    QCOMPARE(objections->model()->rowCount(), 0); // read when its tab is shown
    auto *tabs = page->findChild<QTabWidget *>("ppidTabs");
    tabs->setCurrentWidget(objections);
    QCOMPARE(objections->model()->rowCount(), 1);
    using OM = Humas::PpidObjectionTableModel;
    QCOMPARE(objections->model()->index(0, OM::NumberColumn).data().toString(), o.number);
    QCOMPARE(objections->model()->index(0, OM::RequestColumn).data().toString(), QString("001/PPID/XI/2026"));
    QCOMPARE(objections->model()->index(0, OM::GroundColumn).data().toString(), QString("Article 35(1) g"));
    QVERIFY(!objections->model()->index(0, 0).data(OM::OverdueRole).toBool());
    QCOMPARE(tabs->tabText(1), QString("Objections"));
    // Undecided past its deadline (30 working days): marked like an overdue request.
    m_clock->setNow(Now.addDays(60));
    page->refresh();
    QVERIFY(objections->model()->index(0, 0).data(OM::OverdueRole).toBool());
    QVERIFY(objections->model()->index(0, 0).data(Qt::DecorationRole).isValid());
}

void TestPpidPage::printRegisterMasksPerRole_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("full");
    QTest::newRow("admin") << int(Role::Admin) << true;
    QTest::newRow("ppid") << int(Role::Ppid) << true;
    QTest::newRow("pimpinan") << int(Role::Pimpinan) << false;
}

void TestPpidPage::printRegisterMasksPerRole()
{
    QFETCH(int, role);
    QFETCH(bool, full);
    auto page = makePage(Role(role));
    page->setPrintMode(HumasUi::PpidPrintMode::None);
    // November 2026 only: 005 and 007 were received in October.
    auto *year = page->findChild<QComboBox *>("yearFilter");
    year->setCurrentIndex(year->findData(2026));
    auto *month = page->findChild<QComboBox *>("monthFilter");
    month->setCurrentIndex(month->findData(11));
    page->printRegister();
    const QString text = page->lastPrintedText();
    QVERIFY2(text.contains("001/PPID/XI/2026") && text.contains("006/PPID/XI/2026"), qPrintable(text));
    QVERIFY2(!text.contains("005/PPID/X/2026"), qPrintable(text));
    QCOMPARE(text.contains(Nik), full);
    QCOMPARE(text.contains(MaskedNik), !full);
}

void TestPpidPage::statisticsTab()
{
    auto page = makePage(Role::Ppid);
    HumasUi::PpidStatisticsWidget *stats = page->statisticsWidget();
    QVERIFY(stats);
    stats->setPeriod(HumasUi::PpidStatisticsWidget::Period::Month, 2026, 11);
    QCOMPARE(stats->periodStart(), QDate(2026, 11, 1));
    QCOMPARE(stats->periodEnd(), QDate(2026, 11, 30));
    QCOMPARE(stats->statistics().received, 5);
    stats->setPeriod(HumasUi::PpidStatisticsWidget::Period::HalfYear, 2026, 2);
    QCOMPARE(stats->periodStart(), QDate(2026, 7, 1));
    QCOMPARE(stats->statistics().received, 7);
    QVERIFY2(stats->html().contains("Requests received"), qPrintable(stats->html()));
    stats->setPeriod(HumasUi::PpidStatisticsWidget::Period::Year, 2025);
    QCOMPARE(stats->statistics().received, 0);
}

void TestPpidPage::screenshot()
{
    if (qEnvironmentVariableIsEmpty("HUMAS_SCREENSHOTS"))
        QSKIP("set HUMAS_SCREENSHOTS=1 to write /tmp/notes/ppid-register.png");
    auto page = makePage(Role::Ppid);
    page->resize(1366, 520);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    table(*page)->selectRow(1);
    QCoreApplication::processEvents();
    QVERIFY(page->grab().save("/tmp/notes/ppid-register.png"));
}

QTEST_MAIN(TestPpidPage)
#include "tst_ppidpage.moc"
