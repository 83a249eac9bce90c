#include "agenda/eventrepository.h"
#include "auth/role.h"
#include "mockclock.h"
#include "ppid/ppidrequestrepository.h"
#include "store/database.h"
#include "store/schemacheck.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using Humas::Database;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QString pragma(Database &db, const QString &name)
{
    QSqlQuery q(db.connection());
    if (!q.exec("PRAGMA " + name) || !q.next())
        return {};
    return q.value(0).toString();
}

/** Makes a plain SQLite file with rollback journal using a raw connection. */
void makeSqlite(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            QVERIFY2(q.exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase("raw");
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void createsAFreshDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("sub/folder/new.sqlite");
        Database db;
        QString error;
        QVERIFY2(db.open(path, &error), qPrintable(error));
        QVERIFY(QFile::exists(path));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(Database::latestSchemaVersion() >= 1);
        QCOMPARE(pragma(db, "application_id").toInt(), Database::ApplicationId);
        QCOMPARE(pragma(db, "journal_mode"), QString("wal"));
        QCOMPARE(pragma(db, "foreign_keys"), QString("1"));
        QCOMPARE(pragma(db, "cache_size"), QString("-65536"));
        QVERIFY(pragma(db, "busy_timeout").toInt() >= 1000);
        QVERIFY(!db.siteId().isEmpty());
        QVERIFY(db.hybridClock());
    }

    void siteIdSurvivesReopen()
    {
        HumasTest::TestDatabase t;
        QVERIFY(t.isOpen());
        const QString site = t.db().siteId();
        QVERIFY(t.reopen());
        QCOMPARE(t.db().siteId(), site);
    }

    void rollbackJournalForSharedFiles()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath("shared.sqlite"), &error, Database::Journal::Rollback));
        QCOMPARE(pragma(db, "journal_mode"), QString("delete"));
    }

    void emptyFileOpensOnlyWhenInitialising()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.sqlite");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains("empty"), qPrintable(error));
        QCOMPARE(QFileInfo(path).size(), qint64(0));
        QVERIFY(!QFile::exists(path + "-wal"));
        Database::OpenOptions options;
        options.initialiseEmpty = true;
        QVERIFY2(db.open(path, &error, options), qPrintable(error));
        QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    }

    void freshDatabaseMatchesItsSchema()
    {
        HumasTest::TestDatabase t;
        QVERIFY(t.isOpen());
        const QStringList expected = Humas::SchemaCheck::expected(Database::latestSchemaVersion());
        QVERIFY(expected.contains("table events"));
        QVERIFY(expected.contains("table ppid_requests"));
        QCOMPARE(Humas::SchemaCheck::problems(t.db().connection(), Database::latestSchemaVersion()), QStringList());
        // The same file claimed to be schema 1 has tables schema 1 does not know.
        QVERIFY(!Humas::SchemaCheck::problems(t.db().connection(), 1).isEmpty());
    }

    void refusesAMissingIndexOrColumn_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("named");
        QTest::newRow("index") << "DROP INDEX outbox_row"
                               << "outbox_row";
        QTest::newRow("table") << "DROP TABLE events"
                               << "events";
        QTest::newRow("extra column") << "ALTER TABLE venues ADD COLUMN colour TEXT"
                                      << "venues.colour";
    }

    void refusesAMissingIndexOrColumn()
    {
        QFETCH(QString, damage);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString path = dir.filePath("damaged.sqlite");
        {
            Database db;
            QString error;
            QVERIFY2(db.open(path, &error), qPrintable(error));
        }
        makeSqlite(path, {"PRAGMA foreign_keys=OFF", damage});
        const QByteArray before = fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains(named) && error.contains("not changed"), qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void readersReportSqlErrors()
    {
        HumasTest::TestDatabase t;
        QVERIFY(t.isOpen());
        QSqlQuery q(t.db().connection());
        QVERIFY(q.exec("DROP TABLE ppid_requests"));
        QString error;
        const QList<Humas::PpidRequest> rows =
            Humas::PpidRequestRepository(t.db(), Humas::Actor::system()).list({}, {}, &error);
        QVERIFY(rows.isEmpty());
        QVERIFY2(error.contains("ppid_requests"), qPrintable(error));
        QVERIFY(q.exec("DROP TABLE events"));
        error.clear();
        Humas::EventRepository events(t.db(), Humas::Actor::system());
        QVERIFY(events
                    .eventsBetween(QDateTime::fromSecsSinceEpoch(0, Qt::UTC),
                                   QDateTime::fromSecsSinceEpoch(4e9, Qt::UTC), &error)
                    .isEmpty());
        QVERIFY2(error.contains("events"), qPrintable(error));
    }

    void refusesGarbageUnchanged_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text") << QByteArray("date,kind,name\n2026-01-01,libur_nasional,x\n") << "not a HumasDesk";
        QByteArray random(8192, '\0');
        for (int i = 0; i < random.size(); ++i)
            random[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("binary") << random << "not a HumasDesk";
        QByteArray fakeHeader("SQLite format 3");
        fakeHeader.append('\0');
        fakeHeader.append(QByteArray(4096 - fakeHeader.size(), 'x'));
        QTest::newRow("fake header") << fakeHeader << "";
    }

    void refusesGarbageUnchanged()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath("garbage.sqlite");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        const QByteArray before = fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY(!error.isEmpty());
        if (!expected.isEmpty())
            QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!db.isOpen());
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + "-wal"));
        QVERIFY(!QFile::exists(path + "-journal"));
    }

    void refusesNewerSchemaUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("newer.sqlite");
        makeSqlite(path, {QString("PRAGMA application_id=%1").arg(Database::ApplicationId), "CREATE TABLE future(x)",
                          "INSERT INTO future VALUES (1)", "PRAGMA user_version=999"});
        const QByteArray before = fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains("newer"), qPrintable(error));
        QVERIFY2(error.contains("999"), qPrintable(error));
        QCOMPARE(fileHash(path), before);
        Humas::DatabaseInfo info;
        QVERIFY(!Database::inspect(path, &info, &error));
        QCOMPARE(info.schemaVersion, 999);
    }

    void refusesForeignSqliteUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("other.sqlite");
        makeSqlite(path, {"CREATE TABLE contacts(name TEXT)", "INSERT INTO contacts VALUES ('x')"});
        const QByteArray before = fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains("another program"), qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void refusesCorruptUnchanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("corrupt.sqlite");
        {
            Database db;
            QString error;
            QVERIFY(db.open(path, &error, Database::Journal::Rollback));
            QSqlQuery q(db.connection());
            QVERIFY(q.exec("CREATE TABLE filler(id INTEGER PRIMARY KEY, t TEXT)"));
            QVERIFY(q.exec("CREATE INDEX filler_t ON filler(t)"));
            QVERIFY(db.begin(&error));
            for (int i = 0; i < 3000; ++i)
                q.exec(QString("INSERT INTO filler(t) VALUES ('row %1 %2')").arg(i).arg(QString(40, 'x')));
            QVERIFY(db.commit(&error));
        }
        // Overwrite the middle of the file (b-tree pages of filler) with junk.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 64 * 1024);
        for (qint64 page = 4; page * 4096 < size - 4096; page += 5) {
            f.seek(page * 4096 + 8);
            f.write(QByteArray(200, char(0x5a)));
        }
        f.close();
        const QByteArray before = fileHash(path);
        Database db;
        QString error;
        QVERIFY(!db.open(path, &error));
        QVERIFY2(error.contains("integrity") || error.contains("damaged") || error.contains("malformed"),
                 qPrintable(error));
        QCOMPARE(fileHash(path), before);
    }

    void refusesADirectory()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(!db.open(dir.path(), &error));
        QVERIFY(!error.isEmpty());
    }

    void integrityCheckRunsWhenTheFileMayHaveChanged()
    {
        HumasTest::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC));
        QTemporaryDir dir;
        const QString path = dir.filePath("daily.sqlite");
        QString error;
        {
            Database db;
            QVERIFY(db.open(path, &error));
        } // clean close writes the note
        QVERIFY(QFile::exists(path + ".verified"));
        {
            Database db;
            QVERIFY(db.open(path, &error));
            QVERIFY(!db.lastOpenRanIntegrityCheck());    // unchanged since a clean close, checked today
            QVERIFY(!QFile::exists(path + ".verified")); // stale while open: a crash forces a check
        }
        {
            Database db;
            db.setIntegrityCheck(Database::IntegrityCheck::Always);
            QVERIFY(db.open(path, &error));
            QVERIFY(db.lastOpenRanIntegrityCheck());
        }
        clock.advance(24 * 3600 * 1000); // the next day
        {
            Database db;
            QVERIFY(db.open(path, &error));
            QVERIFY(db.lastOpenRanIntegrityCheck());
        }
        // Changed by something else: size and time differ from the note.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            f.write(QByteArray(4096, '\0'));
        }
        {
            Database db;
            QVERIFY2(db.open(path, &error), qPrintable(error));
            QVERIFY(db.lastOpenRanIntegrityCheck());
        }
        QFile::remove(path + ".verified"); // as after a crash
        Database db;
        QVERIFY(db.open(path, &error));
        QVERIFY(db.lastOpenRanIntegrityCheck());
    }

    void metaValues()
    {
        HumasTest::TestDatabase t;
        QVERIFY(t.db().setMeta("cursor", "42"));
        QCOMPARE(t.db().meta("cursor"), QString("42"));
        QCOMPARE(t.db().meta("missing", "fallback"), QString("fallback"));
    }

    void nestedTransactions()
    {
        HumasTest::TestDatabase t;
        Database &db = t.db();
        QSqlQuery q(db.connection());
        QVERIFY(q.exec("CREATE TABLE n(x)"));
        {
            Humas::Transaction outer(db);
            QVERIFY(outer.isActive());
            q.exec("INSERT INTO n VALUES (1)");
            {
                Humas::Transaction inner(db);
                QVERIFY(inner.isActive());
                QCOMPARE(db.transactionDepth(), 2);
                q.exec("INSERT INTO n VALUES (2)");
                // inner rolls back when it goes out of scope
            }
            QCOMPARE(t.count("n"), 1);
            QVERIFY(outer.commit());
        }
        QCOMPARE(t.count("n"), 1);
        QCOMPARE(db.transactionDepth(), 0);
    }

    void backupToMakesAConsistentCopy()
    {
        HumasTest::TestDatabase t(HumasTest::TestDatabase::Seed::Base);
        const QString target = t.dir() + "/copy.sqlite";
        QString error;
        QVERIFY2(t.db().backupTo(target, &error), qPrintable(error));
        QVERIFY(!t.db().backupTo(target, &error)); // refuses to overwrite
        QVERIFY(error.contains("already exists"));
        Database copy;
        QVERIFY2(copy.open(target, &error), qPrintable(error));
        QSqlQuery q(copy.connection());
        QVERIFY(q.exec("SELECT count(*) FROM officials") && q.next());
        QCOMPARE(q.value(0).toInt(), 6);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
