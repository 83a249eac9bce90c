// humasdesk-cli sync, sync status, sync conflicts, sync resolve; and two real processes
// syncing through one shared file at the same time (real file locks, no fakes).
#include "clitestsupport.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "synctestsupport.h"
#include "testenvironment.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using CliTest::CliResult;
using CliTest::runCli;

namespace {

QString lastLine(const QString &text)
{
    return text.trimmed().split('\n').last();
}

/** Opens @p path in this process, runs @p write, closes it again (so only the CLI holds it afterwards). */
template<typename F>
bool withDatabase(const QString &path, F &&write)
{
    Humas::Database db;
    QString error;
    if (!db.open(path, &error)) {
        qWarning() << error;
        return false;
    }
    const bool ok = write(db);
    db.close();
    return ok;
}

QString hashOf(const QString &path)
{
    QString hash;
    withDatabase(path, [&](Humas::Database &db) {
        hash = HumasTest::contentHash(db);
        return true;
    });
    return hash;
}

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_a, m_b, m_hub;

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init()
    {
        const QString tag = QTest::currentTestFunction();
        m_a = m_dir.filePath(tag + "-a.sqlite");
        m_b = m_dir.filePath(tag + "-b.sqlite");
        m_hub = m_dir.filePath(tag + "-hub.humasdesk");
        CLI_EXPECT(runCli({"--db", m_a, "init"}), 0);
        CLI_EXPECT(runCli({"--db", m_b, "init"}), 0);
    }

    void roundStatusConflictsResolve()
    {
        QString id;
        QVERIFY(withDatabase(m_a, [&](Humas::Database &db) { return !(id = HumasTest::insertEvent(db, "Rapat")).isEmpty(); }));
        CliResult r = runCli({"--db", m_a, "sync", "--shared-file", m_hub});
        CLI_EXPECT(r, 0);
        QVERIFY2(lastLine(r.out).startsWith("pushed ") && lastLine(r.out).endsWith(", conflicts 0"), qPrintable(r.out));
        // The path is remembered: the next round needs no option.
        r = runCli({"--db", m_a, "sync"});
        CLI_EXPECT(r, 0);
        QCOMPARE(lastLine(r.out), QString("pushed 0, pulled 0, conflicts 0"));
        // B has no shared file configured yet.
        r = runCli({"--db", m_b, "sync"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
        r = runCli({"--db", m_b, "sync", "--shared-file", m_hub});
        CLI_EXPECT(r, 0);
        QVERIFY2(lastLine(r.out).contains(", pulled "), qPrintable(r.out));

        // The same field changed on both PCs.
        QString error;
        QVERIFY(withDatabase(m_a, [&](Humas::Database &db) {
            return db.writer().update(QString(), "events", id, {{"title", "Judul A"}}, &error);
        }));
        QVERIFY(withDatabase(m_b, [&](Humas::Database &db) {
            return db.writer().update(QString(), "events", id, {{"title", "Judul B"}}, &error);
        }));
        CLI_EXPECT(runCli({"--db", m_a, "sync"}), 0);
        r = runCli({"--db", m_b, "sync"});
        CLI_EXPECT(r, 0);
        QCOMPARE(lastLine(r.out), QString("pushed 1, pulled 2, conflicts 1"));

        r = runCli({"--db", m_b, "sync", "status", "--json"});
        CLI_EXPECT(r, 0);
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(status.value("waiting").toInt(), 0);
        QCOMPARE(status.value("open_conflicts").toInt(), 1);
        QCOMPARE(status.value("last_result").toString(), QString("ok"));
        QVERIFY(!status.value("hub").toString().isEmpty());
        QVERIFY(status.value("cursor").toString().startsWith(status.value("hub").toString()));
        r = runCli({"--db", m_b, "sync", "status"});
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains("Local changes waiting: 0"));

        r = runCli({"--db", m_b, "sync", "conflicts", "--json"});
        CLI_EXPECT(r, 0);
        const QJsonArray conflicts = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(conflicts.size(), 1);
        const QJsonObject c = conflicts.first().toObject();
        QCOMPARE(c.value("entity").toString(), QString("events"));
        QCOMPARE(c.value("row").toString(), id);
        QCOMPARE(c.value("field").toString(), QString("title"));
        QCOMPARE(c.value("mine").toString(), QString("Judul B"));
        QCOMPARE(c.value("theirs").toString(), QString("Judul A"));
        const QString conflictId = c.value("id").toString();
        r = runCli({"--db", m_b, "sync", "conflicts"});
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.startsWith(conflictId + "\tevents\t" + id + "\ttitle\tJudul B\tJudul A"));

        // Refusals change nothing.
        QCOMPARE(runCli({"--db", m_b, "sync", "resolve", conflictId}).exitCode, 1);
        QCOMPARE(runCli({"--db", m_b, "sync", "resolve", conflictId, "--take", "both"}).exitCode, 1);
        QCOMPARE(runCli({"--db", m_b, "sync", "resolve", conflictId, "--take", "mine", "--value", "x"}).exitCode, 1);
        QCOMPARE(runCli({"--db", m_b, "sync", "resolve", "no-such-id", "--take", "mine"}).exitCode, 3);
        QCOMPARE(runCli({"--db", m_b, "sync", "bogus"}).exitCode, 1);

        CLI_EXPECT(runCli({"--db", m_b, "sync", "resolve", conflictId, "--value", "Judul bersama"}), 0);
        r = runCli({"--db", m_b, "sync", "conflicts", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
        CLI_EXPECT(runCli({"--db", m_b, "sync"}), 0);
        CLI_EXPECT(runCli({"--db", m_a, "sync"}), 0);
        r = runCli({"--db", m_a, "sync", "conflicts", "--json"});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);
        QCOMPARE(CliTest::rows(m_a, "SELECT title FROM events WHERE id = '" + id + "'").value(0).value(0),
                 QString("Judul bersama"));
        QCOMPARE(hashOf(m_a), hashOf(m_b));
    }

    void twoProcessesAtOnce()
    {
        for (const QString &path : {m_a, m_b}) {
            QVERIFY(withDatabase(path, [&](Humas::Database &db) {
                Humas::Transaction tx(db);
                for (int n = 0; n < 500; ++n)
                    HumasTest::insertEvent(db, QString("Acara %1 %2").arg(path.right(8)).arg(n));
                return tx.commit();
            }));
        }
        // Both start together and meet at the shared file's lock.
        QProcess pa, pb;
        for (QProcess *p : {&pa, &pb})
            p->setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        pa.start(HUMAS_CLI_PATH, {"--lang", "en", "--db", m_a, "sync", "--shared-file", m_hub});
        pb.start(HUMAS_CLI_PATH, {"--lang", "en", "--db", m_b, "sync", "--shared-file", m_hub});
        QVERIFY(pa.waitForFinished(-1));
        QVERIFY(pb.waitForFinished(-1));
        QCOMPARE(pa.exitStatus(), QProcess::NormalExit);
        QCOMPARE(pb.exitStatus(), QProcess::NormalExit);
        const QString outA = QString::fromUtf8(pa.readAllStandardOutput());
        const QString outB = QString::fromUtf8(pb.readAllStandardOutput());
        QVERIFY2(pa.exitCode() == 0, qPrintable(QString::fromUtf8(pa.readAllStandardError())));
        QVERIFY2(pb.exitCode() == 0, qPrintable(QString::fromUtf8(pb.readAllStandardError())));
        QVERIFY2(lastLine(outA).startsWith("pushed 500, "), qPrintable(outA));
        QVERIFY2(lastLine(outB).startsWith("pushed 500, "), qPrintable(outB));
        CLI_EXPECT(runCli({"--db", m_a, "sync"}), 0);
        CLI_EXPECT(runCli({"--db", m_b, "sync"}), 0);
        QCOMPARE(CliTest::count(m_a, "events"), 1000);
        QCOMPARE(CliTest::count(m_b, "events"), 1000);
        QCOMPARE(hashOf(m_a), hashOf(m_b));
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
