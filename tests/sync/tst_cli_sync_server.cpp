// humasdesk-cli sync --server against the real humasdesk-server process on 127.0.0.1 with
// --port 0: two client databases converge through it, sign-out revokes, a wrong password is
// refused plainly.
#include "serverprocess.h"
#include "clitestsupport.h"
#include "store/database.h"
#include "synctestsupport.h"
#include "testenvironment.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using CliTest::CliResult;
using CliTest::runCli;

namespace {

QString lastLine(const QString &text)
{
    return text.trimmed().split('\n').last();
}

} // namespace

class TestCliSyncServer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ServerTest::Server> m_server;
    QString m_url;

private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerTest::Server>(m_dir.filePath("server"));
        QVERIFY(m_server->addUser("ani", "admin", "rahasia123"));
        QString why;
        QVERIFY2(m_server->start(&why), qPrintable(why));
        m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_server->port());
    }
    void cleanupTestCase() { m_server.reset(); }

    void twoPcsThroughTheServer()
    {
        const QString a = m_dir.filePath("a.sqlite"), b = m_dir.filePath("b.sqlite");
        CLI_EXPECT(runCli({"--db", a, "init"}), 0);
        CLI_EXPECT(runCli({"--db", b, "init"}), 0);
        QString id;
        {
            Humas::Database db;
            QString error;
            QVERIFY2(db.open(a, &error), qPrintable(error));
            id = HumasTest::insertEvent(db, "Rapat koordinasi server");
            db.close();
        }
        QVERIFY(!id.isEmpty());

        // Not signed in and no password: a usage message, nothing sent.
        CliResult r = runCli({"--db", a, "sync", "--server", m_url});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not signed in"), qPrintable(r.err));

        // A wrong password: a plain message, a non-zero exit, no token stored.
        r = runCli({"--db", a, "sync", "--server", m_url, "--user", "ani", "--password-stdin"}, "salah\n");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("password is wrong"), qPrintable(r.err));
        QVERIFY(!r.err.contains("salah"));

        r = runCli({"--db", a, "sync", "--server", m_url, "--user", "ani", "--password-stdin"}, "rahasia123\n");
        CLI_EXPECT(r, 0);
        QVERIFY2(lastLine(r.out).startsWith("pushed ") && lastLine(r.out).endsWith(", conflicts 0"), qPrintable(r.out));
        QVERIFY(!lastLine(r.out).startsWith("pushed 0,"));
        // Later rounds use the stored token: no password needed.
        r = runCli({"--db", a, "sync", "--server", m_url});
        CLI_EXPECT(r, 0);
        QCOMPARE(lastLine(r.out), QString("pushed 0, pulled 0, conflicts 0"));
        r = runCli({"--db", a, "sync"});
        CLI_EXPECT(r, 0);
        r = runCli({"--db", a, "sync", "status", "--json"});
        CLI_EXPECT(r, 0);
        QVERIFY(r.out.contains("\"signed_in\": true"));
        QVERIFY(r.out.contains("\"transport\": \"server\""));

        r = runCli({"--db", b, "sync", "--server", m_url, "--user", "ani", "--password-stdin"}, "rahasia123\n");
        CLI_EXPECT(r, 0);
        QVERIFY2(lastLine(r.out).contains(", pulled "), qPrintable(r.out));
        QCOMPARE(CliTest::rows(b, "SELECT title FROM events WHERE id = '" + id + "'").value(0).value(0),
                 QString("Rapat koordinasi server"));

        // Sign out: revoked at the server, forgotten here; the next round needs a sign-in.
        r = runCli({"--db", b, "sync", "logout"});
        CLI_EXPECT(r, 0);
        QVERIFY2(r.out.contains("Signed out"), qPrintable(r.out));
        r = runCli({"--db", b, "sync"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("not signed in") || r.err.contains("no valid sign-in"), qPrintable(r.err));
        CLI_EXPECT(runCli({"--db", b, "sync", "logout"}), 0); // nothing left: still fine
    }
};

QTEST_GUILESS_MAIN(TestCliSyncServer)
#include "tst_cli_sync_server.moc"
