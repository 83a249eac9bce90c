#include "common/datetext.h"
#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/mainwindow.h"
#include "fakehubserver.h"
#include "master/recordeditdialog.h"
#include "master/referencerepositories.h"
#include "mockclock.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/serversignindialog.h"
#include "sync/syncconflicts.h"
#include "sync/synccontroller.h"
#include "sync/syncengine.h"
#include "sync/syncpage.h"
#include "sync/syncsettings.h"
#include "sync/syncvaluedialog.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using HumasTest::TestDatabase;
using HumasUi::SyncController;
using HumasUi::SyncPage;

namespace {

/**
 * Waits for the @p count-th round to end. No deadline of its own (libfaketime makes timed waits
 * return at once); CTest's timeout bounds a round that never ends.
 */
void waitForRounds(QSignalSpy &spy, int count)
{
    while (spy.count() < count)
        spy.wait(1000);
}

QString text(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(name);
    return label ? label->text() : QStringLiteral("<no %1>").arg(name);
}

QString firstOpd(Humas::Database &db)
{
    QSqlQuery q(db.connection());
    q.exec("SELECT id FROM opd WHERE deleted = 0 ORDER BY id LIMIT 1");
    return q.next() ? q.value(0).toString() : QString();
}

Humas::SyncReport lastReport(QSignalSpy &spy)
{
    return spy.last().at(0).value<Humas::SyncReport>();
}

} // namespace

class TestSyncPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void choosingAFolderAndSyncingSendsEveryChange()
    {
        HumasTest::MockClock clock; // 23 November 2026, 00.00 UTC = 08.00 WITA
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        const Humas::Actor actor = db.addUser("admin1", "admin");
        QTemporaryDir share;
        SyncController controller(db.db(), actor);
        SyncPage page(&controller);
        page.resize(1100, 620);
        page.show();
        QAbstractItemModelTester tester(page.findChild<QTableView *>("conflictView")->model());

        QVERIFY(!controller.isConfigured());
        QVERIFY(!page.findChild<QPushButton *>("syncNowButton")->isEnabled());
        QVERIFY(controller.waitingCount() > 0); // the seed and the user are local changes
        QVERIFY(text(&page, "waitingLabel").contains(QString::number(controller.waitingCount())));

        HumasUi::FileDialogs::setNextAnswer(share.path());
        QTest::mouseClick(page.findChild<QPushButton *>("chooseFolderButton"), Qt::LeftButton);
        QVERIFY(controller.isConfigured());
        const QString hub = QDir(share.path()).filePath("humasdesk-bersama.sqlite");
        QCOMPARE(controller.sharedFile(), hub);
        QCOMPARE(Humas::SyncSettings(db.db()).sharedFile(), hub);
        QCOMPARE(page.findChild<QLineEdit *>("sharedPathEdit")->text(), QDir::toNativeSeparators(hub));
        QVERIFY(page.findChild<QPushButton *>("syncNowButton")->isEnabled());
        QCOMPARE(text(&page, "lastRoundLabel"), QString("Not run yet"));

        QSignalSpy rounds(&controller, &SyncController::roundFinished);
        QTest::mouseClick(page.findChild<QPushButton *>("syncNowButton"), Qt::LeftButton);
        QVERIFY(controller.isRunning());
        QVERIFY(!page.findChild<QPushButton *>("syncNowButton")->isEnabled());
        QVERIFY(!page.findChild<QWidget *>("syncBusy")->isHidden());
        waitForRounds(rounds, 1);
        QVERIFY2(lastReport(rounds).ok, qPrintable(lastReport(rounds).error));
        QVERIFY(lastReport(rounds).pushed > 0);
        QVERIFY(QFileInfo::exists(hub));
        QVERIFY(!controller.isRunning());
        QVERIFY(page.findChild<QWidget *>("syncBusy")->isHidden());
        QCOMPARE(controller.waitingCount(), 0);
        QCOMPARE(Humas::SyncEngine::waitingCount(db.db()), 0);
        QCOMPARE(text(&page, "waitingLabel"), QString("Nothing: every change of this PC has been sent."));
        QVERIFY2(text(&page, "lastRoundLabel").startsWith(controller.lastRoundText()),
                 qPrintable(text(&page, "lastRoundLabel")));
        QVERIFY(controller.lastRoundText().contains(Humas::DateText::longDate(QDate(2026, 11, 23))));
        QVERIFY(controller.lastRoundText().contains(Humas::DateText::time(QTime(8, 0))));
        QVERIFY(text(&page, "lastRoundLabel").contains("succeeded"));
        QCOMPARE(controller.statusText(), QString("Synced %1").arg(Humas::DateText::time(QTime(8, 0))));

        // A local edit waits again, and the page says so without a round.
        QString error;
        QVERIFY2(db.db().writer().update(actor.userId, "opd", firstOpd(db.db()), {{"name", "Dinas Uji"}}, &error),
                 qPrintable(error));
        QTRY_COMPARE(controller.waitingCount(), 1);
        QVERIFY(text(&page, "waitingLabel").contains("1 change"));
        QCOMPARE(controller.statusText(),
                 QString("Synced %1 · 1 change(s) waiting").arg(Humas::DateText::time(QTime(8, 0))));
    }

    void refusesAFolderThatIsNotThere()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        SyncController controller(db.db(), db.addUser("admin1", "admin"));
        SyncPage page(&controller);
        QTemporaryDir share;
        QVERIFY(!page.choosePath(QDir(share.path()).filePath("not-mounted")));
        QVERIFY(!controller.isConfigured());
        QVERIFY(page.findChild<QLabel *>("settingsError")->text().contains("cannot be reached"));
    }

    void anUnreachableShareKeepsTheChanges()
    {
        HumasTest::MockClock clock;
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor actor = db.addUser("admin1", "admin");
        auto share = std::make_unique<QTemporaryDir>();
        HumasUi::MainWindow window(db.db(), actor);
        SyncController *controller = window.syncController();
        SyncPage *page = window.syncPage();
        QVERIFY(page);
        QVERIFY(page->choosePath(share->path()));
        const int waiting = controller->waitingCount();
        QVERIFY(waiting > 0);
        share.reset(); // the share went away (a laptop off the office network)

        window.show();
        window.showPage("sync");
        QSignalSpy rounds(controller, &SyncController::roundFinished);
        QAction *syncNow = window.findChild<QAction *>("syncNowAction");
        QVERIFY(syncNow->shortcuts().contains(QKeySequence(Qt::Key_F9)));
        QVERIFY(syncNow->isEnabled());
        syncNow->trigger();
        QVERIFY(controller->isRunning());
        waitForRounds(rounds, 1);
        QVERIFY(!lastReport(rounds).ok);
        QCOMPARE(page->findChild<QLabel *>("roundError")->text(), SyncController::unreachableMessage());
        QVERIFY(SyncController::unreachableMessage().contains("cannot be reached"));
        QVERIFY(SyncController::unreachableMessage().contains("kept on this PC"));
        QCOMPARE(controller->waitingCount(), waiting);
        QCOMPARE(Humas::SyncEngine::waitingCount(db.db()), waiting);
        QVERIFY(text(page, "lastRoundLabel").contains("failed"));
        QCOMPARE(text(&window, "statusSync"), QString("Sync failed — %1 change(s) waiting").arg(waiting));
        QVERIFY(window.findChild<QLabel *>("statusSync")->toolTip().contains(SyncController::unreachableMessage()));
    }

    void aConflictIsListedAndTakingTheirsResolvesIt()
    {
        HumasTest::MockClock clock;
        QTemporaryDir share;
        TestDatabase a(TestDatabase::Seed::ParigiMoutong);
        TestDatabase b(TestDatabase::Seed::None);
        QVERIFY2(a.isOpen() && b.isOpen(), qPrintable(a.error() + b.error()));
        const Humas::Actor actor = a.addUser("admin1", "admin");
        SyncController syncA(a.db(), actor);
        SyncController syncB(b.db(), actor); // the same person at another PC
        QSignalSpy roundsA(&syncA, &SyncController::roundFinished);
        QSignalSpy roundsB(&syncB, &SyncController::roundFinished);
        const QString hub = QDir(share.path()).filePath("humasdesk-bersama.sqlite");
        QString error;
        QVERIFY2(syncA.configure(true, hub, &error), qPrintable(error));
        QVERIFY2(syncB.configure(true, hub, &error), qPrintable(error));

        // A brings the regency's data to the hub, B (a new PC) receives it.
        QVERIFY(syncA.syncNow());
        waitForRounds(roundsA, 1);
        QVERIFY2(lastReport(roundsA).ok, qPrintable(lastReport(roundsA).error));
        QVERIFY(syncB.syncNow());
        waitForRounds(roundsB, 1);
        QVERIFY2(lastReport(roundsB).ok, qPrintable(lastReport(roundsB).error));
        const QString opd = firstOpd(a.db());
        QCOMPARE(firstOpd(b.db()), opd);

        // Both rename the same OPD; A's round comes first, so B's name is the one the hub refuses.
        QVERIFY2(a.db().writer().update(actor.userId, "opd", opd, {{"name", "Dinas Nama A"}}, &error),
                 qPrintable(error));
        QVERIFY2(b.db().writer().update(actor.userId, "opd", opd, {{"name", "Dinas Nama B"}}, &error),
                 qPrintable(error));
        QVERIFY(syncA.syncNow());
        waitForRounds(roundsA, 2);
        QVERIFY(syncB.syncNow());
        waitForRounds(roundsB, 2);
        QVERIFY2(lastReport(roundsB).ok, qPrintable(lastReport(roundsB).error));
        QCOMPARE(lastReport(roundsB).conflicts, 1);

        // tools/screenshots.sh takes this PC's database for the picture of a conflict.
        // (A's copy: A was set up by init, as the program expects; it learns of the conflict by a round.)
        if (const QString shot = qEnvironmentVariable("HUMAS_SYNC_SCREENSHOT_DB"); !shot.isEmpty()) {
            QVERIFY(syncA.syncNow());
            waitForRounds(roundsA, roundsA.count() + 1);
            QVERIFY2(a.db().backupTo(shot, &error), qPrintable(error));
        }

        SyncPage page(&syncB);
        page.resize(1100, 620);
        page.show();
        auto *view = page.findChild<QTableView *>("conflictView");
        QAbstractItemModelTester tester(view->model());
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(syncB.conflictCount(), 1);
        const QString record = view->model()->index(0, 0).data().toString();
        QVERIFY2(record.contains("Dinas Nama"), qPrintable(record)); // the OPD by its name
        QCOMPARE(view->model()->index(0, 1).data().toString(), QString("Name"));
        QVERIFY(view->model()->index(0, 2).data().toString().startsWith("Dinas Nama B"));
        QVERIFY(view->model()->index(0, 2).data().toString().contains("this PC"));
        QVERIFY(view->model()->index(0, 3).data().toString().startsWith("Dinas Nama A"));
        QVERIFY(view->model()->index(0, 3).data().toString().contains("another PC"));
        QVERIFY(syncB.statusText().contains("1 conflict(s)"));
        QVERIFY(page.findChild<QPushButton *>("takeTheirsButton")->isEnabled());

        // Data Master's editor marks the field, with both values in the tooltip.
        {
            Humas::OpdRepository repository(b.db(), actor);
            HumasUi::RecordEditDialog dialog(&repository, opd);
            auto *name = dialog.findChild<QLineEdit *>("field_name");
            QVERIFY(name);
            QAction *mark = name->findChild<QAction *>("syncConflictAction");
            QVERIFY(mark);
            QVERIFY(mark->toolTip().contains("Dinas Nama A"));
            QVERIFY(mark->toolTip().contains("Dinas Nama B"));
            QVERIFY(!dialog.findChild<QLineEdit *>("field_code")->findChild<QAction *>("syncConflictAction"));
        }

        QTest::mouseClick(page.findChild<QPushButton *>("takeTheirsButton"), Qt::LeftButton);
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(Humas::SyncConflicts(b.db()).openConflicts().isEmpty());
        QCOMPARE(b.db().writer().row("opd", opd).value("name").toString(), QString("Dinas Nama A"));
        QVERIFY(!page.findChild<QLabel *>("noConflictsLabel")->isHidden());
        // The resolution is a change like any other: the page sent it right away.
        waitForRounds(roundsB, 3);
        QVERIFY2(lastReport(roundsB).ok, qPrintable(lastReport(roundsB).error));
        QCOMPARE(syncB.waitingCount(), 0);
        QCOMPARE(syncB.conflictCount(), 0);
        QVERIFY(!syncB.statusText().contains("conflict"));

        // A learns of the decision at its next round.
        QVERIFY(syncA.syncNow());
        waitForRounds(roundsA, roundsA.count() + 1);
        QVERIFY(Humas::SyncConflicts(a.db()).openConflicts().isEmpty());
        QCOMPARE(a.db().writer().row("opd", opd).value("name").toString(), QString("Dinas Nama A"));
    }

    void typingAnotherValueWritesIt()
    {
        HumasTest::MockClock clock;
        QTemporaryDir share;
        TestDatabase a(TestDatabase::Seed::ParigiMoutong);
        TestDatabase b(TestDatabase::Seed::None);
        const Humas::Actor actor = a.addUser("admin1", "admin");
        SyncController syncA(a.db(), actor);
        SyncController syncB(b.db(), actor);
        QSignalSpy roundsA(&syncA, &SyncController::roundFinished);
        QSignalSpy roundsB(&syncB, &SyncController::roundFinished);
        const QString hub = QDir(share.path()).filePath("humasdesk-bersama.sqlite");
        QString error;
        QVERIFY(syncA.configure(true, hub, &error) && syncB.configure(true, hub, &error));
        syncA.syncNow();
        waitForRounds(roundsA, 1);
        syncB.syncNow();
        waitForRounds(roundsB, 1);
        const QString opd = firstOpd(a.db());
        QVERIFY(a.db().writer().update(actor.userId, "opd", opd, {{"name", "Nama A"}}, &error));
        QVERIFY(b.db().writer().update(actor.userId, "opd", opd, {{"name", "Nama B"}}, &error));
        syncA.syncNow();
        waitForRounds(roundsA, 2);
        syncB.syncNow();
        waitForRounds(roundsB, 2);

        SyncPage page(&syncB);
        QCOMPARE(page.findChild<QTableView *>("conflictView")->model()->rowCount(), 1);
        HumasUi::SyncValueDialog::setNextAnswer("Nama Bersama");
        QTest::mouseClick(page.findChild<QPushButton *>("typeValueButton"), Qt::LeftButton);
        QVERIFY(Humas::SyncConflicts(b.db()).openConflicts().isEmpty());
        QCOMPARE(b.db().writer().row("opd", opd).value("name").toString(), QString("Nama Bersama"));
        waitForRounds(roundsB, 3);
    }
    void serverSignInSyncAndSignOut()
    {
        HumasTest::MockClock clock; // 23 November 2026; the fake's tokens expire on 23 December
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        TestDatabase hubDb;
        QVERIFY(db.isOpen() && hubDb.isOpen());
        Humas::HubStore hub(hubDb.db());
        QString error;
        QVERIFY2(hub.initialise(&error), qPrintable(error));
        HumasTest::FakeServer server(&hub);
        QVERIFY(server.listen());
        const QString url = server.url().toString();

        const Humas::Actor actor = db.addUser("admin1", "admin");
        SyncController controller(db.db(), actor);
        SyncPage page(&controller);
        page.resize(1100, 620);
        page.show();
        auto *signIn = page.findChild<QPushButton *>("signInButton");
        auto *signOut = page.findChild<QPushButton *>("signOutButton");
        auto *settingsError = page.findChild<HumasUi::ErrorLabel *>("settingsError");
        QVERIFY(signIn && signOut && settingsError);
        QVERIFY(!signIn->isEnabled()); // not the chosen transport yet

        // "Server" first asks for the address; nothing is saved before it is typed.
        page.findChild<QRadioButton *>("serverRadio")->click();
        QVERIFY(page.findChild<QRadioButton *>("serverRadio")->isChecked());
        QVERIFY(!controller.isConfigured());
        auto *edit = page.findChild<QLineEdit *>("serverUrlEdit");
        QVERIFY(edit->isEnabled());
        edit->setFocus();
        QTest::keyClicks(edit, url);
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(controller.usesServer());
        QCOMPARE(controller.serverUrl(), url);
        QVERIFY(controller.isConfigured());
        QVERIFY(!controller.isSignedIn());
        QCOMPARE(text(&page, "serverAccountLabel"), QString("Not signed in: sign in to sync with the server"));

        QSignalSpy tested(&controller, &SyncController::connectionTested);
        QTest::mouseClick(page.findChild<QPushButton *>("testConnectionButton"), Qt::LeftButton);
        while (tested.isEmpty())
            tested.wait(1000);
        QVERIFY(tested.last().at(0).toBool());
        QVERIFY2(text(&page, "serverStatusLabel").contains("answers"), qPrintable(text(&page, "serverStatusLabel")));

        QSignalSpy signedIn(&controller, &SyncController::signInFinished);
        HumasUi::ServerSignInDialog::setNextAnswer("ani", "salah");
        QTest::mouseClick(signIn, Qt::LeftButton);
        while (signedIn.isEmpty())
            signedIn.wait(1000);
        QVERIFY(!signedIn.last().at(0).toBool());
        QVERIFY2(settingsError->message().contains("password is wrong"), qPrintable(settingsError->message()));
        QVERIFY(!controller.isSignedIn());

        QSignalSpy rounds(&controller, &SyncController::roundFinished);
        HumasUi::ServerSignInDialog::setNextAnswer("ani", "rahasia123");
        QTest::mouseClick(signIn, Qt::LeftButton);
        while (signedIn.count() < 2)
            signedIn.wait(1000);
        QVERIFY2(signedIn.last().at(0).toBool(), qPrintable(signedIn.last().at(1).toString()));
        QVERIFY(controller.isSignedIn());
        QCOMPARE(controller.serverUser(), QString("ani"));
        QVERIFY(text(&page, "serverAccountLabel").startsWith("Signed in as ani until "));
        QVERIFY(settingsError->message().isEmpty());
        // Signing in starts a round at once.
        waitForRounds(rounds, 1);
        QVERIFY2(lastReport(rounds).ok, qPrintable(lastReport(rounds).error));
        QVERIFY(lastReport(rounds).pushed > 0);
        QCOMPARE(controller.waitingCount(), 0);
        QCOMPARE(hubDb.count("hub_ops"), lastReport(rounds).pushed);
        QVERIFY(controller.statusToolTip().contains("signed in as ani"));
        QVERIFY(signOut->isEnabled());

        QSignalSpy signedOut(&controller, &SyncController::signOutFinished);
        QTest::mouseClick(signOut, Qt::LeftButton);
        while (signedOut.isEmpty())
            signedOut.wait(1000);
        QVERIFY(signedOut.last().at(0).toBool());
        QVERIFY(signedOut.last().at(1).toString().isEmpty()); // the server revoked it
        QVERIFY(server.revoked.contains(HumasTest::FakeToken));
        QVERIFY(!controller.isSignedIn());
        QVERIFY(!signOut->isEnabled());
        QVERIFY(text(&page, "serverStatusLabel").startsWith("Signed out."));
        QVERIFY(Humas::SyncSettings(db.db()).serverSignIn().token.isEmpty());
        // A round now says plainly that nobody is signed in.
        QVERIFY(controller.syncNow());
        waitForRounds(rounds, 2);
        QVERIFY(!lastReport(rounds).ok);
        QVERIFY2(lastReport(rounds).error.contains("not signed in"), qPrintable(lastReport(rounds).error));
    }
};

QTEST_MAIN(TestSyncPage)
#include "tst_syncpage.moc"
