#include "store/autobackup.h"
#include "store/database.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestAutoBackup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void firstStartOfTheDayMakesOneBackup()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const QDate today(2026, 11, 23);
        QString created;
        QString error;
        QVERIFY2(AutoBackup::runIfDue(t.path(), today, &created, &error), qPrintable(error));
        QCOMPARE(created, AutoBackup::fileFor(t.path(), today));
        QVERIFY(QFile::exists(created));
        QVERIFY(!QFile::exists(created + ".part"));
        QVERIFY(AutoBackup::runIfDue(t.path(), today, &created, &error));
        QVERIFY(created.isEmpty()); // not due again the same day

        Database copy;
        QVERIFY2(copy.open(AutoBackup::fileFor(t.path(), today), &error), qPrintable(error));
        QSqlQuery q(copy.connection());
        QVERIFY(q.exec("SELECT count(*) FROM officials") && q.next());
        QCOMPARE(q.value(0).toInt(), 6);
    }

    void keepsTheLastSevenDays()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        QString created;
        QString error;
        for (int d = 1; d <= 10; ++d)
            QVERIFY(AutoBackup::runIfDue(t.path(), QDate(2026, 11, d), &created, &error));
        // Something else in the folder is left alone.
        QFile other(AutoBackup::backupFolder(t.path()) + "/catatan.txt");
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QVERIFY(AutoBackup::runIfDue(t.path(), QDate(2026, 11, 11), &created, &error));
        const QStringList files =
            QDir(AutoBackup::backupFolder(t.path())).entryList({"humasdesk-*.sqlite"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), AutoBackup::KeepDays);
        QCOMPARE(files.first(), QString("humasdesk-2026-11-05.sqlite"));
        QCOMPARE(files.last(), QString("humasdesk-2026-11-11.sqlite"));
        QVERIFY(other.exists());
    }

    void worksWhileTheDatabaseIsOpenAndBusy()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        Transaction tx(t.db()); // a writer holds the write lock
        QVERIFY(tx.isActive());
        QString created;
        QString error;
        QVERIFY2(AutoBackup::runIfDue(t.path(), QDate(2026, 11, 23), &created, &error), qPrintable(error));
        QVERIFY(QFile::exists(created));
    }

    void unreadableDatabaseFailsCleanly()
    {
        QTemporaryDir dir;
        QString created;
        QString error;
        QFile f(dir.filePath("x.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database at all, just text that is long enough to have a header......................");
        f.close();
        QVERIFY(!AutoBackup::runIfDue(dir.filePath("x.sqlite"), QDate(2026, 11, 23), &created, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(AutoBackup::fileFor(dir.filePath("x.sqlite"), QDate(2026, 11, 23))));
    }
};

QTEST_GUILESS_MAIN(TestAutoBackup)
#include "tst_autobackup.moc"
