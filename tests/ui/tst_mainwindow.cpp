#include "agenda/agendapage.h"
#include "common/mainwindow.h"
#include "common/placeholderpage.h"
#include "master/datamasterpage.h"
#include "master/recordeditdialog.h"
#include "master/recordtab.h"
#include "master/referencerepositories.h"
#include "mockclock.h"
#include "ppid/ppidpage.h"
#include "store/autobackup.h"
#include "store/database.h"
#include "sync/syncpage.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using HumasTest::TestDatabase;
using HumasUi::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

    const QStringList allPages{"agenda", "ppid", "news", "reports", "master", "sync"};

    static QListWidget *sidebar(MainWindow &w) { return w.findChild<QListWidget *>("sidebar"); }
    static QString statusText(MainWindow &w, const char *name) { return w.findChild<QLabel *>(name)->text(); }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void showsEveryPageThroughShowPage()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        QAbstractItemModelTester tester(sidebar(window)->model());
        QSignalSpy pageSpy(&window, &MainWindow::pageChanged);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.visiblePages(), allPages);
        for (const QString &id : allPages) {
            window.showPage(id);
            QCOMPARE(window.currentPage(), id);
            QVERIFY(window.page(id)->isVisible());
            QCOMPARE(sidebar(window)->currentItem()->text(), MainWindow::pageTitle(id));
            QVERIFY(window.windowTitle().startsWith(MainWindow::pageTitle(id)));
        }
        QVERIFY(pageSpy.count() >= allPages.size() - 1);
        window.showPage("nonsense");
        QCOMPARE(window.currentPage(), QString("sync"));
    }

    void showsEveryPageThroughShortcuts()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        // Backwards, so that every shortcut really changes the page.
        for (int i = allPages.size() - 1; i >= 0; --i) {
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(window.currentPage(), allPages.at(i));
        }
    }

    void pageShortcutPutsTheKeyboardInThePage()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.findChild<QListWidget *>("sidebar")->setFocus();
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), QString("master"));
        QTRY_COMPARE(QApplication::focusWidget(),
                     static_cast<QWidget *>(window.dataMasterPage()->currentTab()->view()));
        // …so Ins opens the editor straight away.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Insert);
        QTRY_VERIFY(window.dataMasterPage()->findChild<HumasUi::RecordEditDialog *>());
        window.dataMasterPage()->findChild<HumasUi::RecordEditDialog *>()->reject();
    }

    void placeholderPagesShowTheirTitle()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        for (const QString &id : QStringList{"news", "reports"}) {
            auto *page = qobject_cast<HumasUi::PlaceholderPage *>(window.page(id));
            QVERIFY2(page, qPrintable(id));
            QCOMPARE(page->findChild<QLabel *>("pageTitle")->text(), MainWindow::pageTitle(id));
            QVERIFY(!page->findChild<QLabel *>("pageDescription")->text().isEmpty());
            QCOMPARE(page->findChild<QLabel *>("pageStatus")->text(), QString("Not available yet"));
        }
        QVERIFY(qobject_cast<HumasUi::DataMasterPage *>(window.page("master")));
        QVERIFY(qobject_cast<HumasUi::AgendaPage *>(window.page("agenda")));
        QVERIFY(qobject_cast<HumasUi::PpidPage *>(window.page("ppid")));
        QVERIFY(qobject_cast<HumasUi::SyncPage *>(window.page("sync")));
    }

    void statusBarShowsDatabaseUserAndSync()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("siti", "protokol"));
        QVERIFY(statusText(window, "statusDatabase").contains("test.sqlite"));
        QCOMPARE(window.findChild<QLabel *>("statusDatabase")->toolTip(),
                 QDir::toNativeSeparators(QFileInfo(db.path()).absoluteFilePath()));
        QVERIFY(statusText(window, "statusUser").contains("siti"));
        QVERIFY(statusText(window, "statusUser").contains(Humas::Roles::displayName(Humas::Role::Protokol)));
        QVERIFY(statusText(window, "statusSync").contains("not configured"));
    }

    void headerShowsTodayInTheRegencyZone()
    {
        // 23:30 UTC on 22 November is already 23 November in WITA (UTC+8), the default zone.
        HumasTest::MockClock clock(QDateTime(QDate(2026, 11, 22), QTime(23, 30), Qt::UTC));
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        window.show();
        QCOMPARE(window.today(), QDate(2026, 11, 23));
        QCOMPARE(window.findChild<QLabel *>("todayLabel")->text(),
                 QLocale().toString(QDate(2026, 11, 23), "dddd, d MMMM yyyy"));
    }

    void rolesSeeTheirPages_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QStringList>("pages");
        QTest::newRow("opd") << "opd" << QStringList{"agenda", "ppid", "news", "reports", "sync"};
        QTest::newRow("pimpinan") << "pimpinan" << allPages;
        QTest::newRow("ppid") << "ppid" << QStringList{"ppid", "reports", "master", "sync"};
        QTest::newRow("protokol") << "protokol" << QStringList{"agenda", "reports", "master", "sync"};
    }

    void rolesSeeTheirPages()
    {
        QFETCH(QString, role);
        QFETCH(QStringList, pages);
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const QString opdId = Humas::OpdRepository(db.db(), Humas::Actor::system()).list().value(0).id;
        MainWindow window(db.db(), db.addUser("user1", role, "rahasia123", role == "opd" ? opdId : QString()));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.visiblePages(), pages);
        for (int row = 0; row < allPages.size(); ++row) {
            const bool visible = pages.contains(allPages.at(row));
            QCOMPARE(!sidebar(window)->item(row)->isHidden(), visible);
            QCOMPARE(window.findChild<QAction *>("pageAction_" + allPages.at(row))->isVisible(), visible);
        }
        QVERIFY(pages.contains(window.currentPage()));
        const QString before = window.currentPage();
        for (const QString &hidden : allPages) {
            if (pages.contains(hidden))
                continue;
            window.showPage(hidden);
            QCOMPARE(window.currentPage(), before);
            QTest::keyClick(&window, Qt::Key(Qt::Key_1 + allPages.indexOf(hidden)), Qt::ControlModifier);
            QCOMPARE(window.currentPage(), before);
        }
        QCOMPARE(window.dataMasterPage() != nullptr, pages.contains("master"));
    }

    void pimpinanSeesDataMasterReadOnly()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("bupati", "pimpinan"));
        window.show();
        window.showPage("master");
        QCOMPARE(window.currentPage(), QString("master"));
        HumasUi::DataMasterPage *master = window.dataMasterPage();
        QVERIFY(master);
        QVERIFY(!master->findChild<QToolButton *>("addButton")->isEnabled());
        QVERIFY(master->findChild<QLabel *>("readOnlyNote")->isVisible());
    }

    void remembersPageAndGeometry()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor admin = db.addUser("admin1", "admin");
        {
            MainWindow window(db.db(), admin);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 640);
            window.showPage("reports");
            QTRY_COMPARE(window.size(), QSize(1000, 640));
            window.close();
        }
        MainWindow again(db.db(), admin);
        QCOMPARE(again.currentPage(), QString("reports"));
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QTRY_COMPARE(again.size(), QSize(1000, 640));
    }

    void backsUpTheDatabase()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        const QString target = db.dir() + "/copy.sqlite";
        QVERIFY(window.backUpTo(target));
        Humas::DatabaseInfo info;
        QString error;
        QVERIFY2(Humas::Database::inspect(target, &info, &error), qPrintable(error));
        QVERIFY(info.isHumasDesk);
        QVERIFY(window.statusBar()->currentMessage().contains("copy.sqlite"));
    }

    void runsTheDailyBackupOnAWorkerThread()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        QSignalSpy spy(&window, &MainWindow::dailyBackupFinished);
        const QDate day(2026, 11, 23);
        window.startDailyBackup(day);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(spy.at(0).at(1).toString(), Humas::AutoBackup::fileFor(db.path(), day));
        QVERIFY(QFileInfo::exists(Humas::AutoBackup::fileFor(db.path(), day)));
        QCOMPARE(window.statusBar()->currentMessage(), QString("Daily backup saved"));

        // Once a day: the second start of the day makes none.
        window.startDailyBackup(day);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(1).at(0).toBool(), true);
        QVERIFY(spy.at(1).at(1).toString().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
