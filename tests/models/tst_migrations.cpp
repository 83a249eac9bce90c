#include "store/database.h"
#include "store/migrations.h"
#include "testenvironment.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using Humas::Database;
using Humas::Migrations;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray readResource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void cleanup() { Migrations::setDirectory(QString()); }

    void shippedMigrationsAreNumberedWithoutGaps()
    {
        const QStringList files = QDir(":/humasdesk/migrations").entryList({"*.sql"}, QDir::Files, QDir::Name);
        QVERIFY(!files.isEmpty());
        for (int i = 0; i < files.size(); ++i)
            QVERIFY2(files.at(i).startsWith(QString("%1_").arg(i + 1, 4, 10, QChar('0'))), qPrintable(files.at(i)));
        QCOMPARE(Migrations::latestVersion(), int(files.size()));
        for (int v = 1; v <= Migrations::latestVersion(); ++v)
            QVERIFY(!Migrations::statements(v).isEmpty());
    }

    void splitHandlesCommentsAndMultiLineStatements()
    {
        const QStringList s = Migrations::split("-- comment\nCREATE TABLE a (\n  x INTEGER\n);\n\n"
                                                "INSERT INTO a VALUES (1);\n-- end\n");
        QCOMPARE(s.size(), 2);
        QVERIFY(s.at(0).startsWith("CREATE TABLE a"));
        QCOMPARE(s.at(1), QString("INSERT INTO a VALUES (1);"));
    }

    void olderDatabaseIsUpgradedInPlace()
    {
        QTemporaryDir migrations;
        writeFile(migrations.filePath("0001_initial.sql"), readResource(":/humasdesk/migrations/0001_initial.sql"));
        Migrations::setDirectory(migrations.path());
        QTemporaryDir dir;
        const QString path = dir.filePath("old.sqlite");
        QString error;
        {
            Database db;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QCOMPARE(db.schemaVersion(), 1);
            QSqlQuery q(db.connection());
            QVERIFY(q.exec("INSERT INTO meta(key, value) VALUES ('keep', 'me')"));
        }
        // A newer program adds migration 2.
        writeFile(migrations.filePath("0002_notes.sql"), "CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT);\n"
                                                         "INSERT INTO notes VALUES ('n1', 'from migration 2');\n");
        Database db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 2);
        QCOMPARE(db.meta("keep"), QString("me"));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("SELECT body FROM notes") && q.next());
        QCOMPARE(q.value(0).toString(), QString("from migration 2"));
    }

    void failedUpgradeChangesNothing()
    {
        QTemporaryDir migrations;
        writeFile(migrations.filePath("0001_initial.sql"), readResource(":/humasdesk/migrations/0001_initial.sql"));
        Migrations::setDirectory(migrations.path());
        QTemporaryDir dir;
        const QString path = dir.filePath("old.sqlite");
        QString error;
        {
            Database db;
            QVERIFY(db.open(path, &error));
            db.setMeta("keep", "me");
        }
        // Statement 1 succeeds, statement 2 fails: the whole upgrade must roll back.
        writeFile(migrations.filePath("0002_broken.sql"),
                  "CREATE TABLE half (x);\nINSERT INTO table_that_does_not_exist VALUES (1);\n");
        {
            Database db;
            QVERIFY(!db.open(path, &error));
            QVERIFY2(error.contains("schema 2"), qPrintable(error));
            QVERIFY(!db.isOpen());
        }
        Migrations::setDirectory(QString());
        QFile::remove(migrations.filePath("0002_broken.sql"));
        Migrations::setDirectory(migrations.path());
        Database db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QCOMPARE(db.schemaVersion(), 1);
        QCOMPARE(db.meta("keep"), QString("me"));
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec("SELECT * FROM half")); // the partial table was rolled back
    }

    void newerThanThisBuildIsRefused()
    {
        QTemporaryDir migrations;
        writeFile(migrations.filePath("0001_initial.sql"), readResource(":/humasdesk/migrations/0001_initial.sql"));
        writeFile(migrations.filePath("0002_more.sql"), "CREATE TABLE more (x);\n");
        Migrations::setDirectory(migrations.path());
        QTemporaryDir dir;
        const QString path = dir.filePath("v2.sqlite");
        QString error;
        {
            Database db;
            QVERIFY(db.open(path, &error));
            QCOMPARE(db.schemaVersion(), 2);
        }
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        f.close();
        QFile::remove(migrations.filePath("0002_more.sql")); // an older program
        Database db;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains("newer"), qPrintable(error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256), before);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
