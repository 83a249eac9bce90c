// Kill -9 at every kill point of models/sync/syncfaults.h (issue 9 part 5). For each point and
// seed a PC's database and the shared file are prepared in this process, then the real
// humasdesk-cli runs `sync --shared-file` (or `sync resolve`) with HUMAS_SYNC_KILL_AT=point:n
// and kills itself there with SIGKILL. Then both PCs sync without faults until nothing moves,
// and:
// - every op is in the hub's ledger exactly once (hub_ops = the distinct op ids the PCs made)
//   and no row arrived twice (titles are unique per seed, counts as made);
// - the PCs' synced tables equal the hub's (hash over the user fields of every synced row);
// - PRAGMA integrity_check is ok on both PCs' files and the shared file;
// - no outbox entry waits for an acknowledgement.
//
// The seed picks how many changes wait (so pushes span one to three batches), which occurrence of
// the point kills (which op of a batch, which row of a page, which batch, which blob) and the
// data. Seeds per point: 20 for the points the issue names (before/after the hub commit, before
// the local acknowledgement, between rows of a pull page, mid-blob, inside a shared-file
// transaction, during a migration; HUMAS_SYNC_CRASH_NAMED_SEEDS changes it), HUMAS_SYNC_CRASH_SEEDS
// (default 3) for the others; set both to 20 for the full 16 × 20.

#include "syncprooftools.h"
#include "testenvironment.h"

#include "store/blobstore.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "store/migrations.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncengine.h"
#include "sync/syncprotocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Humas;

namespace {

const QStringList NamedPoints = {"push.before_hub_commit", "push.after_hub_commit", "push.before_local_ack",
                                 "pull.between_rows",      "blob.mid_upload",       "shared.inside_transaction",
                                 "migrate.inside"};

const QStringList AllPoints = {"migrate.inside",      "shared.after_open",      "shared.init_inside",
                               "shared.inside_transaction", "blob.before_upload", "blob.mid_upload",
                               "push.between_ops",    "push.before_hub_commit", "push.after_hub_commit",
                               "push.before_local_ack", "push.after_local_ack", "pull.between_rows",
                               "pull.before_commit",  "pull.after_commit",      "prune.inside",
                               "resolve.inside"};

constexpr int OtherRows = 150; // rows PC B has at the hub before each case

struct RunResult
{
    bool crashed = false;
    int exitCode = -1;
    QString out, err;
};

RunResult runCli(const QStringList &args, const QString &killAt)
{
    QProcess p;
    p.setProgram(HUMAS_CLI_PATH);
    p.setArguments(QStringList{"--lang", "en"} + args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!killAt.isEmpty())
        env.insert("HUMAS_SYNC_KILL_AT", killAt);
    else
        env.remove("HUMAS_SYNC_KILL_AT");
    p.setProcessEnvironment(env);
    p.start();
    p.closeWriteChannel();
    p.waitForFinished(-1);
    RunResult r;
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool copyFile(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
}

/** A round through a shared file in this process (no kill point is armed here). */
SyncReport roundOn(Database &db, const QString &shared)
{
    SharedFileTransport transport(shared);
    SyncEngine engine(db, transport);
    return engine.round();
}

QStringList opIds(Database &db)
{
    QStringList ids;
    QSqlQuery q(db.connection());
    q.exec("SELECT op_id FROM outbox");
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

} // namespace

class TestSyncCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killAt_data();
    void killAt();
    void cleanupTestCase();

private:
    struct Case
    {
        QString point;
        int seed = 0;
        QString a, b, hub; // files of this case
        QString killAt;
        QStringList args;
        int madeEvents = 0;         // events made by A and B (all must arrive once)
        QSet<QString> expectedOps;  // op ids made before the killed run
        QString conflictId;         // resolve.inside
        bool freshHub = false;
        bool oldSchema = false;
    };

    bool prepare(Case *c, QString *error);
    bool addEvents(Database &db, const QString &actor, const QString &prefix, int count, QRandomGenerator &rng,
                   QStringList *ids, QString *error);
    bool recoverAndCheck(Case &c);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_templateA, m_templateB, m_templateHub, m_templateA4, m_migrations4;
    int m_killed = 0, m_notReached = 0;
    QElapsedTimer m_timer;
};

void TestSyncCrash::initTestCase()
{
    HumasTest::isolateEnvironment();
    QVERIFY2(QFile::exists(HUMAS_CLI_PATH), HUMAS_CLI_PATH);
    m_timer.start();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_templateA = m_dir->filePath("template-a.sqlite");
    m_templateB = m_dir->filePath("template-b.sqlite");
    m_templateHub = m_dir->filePath("template-hub.sqlite");
    m_templateA4 = m_dir->filePath("template-a4.sqlite");
    QString error;
    {
        Database a("tmpl-a");
        QVERIFY2(a.open(m_templateA, &error), qPrintable(error));
    }
    {
        // PC B has OtherRows events at the hub, so every pull of A has pages to apply.
        Database b("tmpl-b");
        QVERIFY2(b.open(m_templateB, &error), qPrintable(error));
        QRandomGenerator rng(1);
        QVERIFY2(addEvents(b, "user-b", "B", OtherRows, rng, nullptr, &error), qPrintable(error));
        const SyncReport r = roundOn(b, m_templateHub);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(SyncEngine::waitingCount(b), 0);
    }
    {
        // A PC still at schema 4: its first open by the CLI migrates.
        m_migrations4 = m_dir->filePath("migrations4");
        QVERIFY(QDir().mkpath(m_migrations4));
        const QDir src(HumasTest::sourceDir() + "/resources/migrations");
        for (const QString &name : src.entryList({"000[1-4]_*.sql"}, QDir::Files))
            QVERIFY(QFile::copy(src.filePath(name), m_migrations4 + "/" + name));
        Migrations::setDirectory(m_migrations4);
        {
            Database a4("tmpl-a4");
            const bool ok = a4.open(m_templateA4, &error);
            Migrations::setDirectory(QString());
            QVERIFY2(ok, qPrintable(error));
            QCOMPARE(a4.schemaVersion(), 4);
        }
        Migrations::setDirectory(QString());
    }
}

void TestSyncCrash::cleanupTestCase()
{
    qInfo("%d runs killed, %d ended before their kill point; %lld ms", m_killed, m_notReached,
          qint64(m_timer.elapsed()));
}

bool TestSyncCrash::addEvents(Database &db, const QString &actor, const QString &prefix, int count,
                              QRandomGenerator &rng, QStringList *ids, QString *error)
{
    Transaction tx(db, error);
    if (!tx.isActive())
        return false;
    for (int i = 0; i < count; ++i) {
        const int day = 1 + int(rng.bounded(28));
        QString id;
        if (!db.writer().insert(actor, "events",
                                {{"title", QString("%1 #%2").arg(prefix).arg(i)},
                                 {"starts_at", QString("2026-11-%1T01:00:00Z").arg(day, 2, 10, QChar('0'))},
                                 {"ends_at", QString("2026-11-%1T02:30:00Z").arg(day, 2, 10, QChar('0'))},
                                 {"notes", QString("catatan %1").arg(rng.bounded(1000))},
                                 {"staff", QString("staf %1").arg(rng.bounded(10))}},
                                &id, error))
            return false;
        if (ids)
            *ids << id;
    }
    return tx.commit(error);
}

void TestSyncCrash::killAt_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<int>("seeds");
    bool ok = false, namedOk = false;
    const int others = qEnvironmentVariableIntValue("HUMAS_SYNC_CRASH_SEEDS", &ok);
    const int named = qEnvironmentVariableIntValue("HUMAS_SYNC_CRASH_NAMED_SEEDS", &namedOk);
    for (const QString &point : AllPoints)
        QTest::newRow(qPrintable(point))
            << point << (NamedPoints.contains(point) ? (namedOk && named > 0 ? named : 20) : (ok && others > 0 ? others : 3));
}

bool TestSyncCrash::prepare(Case *c, QString *error)
{
    const QString tag = QString("%1-%2").arg(QString(c->point).replace('.', '_')).arg(c->seed);
    c->a = m_dir->filePath(tag + "-a.sqlite");
    c->b = m_dir->filePath(tag + "-b.sqlite");
    c->hub = m_dir->filePath(tag + "-hub.sqlite");
    c->freshHub = c->point == "shared.init_inside";
    c->oldSchema = c->point == "migrate.inside";
    QRandomGenerator rng(quint32(c->seed) * 1000003u + quint32(qHash(c->point)));

    if (!copyFile(c->oldSchema ? m_templateA4 : m_templateA, c->a) || !copyFile(m_templateB, c->b)) {
        *error = "cannot copy the templates";
        return false;
    }
    if (c->freshHub) {
        // No shared file yet (A makes it); B starts empty too, it would otherwise belong to another hub.
        QFile::remove(c->b);
        Database b("case-b");
        if (!b.open(c->b, error))
            return false;
    } else if (!copyFile(m_templateHub, c->hub)) {
        *error = "cannot copy the hub";
        return false;
    }
    c->madeEvents = c->freshHub ? 0 : OtherRows;

    // 1..450 waiting changes: one to three push batches of 200.
    int pending = 1 + int(rng.bounded(450));
    int n = 1;
    const QString prefix = QString("A s%1").arg(c->seed);
    {
        if (c->oldSchema)
            Migrations::setDirectory(m_migrations4);
        Database a("case-a");
        const bool opened = a.open(c->a, error);
        if (c->oldSchema)
            Migrations::setDirectory(QString());
        if (!opened)
            return false;
        QStringList ids;
        if (c->point == "pull.between_rows") {
            // A bootstraps: the pull applies B's rows (and A's own), row n of the pages dies.
            pending = 1 + int(rng.bounded(50));
            n = 1 + int(rng.bounded(OtherRows - 1));
        } else if (c->point == "push.between_ops") {
            n = 1 + int(rng.bounded(quint32(std::min(pending, 200))));
            if (n == pending)
                ++pending;
        } else if (c->point.startsWith("push.")) {
            n = 1 + int(rng.bounded(quint32((pending + 199) / 200)));
        } else if (c->point.startsWith("blob.")) {
            pending = 1 + int(rng.bounded(100));
        } else if (c->point == "prune.inside" || c->point == "resolve.inside") {
            pending = 1 + int(rng.bounded(100));
        }
        if (!addEvents(a, "user-a", prefix, pending, rng, &ids, error))
            return false;
        c->madeEvents += pending;

        if (c->point.startsWith("blob.")) {
            const int blobs = 1 + int(rng.bounded(3));
            n = 1 + int(rng.bounded(quint32(blobs)));
            BlobStore store(a);
            for (int i = 0; i < blobs; ++i) {
                QByteArray scan(64 * 1024 + int(rng.bounded(256 * 1024)), Qt::Uninitialized);
                rng.fillRange(reinterpret_cast<quint32 *>(scan.data()), scan.size() / 4);
                const QString sha = store.put(scan, "application/pdf", error);
                if (sha.isEmpty())
                    return false;
                if (!a.writer().update("user-a", "events", ids.at(i % ids.size()), {{"letter_blob", sha}}, error))
                    return false;
            }
        }
        if (c->point == "prune.inside") {
            // Entries the hub acknowledged long ago (a fixed date far in the past, not "today - 91").
            SyncReport r = roundOn(a, c->hub);
            if (!r.ok) {
                *error = r.error;
                return false;
            }
            QSqlQuery q(a.connection());
            q.exec("UPDATE outbox SET acked_at = '2000-01-01T00:00:00Z' WHERE acked_at IS NOT NULL");
            QStringList more;
            if (!addEvents(a, "user-a", prefix + " more", 1 + int(rng.bounded(50)), rng, &more, error))
                return false;
            c->madeEvents += int(more.size());
        }
        if (c->point == "resolve.inside") {
            // Both PCs edit the same fields of B's first events; B syncs first, A's edits conflict.
            Database b("case-b");
            if (!b.open(c->b, error))
                return false;
            QSqlQuery q(b.connection());
            q.exec("SELECT id FROM events ORDER BY id LIMIT 3");
            QStringList shared;
            while (q.next())
                shared << q.value(0).toString();
            SyncReport r = roundOn(a, c->hub); // A knows B's rows
            if (!r.ok) {
                *error = r.error;
                return false;
            }
            for (const QString &id : shared) {
                if (!b.writer().update("user-b", "events", id, QVariantMap{{"notes", QString("dari B " + id.right(4))}}, error) ||
                    !a.writer().update("user-a", "events", id, QVariantMap{{"notes", QString("dari A " + id.right(4))}}, error))
                    return false;
            }
            r = roundOn(b, c->hub);
            if (r.ok)
                r = roundOn(a, c->hub);
            if (!r.ok) {
                *error = r.error;
                return false;
            }
            QSqlQuery open(a.connection());
            open.exec("SELECT id FROM sync_conflicts WHERE status = 'open' ORDER BY id");
            QStringList conflicts;
            while (open.next())
                conflicts << open.value(0).toString();
            if (conflicts.size() != shared.size()) {
                *error = QString("expected %1 open conflicts at A, found %2").arg(shared.size()).arg(conflicts.size());
                return false;
            }
            c->conflictId = conflicts.at(int(rng.bounded(quint32(conflicts.size()))));
            switch (c->seed % 3) {
            case 0: c->args = {"--db", c->a, "sync", "resolve", c->conflictId, "--take", "mine"}; break;
            case 1: c->args = {"--db", c->a, "sync", "resolve", c->conflictId, "--take", "theirs"}; break;
            default: c->args = {"--db", c->a, "sync", "resolve", c->conflictId, "--value", "ketikan " + QString::number(c->seed)};
            }
            for (const QString &op : opIds(b))
                c->expectedOps.insert(op);
        }
        for (const QString &op : opIds(a))
            c->expectedOps.insert(op);
    }
    if (!c->freshHub && c->point != "resolve.inside") {
        Database b("case-b");
        if (!b.open(c->b, error))
            return false;
        for (const QString &op : opIds(b))
            c->expectedOps.insert(op);
    }
    if (c->point.startsWith("shared.") || c->point == "migrate.inside" || c->point == "pull.before_commit" ||
        c->point == "pull.after_commit" || c->point == "prune.inside" || c->point == "resolve.inside")
        n = 1;
    c->killAt = QString("%1:%2").arg(c->point).arg(n);
    if (c->args.isEmpty())
        c->args = {"--db", c->a, "sync", "--shared-file", c->hub};
    return true;
}

bool TestSyncCrash::recoverAndCheck(Case &c)
{
    const QString where = QString("%1 seed %2 (%3)").arg(c.point).arg(c.seed).arg(c.killAt);
    // What the kill left behind must be a sound SQLite file.
    for (const QString &file : {c.a, c.hub}) {
        if (!QFile::exists(file))
            continue;
        const QString check = SyncTest::integrityCheck(file);
        if (check != "ok" && QFileInfo(file).size() > 0) {
            qWarning().noquote() << where << file << "after the kill:" << check;
            return false;
        }
    }
    if (c.oldSchema && SyncTest::column(c.a, "PRAGMA user_version").value(0) != "4") {
        qWarning().noquote() << where << "the killed migration left schema"
                             << SyncTest::column(c.a, "PRAGMA user_version").value(0);
        return false;
    }

    QString error;
    Database a("recover-a"), b("recover-b");
    if (!a.open(c.a, &error) || !b.open(c.b, &error)) {
        qWarning().noquote() << where << "cannot open a PC's file after the kill:" << error;
        return false;
    }
    auto quiesce = [&](QString *err) {
        for (int pass = 1; pass <= 8; ++pass) {
            bool quiet = true;
            for (Database *db : {&a, &b}) {
                const SyncReport r = roundOn(*db, c.hub);
                if (!r.ok) {
                    *err = QString("pass %1: %2").arg(pass).arg(r.error);
                    return false;
                }
                quiet = quiet && r.pushed == 0 && r.pulled == 0;
            }
            if (quiet)
                return true;
        }
        *err = "no quiescence after 8 passes";
        return false;
    };
    if (!quiesce(&error)) {
        qWarning().noquote() << where << "recovery:" << error;
        return false;
    }
    if (c.point == "resolve.inside") {
        // The killed resolution left the conflict open; resolving again (no kill) counts once.
        if (SyncTest::scalar(a.connection(), "SELECT status FROM sync_conflicts WHERE id = '" + c.conflictId + "'") !=
            "open") {
            qWarning().noquote() << where << "the conflict is no longer open after a killed resolution";
            return false;
        }
        a.close();
        const RunResult again = runCli(c.args, QString());
        if (again.crashed || again.exitCode != 0) {
            qWarning().noquote() << where << "resolve after the kill failed:" << again.err;
            return false;
        }
        if (!a.open(c.a, &error) || !quiesce(&error)) {
            qWarning().noquote() << where << "after resolving:" << error;
            return false;
        }
        if (SyncTest::scalar(b.connection(), "SELECT status FROM sync_conflicts WHERE id = '" + c.conflictId + "'") !=
            "resolved") {
            qWarning().noquote() << where << "the resolution did not reach PC B";
            return false;
        }
    }

    bool ok = true;
    auto fail = [&](const QString &what) {
        qWarning().noquote() << where << what;
        ok = false;
    };
    QSet<QString> outboxOps = c.expectedOps;
    for (Database *db : {&a, &b}) {
        if (SyncEngine::waitingCount(*db) != 0)
            fail(QString("%1 entries still wait").arg(SyncEngine::waitingCount(*db)));
        for (const QString &op : opIds(*db))
            outboxOps.insert(op);
    }
    Database hub("recover-hub");
    if (!hub.open(c.hub, &error, Database::Journal::Rollback)) {
        fail("cannot open the hub: " + error);
        return false;
    }
    const int ledger = SyncTest::scalar(hub.connection(), "SELECT count(*) FROM hub_ops").toInt();
    if (ledger != outboxOps.size())
        fail(QString("hub_ops has %1 ops, the PCs made %2").arg(ledger).arg(outboxOps.size()));
    QSet<QString> ledgerOps;
    {
        QSqlQuery q(hub.connection());
        q.exec("SELECT op_id FROM hub_ops");
        while (q.next())
            ledgerOps.insert(q.value(0).toString());
    }
    if (!ledgerOps.contains(outboxOps))
        fail("ops of the PCs are missing from hub_ops");
    const int events = SyncTest::scalar(hub.connection(), "SELECT count(*) FROM events").toInt();
    if (events != c.madeEvents)
        fail(QString("the hub has %1 events, %2 were made").arg(events).arg(c.madeEvents));
    if (SyncTest::scalar(hub.connection(),
                         "SELECT count(*) FROM (SELECT title FROM events GROUP BY title HAVING count(*) > 1)")
            .toInt() != 0)
        fail("an event arrived twice");
    const QStringList tables = SyncProtocol::syncedTables();
    const QString hubHash = SyncTest::tableHash(hub.connection(), tables);
    for (Database *db : {&a, &b}) {
        if (SyncTest::tableHash(db->connection(), tables) != hubHash) {
            for (const QString &t : tables) {
                const QString diff = SyncTest::firstDifference(SyncTest::tableDump(hub.connection(), t),
                                                               SyncTest::tableDump(db->connection(), t));
                if (!diff.isEmpty()) {
                    fail(QString("%1 differs from the hub in %2: %3").arg(db->path(), t, diff));
                    break;
                }
            }
        }
    }
    if (c.point.startsWith("blob.")) {
        const int blobs = SyncTest::scalar(a.connection(), "SELECT count(*) FROM blobs").toInt();
        if (SyncTest::scalar(hub.connection(), "SELECT count(*) FROM blobs").toInt() != blobs ||
            SyncTest::scalar(b.connection(), "SELECT count(*) FROM blobs").toInt() != blobs)
            fail("the blobs did not all arrive");
        QSqlQuery q(hub.connection());
        q.exec("SELECT sha256, data FROM blobs");
        while (q.next())
            if (BlobStore::hashOf(q.value(1).toByteArray()) != q.value(0).toString())
                fail("a blob at the hub does not match its hash");
    }
    a.close();
    b.close();
    hub.close();
    for (const QString &file : {c.a, c.b, c.hub}) {
        const QString check = SyncTest::integrityCheck(file);
        if (check != "ok")
            fail(file + ": " + check);
    }
    return ok;
}

void TestSyncCrash::killAt()
{
    QFETCH(QString, point);
    QFETCH(int, seeds);
    int killed = 0;
    QStringList failures;
    for (int seed = 0; seed < seeds; ++seed) {
        Case c;
        c.point = point;
        c.seed = seed;
        QString error;
        QVERIFY2(prepare(&c, &error), qPrintable(QString("seed %1: %2").arg(seed).arg(error)));
        const RunResult run = runCli(c.args, c.killAt);
        if (run.crashed) {
            ++killed;
            ++m_killed;
        } else {
            ++m_notReached;
            qWarning().noquote() << point << "seed" << seed << c.killAt << "was not reached; exit" << run.exitCode
                                 << run.err.trimmed();
        }
        if (!recoverAndCheck(c))
            failures << QString::number(seed);
        for (const QString &f : {c.a, c.b, c.hub})
            for (const char *suffix : {"", "-wal", "-shm", "-journal", ".verified"})
                QFile::remove(f + suffix);
    }
    qInfo("%s: %d of %d seeds killed", qPrintable(point), killed, seeds);
    QVERIFY2(failures.isEmpty(), qPrintable("seeds that did not recover: " + failures.join(", ")));
    QCOMPARE(killed, seeds);
}

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"
