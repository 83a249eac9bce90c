// Two real humasdesk-cli processes syncing through one shared file at the same moment (issue 9
// part 5): real SQLite file locks on a rollback journal, busy timeouts and retries. Five times:
// both PCs make changes (some to the same events), both start `sync --shared-file` together and
// both must succeed; two more simultaneous rounds and the PCs hold what the hub holds, every op
// once. The first time the shared file does not exist yet, so both race to create it.

#include "synctestsupport.h"
#include "testenvironment.h"

#include "store/changewriter.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "sync/syncprotocol.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace Humas;

class TestSyncTwoProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void simultaneousRounds();

private:
    bool change(const QString &path, const QString &actor, int iteration, QRandomGenerator &rng, QString *error);
};

bool TestSyncTwoProcesses::change(const QString &path, const QString &actor, int iteration, QRandomGenerator &rng,
                                  QString *error)
{
    Database db(actor);
    if (!db.open(path, error))
        return false;
    Transaction tx(db, error);
    const int inserts = 50 + int(rng.bounded(250));
    for (int i = 0; i < inserts; ++i) {
        if (!db.writer().insert(actor, "events",
                                {{"title", QString("%1 it%2 #%3").arg(actor).arg(iteration).arg(i)},
                                 {"starts_at", "2026-11-24T01:00:00Z"},
                                 {"ends_at", "2026-11-24T02:00:00Z"}},
                                nullptr, error))
            return false;
    }
    // Edits of events both PCs know: same rows, sometimes the same field.
    QSqlQuery q(db.connection());
    q.exec("SELECT id FROM events WHERE deleted = 0 ORDER BY id LIMIT 20");
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    for (const QString &id : ids) {
        const QString field = rng.bounded(2) ? "notes" : "staff";
        if (!db.writer().update(actor, "events", id, {{field, QString("%1 %2").arg(actor).arg(rng.bounded(3))}}, error))
            return false;
    }
    return tx.commit(error);
}

void TestSyncTwoProcesses::simultaneousRounds()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString a = dir.filePath("a.sqlite"), b = dir.filePath("b.sqlite"), hub = dir.filePath("shared.sqlite");
    QString error;
    for (const QString &path : {a, b}) {
        Database db;
        QVERIFY2(db.open(path, &error), qPrintable(error));
    }
    QRandomGenerator rng(42);
    static const QRegularExpression summary("^pushed \\d+, pulled \\d+, conflicts \\d+$");
    for (int iteration = 0; iteration < 5; ++iteration) {
        QVERIFY2(change(a, "pc-a", iteration, rng, &error), qPrintable(error));
        QVERIFY2(change(b, "pc-b", iteration, rng, &error), qPrintable(error));
        for (int round = 0; round < 3; ++round) {
            QProcess pa, pb;
            for (QProcess *p : {&pa, &pb}) {
                p->setProgram(HUMAS_CLI_PATH);
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.remove("HUMAS_SYNC_KILL_AT");
                p->setProcessEnvironment(env);
            }
            pa.setArguments({"--lang", "en", "--db", a, "sync", "--shared-file", hub});
            pb.setArguments({"--lang", "en", "--db", b, "sync", "--shared-file", hub});
            pa.start();
            pb.start();
            pa.waitForFinished(-1);
            pb.waitForFinished(-1);
            for (QProcess *p : {&pa, &pb}) {
                const QString out = QString::fromUtf8(p->readAllStandardOutput()).trimmed();
                const QString err = QString::fromUtf8(p->readAllStandardError()).trimmed();
                const QString where = QString("iteration %1 round %2 %3: exit %4, %5 / %6")
                                          .arg(iteration).arg(round).arg(p->arguments().at(3))
                                          .arg(p->exitCode()).arg(out, err);
                QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(where));
                QVERIFY2(summary.match(out.split('\n').constLast()).hasMatch(), qPrintable(where));
            }
        }
        // Converged: both PCs hold what the hub holds; every op once; nothing waits.
        Database da("check-a"), db("check-b"), dh("check-hub");
        QVERIFY2(da.open(a, &error) && db.open(b, &error), qPrintable(error));
        QVERIFY2(dh.open(hub, &error, Database::Journal::Rollback), qPrintable(error));
        QCOMPARE(SyncEngine::waitingCount(da), 0);
        QCOMPARE(SyncEngine::waitingCount(db), 0);
        const QStringList tables = SyncProtocol::syncedTables();
        const QString hubHash = SyncTest::tableHash(dh.connection(), tables);
        QCOMPARE(SyncTest::tableHash(da.connection(), tables), hubHash);
        QCOMPARE(SyncTest::tableHash(db.connection(), tables), hubHash);
        QSet<QString> ops;
        for (Database *d : {&da, &db}) {
            QSqlQuery q(d->connection());
            q.exec("SELECT op_id FROM outbox");
            while (q.next())
                ops.insert(q.value(0).toString());
        }
        QCOMPARE(SyncTest::scalar(dh.connection(), "SELECT count(*) FROM hub_ops").toInt(), int(ops.size()));
        QCOMPARE(SyncTest::scalar(dh.connection(), "SELECT count(*) FROM hub_meta").toInt(), 1);
    }
    for (const QString &path : {a, b, hub})
        QCOMPARE(SyncTest::integrityCheck(path), QString("ok"));
}

QTEST_GUILESS_MAIN(TestSyncTwoProcesses)
#include "tst_synctwoprocesses.moc"
