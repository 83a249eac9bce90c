// The shared-file transport: a hub file made on first use, rollback journal, WAL refused, the
// daily check under a lease, a hub restored from an old copy refilled, PCs converging.
#include "mockclock.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncengine.h"
#include "sync/syncsettings.h"
#include "synctestsupport.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

QString hubScalar(const QString &path, const QString &sql)
{
    QString value = "<none>";
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peek");
        db.setDatabaseName(path);
        db.setConnectOptions("QSQLITE_OPEN_READONLY");
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                value = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase("peek");
    return value;
}

QString hubHash(const QString &path)
{
    Database db;
    db.setIntegrityCheck(Database::IntegrityCheck::Never);
    QString error;
    if (!db.open(path, &error, Database::Journal::Rollback))
        return "cannot open: " + error;
    const QString hash = HumasTest::contentHash(db);
    db.close();
    return hash;
}

} // namespace

class TestSharedFile : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    QTemporaryDir m_share;
    QString m_file;

    SyncReport sync(TestDatabase &site)
    {
        m_clock->advance(1000);
        SharedFileTransport transport(m_file);
        SyncEngine engine(site.db(), transport);
        const SyncReport r = engine.round();
        if (!r.ok)
            qWarning() << "round failed:" << r.error;
        return r;
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>();
        m_file = m_share.filePath(QString("hub-%1.humasdesk").arg(QTest::currentTestFunction()));
    }
    void cleanup() { m_clock.reset(); }

    void createdAsHubWithRollbackJournal()
    {
        TestDatabase a;
        HumasTest::insertEvent(a.db(), "Pertama");
        const SyncReport r = sync(a);
        QVERIFY(r.ok);
        QCOMPARE(r.pushed, 1);
        QVERIFY(QFile::exists(m_file));
        QVERIFY(!SharedFileTransport::isWalFile(m_file));
        QVERIFY(!QFile::exists(m_file + "-journal")); // closed after the round
        QVERIFY(!QFile::exists(m_file + "-wal"));
        QCOMPARE(hubScalar(m_file, "SELECT count(*) || '/' || epoch FROM hub_meta"), QString("1/1"));
        QCOMPARE(hubScalar(m_file, "SELECT count(*) FROM events"), QString("1"));
        QCOMPARE(hubScalar(m_file, "PRAGMA journal_mode"), QString("delete"));
        QCOMPARE(SyncSettings(a.db()).lastResult(), QString("ok"));
    }

    void walFileIsRefused()
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "walmaker");
            db.setDatabaseName(m_file);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec("PRAGMA journal_mode=WAL"));
            QVERIFY(q.exec("CREATE TABLE t(x)"));
            db.close();
        }
        QSqlDatabase::removeDatabase("walmaker");
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        QVERIFY(SharedFileTransport::isWalFile(m_file));
        TestDatabase a;
        SharedFileTransport transport(m_file);
        const SyncReport r = SyncEngine(a.db(), transport).round();
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains("WAL"), qPrintable(r.error));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(SyncSettings(a.db()).lastResult(), QString("failed"));
        QVERIFY(SyncSettings(a.db()).lastError().contains("WAL"));
    }

    void unreachableShareKeepsChanges()
    {
        TestDatabase a;
        HumasTest::insertEvent(a.db(), "Menunggu");
        SharedFileTransport transport(m_share.filePath("no-such-folder/hub.humasdesk"));
        const SyncReport r = SyncEngine(a.db(), transport).round();
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains("cannot be reached"));
        QCOMPARE(SyncEngine::waitingCount(a.db()), 1);
    }

    void integrityCheckOncePerDay()
    {
        TestDatabase a, b;
        SharedFileTransport transport(m_file);
        QVERIFY(SyncEngine(a.db(), transport).round().ok);
        QVERIFY(transport.ranIntegrityCheck());
        QVERIFY(SyncEngine(b.db(), transport).round().ok);
        QVERIFY(!transport.ranIntegrityCheck()); // another PC already checked it today
        m_clock->advance(24 * 3600 * 1000);
        QVERIFY(SyncEngine(b.db(), transport).round().ok);
        QVERIFY(transport.ranIntegrityCheck());
        QCOMPARE(hubScalar(m_file, "SELECT last_result FROM hub_lease"), QString("ok"));
    }

    void threeClientsConverge()
    {
        TestDatabase a, b, c;
        QList<TestDatabase *> sites = {&a, &b, &c};
        QString error;
        for (int i = 0; i < 3; ++i)
            for (int n = 0; n < 20; ++n)
                HumasTest::insertEvent(sites[i]->db(), QString("Acara %1-%2").arg(i).arg(n));
        for (int pass = 0; pass < 2; ++pass)
            for (TestDatabase *s : sites)
                QVERIFY(sync(*s).ok);
        // Edits of the same rows on all three, then quiet rounds.
        const QString id = HumasTest::insertEvent(a.db(), "Bersama");
        for (int pass = 0; pass < 2; ++pass)
            for (TestDatabase *s : sites)
                QVERIFY(sync(*s).ok);
        QVERIFY(a.db().writer().update(QString(), "events", id, {{"title", "A"}}, &error));
        QVERIFY(b.db().writer().update(QString(), "events", id, {{"notes", "B"}}, &error));
        QVERIFY(c.db().writer().update(QString(), "events", id, {{"title", "C"}}, &error));
        int conflicts = 0;
        for (int pass = 0; pass < 3; ++pass)
            for (TestDatabase *s : sites)
                conflicts += sync(*s).conflicts;
        QCOMPARE(conflicts, 1);
        const QString hash = hubHash(m_file);
        for (TestDatabase *s : sites) {
            QCOMPARE(HumasTest::contentHash(s->db()), hash);
            QCOMPARE(SyncEngine::waitingCount(s->db()), 0);
        }
        QCOMPARE(a.count("events"), 61);
    }

    void seededSitesMergeWithoutConflicts()
    {
        TestDatabase a(TestDatabase::Seed::ParigiMoutong), b(TestDatabase::Seed::ParigiMoutong);
        QVERIFY(sync(a).ok);
        const SyncReport rb = sync(b);
        QVERIFY(rb.ok);
        QCOMPARE(rb.conflicts, 0);
        QVERIFY(sync(a).ok);
        QCOMPARE(HumasTest::contentHash(a.db()), HumasTest::contentHash(b.db()));
    }

    void restoredHubIsRefilled()
    {
        TestDatabase a, b;
        for (int n = 0; n < 3; ++n)
            HumasTest::insertEvent(a.db(), QString("Lama %1").arg(n));
        QVERIFY(sync(a).ok);
        const QString backup = m_file + ".bak";
        QVERIFY(QFile::copy(m_file, backup));
        for (int n = 0; n < 2; ++n)
            HumasTest::insertEvent(a.db(), QString("Baru %1").arg(n));
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b).ok);
        QCOMPARE(b.count("events"), 5);
        // Someone restores last week's copy of the shared file.
        QVERIFY(QFile::remove(m_file));
        QVERIFY(QFile::copy(backup, m_file));
        QCOMPARE(hubScalar(m_file, "SELECT count(*) FROM events"), QString("3"));
        const SyncReport r = sync(a);
        QVERIFY(r.ok);
        QVERIFY(r.hubRestored);
        QCOMPARE(r.pushed, 2); // only the entries after hub_sites.last_outbox_seq
        QVERIFY(r.message.contains("restored"));
        QCOMPARE(hubScalar(m_file, "SELECT count(*) FROM events"), QString("5"));
        QVERIFY(sync(b).ok);
        QVERIFY(sync(a).ok);
        QCOMPARE(HumasTest::contentHash(b.db()), hubHash(m_file));
        QCOMPARE(HumasTest::contentHash(a.db()), hubHash(m_file));
    }
};

QTEST_GUILESS_MAIN(TestSharedFile)
#include "tst_sharedfile.moc"
