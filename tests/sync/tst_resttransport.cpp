// RestTransport against a small HTTP server in the test (QTcpServer on 127.0.0.1, port 0) that
// answers from a real HubStore and injects faults: dropped connections, lost replies, 503 with
// Retry-After, 401, 426, 409, malformed JSON, a hung reply, connection refused. Retry pauses are
// recorded by an injected wait, so nothing here sleeps.
#include "fakehubserver.h"
#include "mockclock.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/restclient.h"
#include "sync/resttransport.h"
#include "sync/syncengine.h"
#include "sync/syncsettings.h"
#include "synctestsupport.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>
#include <QtTest>

#include <functional>
#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

using namespace HumasTest;

namespace {

const QString Token = FakeToken;

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return "<none>";
    return q.value(0).toString();
}

} // namespace

class TestRestTransport : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;
    std::unique_ptr<TestDatabase> m_hubDb, m_a, m_b;
    std::unique_ptr<HubStore> m_hub;
    std::unique_ptr<FakeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QList<int> m_waits;

    RestClient::RetryPolicy policy(int attempts = 4)
    {
        RestClient::RetryPolicy p;
        p.attempts = attempts;
        p.firstDelayMs = 100;
        p.maxDelayMs = 30000;
        p.wait = [this](int ms) { m_waits << ms; };
        return p;
    }
    std::unique_ptr<RestTransport> transport(const QString &token = Token, int attempts = 4)
    {
        auto t = std::make_unique<RestTransport>(m_nam.get(), m_server->url(), token);
        t->setRetryPolicy(policy(attempts));
        t->setTransferTimeout(20000);
        return t;
    }
    SyncReport sync(TestDatabase &site, RestTransport &t)
    {
        m_clock->advance(1000);
        SyncEngine engine(site.db(), t);
        return engine.round();
    }
    SyncReport sync(TestDatabase &site)
    {
        auto t = transport();
        const SyncReport r = sync(site, *t);
        if (!r.ok)
            qWarning() << "round failed:" << r.error;
        return r;
    }
    int waiting(TestDatabase &site) { return SyncEngine::waitingCount(site.db()); }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init()
    {
        m_clock = std::make_unique<HumasTest::MockClock>();
        m_hubDb = std::make_unique<TestDatabase>();
        m_a = std::make_unique<TestDatabase>();
        m_b = std::make_unique<TestDatabase>();
        QVERIFY(m_hubDb->isOpen() && m_a->isOpen() && m_b->isOpen());
        m_hub = std::make_unique<HubStore>(m_hubDb->db());
        QString error;
        QVERIFY2(m_hub->initialise(&error), qPrintable(error));
        m_server = std::make_unique<FakeServer>(m_hub.get());
        QVERIFY(m_server->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_waits.clear();
    }
    void cleanup()
    {
        m_nam.reset();
        m_server.reset();
        m_hub.reset();
        m_a.reset();
        m_b.reset();
        m_hubDb.reset();
        m_clock.reset();
    }

    void roundTripWithSchemaAndBearerHeaders()
    {
        const QString id = HumasTest::insertEvent(m_a->db(), "Rapat koordinasi");
        QVERIFY(!id.isEmpty());
        HumasTest::insertEvent(m_a->db(), "Kunjungan kerja");
        HumasTest::insertEvent(m_a->db(), "Upacara");
        SyncReport r = sync(*m_a);
        QVERIFY(r.ok);
        QCOMPARE(r.pushed, 3);

        auto t = transport();
        SyncEngine engine(m_b->db(), *t);
        QList<QPair<qint64, qint64>> progress;
        engine.setPullProgress([&](qint64 seq, qint64 high) { progress.append({seq, high}); });
        engine.setPageSize(1);
        m_clock->advance(1000);
        r = engine.round();
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.pulled >= 3);
        QCOMPARE(HumasTest::contentHash(m_a->db()), HumasTest::contentHash(m_b->db()));
        QCOMPARE(scalar(m_b->db(), "SELECT title FROM events WHERE id = '" + id + "'"), QString("Rapat koordinasi"));
        // One bar step per page, ending at the hub's high seq.
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.last().first, progress.last().second);
        QVERIFY(progress.first().first < progress.last().first);

        QVERIFY(!m_server->requests.isEmpty());
        for (const FakeRequest &req : std::as_const(m_server->requests)) {
            QCOMPARE(req.headers.value("x-humasdesk-schema"), QByteArray::number(Database::latestSchemaVersion()));
            QCOMPARE(req.headers.value("authorization"), "Bearer " + Token.toLatin1());
        }
        QVERIFY(m_server->count("/api/v1/hello") == 2 && m_server->count("/api/v1/push") == 1);
        QVERIFY(m_waits.isEmpty());
    }

    void droppedConnectionsThenSuccess()
    {
        HumasTest::insertEvent(m_a->db(), "Rapat");
        for (int i = 0; i < 4; ++i)
            m_server->fault("/api/v1/push", act(FakeResponse::Drop));
        auto t = transport(Token, 8);
        const SyncReport r = sync(*m_a, *t);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pushed, 1);
        QCOMPARE(waiting(*m_a), 0);
        QCOMPARE(m_server->count("/api/v1/push"), 5);
        QVERIFY(!m_waits.isEmpty());
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM hub_ops"), QString("1"));
    }

    void lostReplyIsRepeatedWithoutDoubling()
    {
        HumasTest::insertEvent(m_a->db(), "Rapat");
        HumasTest::insertEvent(m_a->db(), "Kunjungan");
        m_server->fault("/api/v1/push", act(FakeResponse::ApplyThenDrop));
        const SyncReport r = sync(*m_a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pushed, 2);
        QCOMPARE(waiting(*m_a), 0);
        QVERIFY(m_server->count("/api/v1/push") >= 2);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM hub_ops"), QString("2"));
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM events"), QString("2"));
    }

    void alwaysDroppedGivesUpPlainlyAndKeepsTheChanges()
    {
        HumasTest::insertEvent(m_a->db(), "Rapat");
        m_server->always("/api/v1/push", act(FakeResponse::Drop));
        auto t = transport(Token, 3);
        const SyncReport r = sync(*m_a, *t);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains("closed the connection"), qPrintable(r.error));
        QVERIFY(r.error.contains(m_server->url().toString()));
        QCOMPARE(m_waits, (QList<int>{100, 200})); // backoff doubles between the three tries
        QCOMPARE(waiting(*m_a), 1);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM hub_ops"), QString("0"));
    }

    void unavailableWithRetryAfter()
    {
        HumasTest::insertEvent(m_a->db(), "Rapat");
        m_server->fault("/api/v1/push", apiError(503, "unavailable", {{"Retry-After", "7"}}));
        SyncReport r = sync(*m_a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(m_waits, QList<int>{7000}); // the server's Retry-After, longer than the backoff
        QCOMPARE(m_server->count("/api/v1/push"), 2);

        // Longer than a round waits: no retry, and the message says when to try again.
        m_waits.clear();
        HumasTest::insertEvent(m_a->db(), "Kunjungan");
        m_server->always("/api/v1/push", apiError(503, "unavailable", {{"Retry-After", "120"}}));
        r = sync(*m_a);
        QVERIFY(!r.ok);
        QVERIFY(m_waits.isEmpty());
        QVERIFY2(r.error.contains("busy") && r.error.contains("120 second"), qPrintable(r.error));
        QCOMPARE(waiting(*m_a), 1);
    }

    void refusedTokenSaysSignInAgain()
    {
        HumasTest::insertEvent(m_a->db(), "Rapat");
        auto t = transport("forged-token");
        const SyncReport r = sync(*m_a, *t);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains("Sign in again"), qPrintable(r.error));
        QVERIFY(!r.error.contains("forged-token"));
        QVERIFY(t->tokenRefused());
        QVERIFY(m_waits.isEmpty()); // a 401 is not retried
        QCOMPARE(waiting(*m_a), 1);
        QCOMPARE(m_server->count("/api/v1/push"), 0);
    }

    void schemaMismatch_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("426 client too old") << 426 << "client_too_old"
                                            << "update HumasDesk on this PC";
        QTest::newRow("409 server too old") << 409 << "server_too_old"
                                            << "update the server";
    }
    void schemaMismatch()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, expected);
        HumasTest::insertEvent(m_a->db(), "Rapat");
        m_server->always("/api/v1/hello", apiError(status, code));
        const SyncReport r = sync(*m_a);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QCOMPARE(m_server->count("/api/v1/push"), 0); // nothing is sent after a refused hello
        QCOMPARE(waiting(*m_a), 1);
        QVERIFY(m_waits.isEmpty());
    }

    void malformedAnswerChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("changes: not JSON") << QByteArray("/api/v1/changes") << QByteArray("{\"rows\": [");
        QTest::newRow("changes: rows not a list")
            << QByteArray("/api/v1/changes") << QByteArray("{\"rows\": 5, \"next_cursor\": \"x\"}");
        QTest::newRow("changes: bad cursor")
            << QByteArray("/api/v1/changes") << QByteArray("{\"rows\": [], \"next_cursor\": \"a.b\"}");
        QTest::newRow("push: HTML") << QByteArray("/api/v1/push") << QByteArray("<html>proxy error</html>");
        QTest::newRow("push: no results") << QByteArray("/api/v1/push") << QByteArray("{\"acked_through\": 3}");
        QTest::newRow("hello: array") << QByteArray("/api/v1/hello") << QByteArray("[1, 2]");
    }
    void malformedAnswerChangesNothing()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        // B has seen the hub once; the hub has news for B.
        HumasTest::insertEvent(m_a->db(), "Rapat");
        QVERIFY(sync(*m_a).ok);
        QVERIFY(sync(*m_b).ok);
        HumasTest::insertEvent(m_a->db(), "Kunjungan kerja");
        QVERIFY(sync(*m_a).ok);
        if (path == "/api/v1/push" || path == "/api/v1/hello")
            HumasTest::insertEvent(m_b->db(), "Upacara"); // a change of B's own waits to be pushed
        const QString hashBefore = HumasTest::contentHash(m_b->db());
        const QString cursorBefore = m_b->db().meta("sync.cursor");
        const int waitingBefore = waiting(*m_b);
        m_server->always(path, raw(200, body));
        const SyncReport r = sync(*m_b);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains("cannot read") && r.error.contains("nothing was changed"), qPrintable(r.error));
        QCOMPARE(HumasTest::contentHash(m_b->db()), hashBefore);
        QCOMPARE(m_b->db().meta("sync.cursor"), cursorBefore);
        QCOMPARE(waiting(*m_b), waitingBefore);
        QVERIFY(m_waits.isEmpty());
    }

    void hungServerTimesOut()
    {
        m_server->always("/api/v1/hello", act(FakeResponse::Hang));
        auto t = transport(Token, 1);
        t->setTransferTimeout(200);
        HelloReply hello;
        QString error;
        QVERIFY(!t->hello("site-a", &hello, &error));
        QVERIFY2(error.contains("did not answer in time"), qPrintable(error));
    }

    void refusedConnectionThenTheServerStarts()
    {
        const quint16 port = m_server->port();
        const QUrl url = m_server->url();
        m_server->close(); // nothing listens there now: connection refused
        QString error;
        RestClient::RetryPolicy p = policy(3);
        p.wait = [&](int ms) {
            m_waits << ms;
            if (m_waits.size() == 1)
                QVERIFY(m_server->listen(port));
        };
        int schema = 0;
        QVERIFY2(RestTransport::checkHealth(m_nam.get(), url, &schema, &error, p), qPrintable(error));
        QCOMPARE(schema, Database::latestSchemaVersion());
        QCOMPARE(m_waits, QList<int>{100});

        m_server->close();
        m_waits.clear();
        QVERIFY(!RestTransport::checkHealth(m_nam.get(), url, &schema, &error, policy(2)));
        QVERIFY2(error.contains("refused the connection"), qPrintable(error));
        QCOMPARE(m_waits, QList<int>{100});
    }

    void signInAndOut()
    {
        RestTransport::Session session;
        QString error;
        QVERIFY(
            !RestTransport::login(m_nam.get(), m_server->url(), "ani", "salah", "site-a", &session, &error, policy()));
        QVERIFY2(error.contains("password is wrong"), qPrintable(error));
        QVERIFY(!error.contains("salah"));
        QVERIFY(session.token.isEmpty());

        QVERIFY2(RestTransport::login(m_nam.get(), m_server->url(), "ani", "rahasia123", "site-a", &session, &error,
                                      policy()),
                 qPrintable(error));
        QCOMPARE(session.token, Token);
        QCOMPARE(session.username, QString("ani"));
        QCOMPARE(session.displayName, QString("Ani"));
        QCOMPARE(session.role, QString("protokol"));
        QCOMPARE(session.expiresAt, QDateTime(QDate(2026, 12, 23), QTime(0, 0), Qt::UTC));
        const FakeRequest &login = m_server->requests.last();
        QCOMPARE(login.path, QByteArray("/api/v1/auth/login"));
        QVERIFY(!login.headers.contains("authorization"));
        QCOMPARE(QJsonDocument::fromJson(login.body).object().value("site").toString(), QString("site-a"));

        QVERIFY2(RestTransport::logout(m_nam.get(), m_server->url(), Token, &error, policy()), qPrintable(error));
        QVERIFY(m_server->revoked.contains(Token));
        // Signing out a token the server no longer knows is done, too.
        QVERIFY(RestTransport::logout(m_nam.get(), m_server->url(), Token, &error, policy()));
    }

    void throttledSignInSaysWhen()
    {
        m_server->always("/api/v1/auth/login", apiError(429, "too_many_attempts", {{"Retry-After", "600"}}));
        RestTransport::Session session;
        QString error;
        QVERIFY(!RestTransport::login(m_nam.get(), m_server->url(), "ani", "rahasia123", "site-a", &session, &error,
                                      policy()));
        QVERIFY2(error.contains("try again in 10 minute"), qPrintable(error));
        QVERIFY(m_waits.isEmpty());
    }

    void pushSplitBelowTheBodyLimit()
    {
        for (int i = 0; i < 12; ++i)
            HumasTest::insertEvent(m_a->db(), QString("Acara %1").arg(i));
        m_server->limits.insert("max_body", 4000);
        const SyncReport r = sync(*m_a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pushed, 12);
        QVERIFY(m_server->count("/api/v1/push") > 1);
        for (const FakeRequest &req : std::as_const(m_server->requests))
            QVERIFY(req.body.size() <= 4000);
        QCOMPARE(scalar(m_hubDb->db(), "SELECT count(*) FROM hub_ops"), QString("12"));
    }

    void blobsMissingPutGet()
    {
        auto t = transport();
        const QByteArray data = "undangan rapat";
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QStringList missing;
        QString error;
        QVERIFY2(t->missingBlobs({sha}, &missing, &error), qPrintable(error));
        QCOMPARE(missing, QStringList{sha});
        QVERIFY2(t->putBlob(sha, data, "application/pdf", &error), qPrintable(error));
        QVERIFY(t->missingBlobs({sha}, &missing, &error));
        QVERIFY(missing.isEmpty());
        QByteArray back;
        QString mime;
        QVERIFY2(t->getBlob(sha, &back, &mime, &error), qPrintable(error));
        QCOMPARE(back, data);
        const QString other = QString(64, QLatin1Char('a'));
        QVERIFY(!t->getBlob(other, &back, &mime, &error));
        QVERIFY2(error.contains("does not have the attachment"), qPrintable(error));
        QVERIFY(!t->putBlob(other, data, "application/pdf", &error)); // the hash does not match the body
        QVERIFY2(error.contains("damaged"), qPrintable(error));
    }

    void baseUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("https with port") << "https://humas.example:8443"
                                         << "https://humas.example:8443";
        QTest::newRow("trailing slash") << " http://10.0.0.5:8443/ "
                                        << "http://10.0.0.5:8443";
        QTest::newRow("api path dropped") << "https://humas.example/api/v1/"
                                          << "https://humas.example";
        QTest::newRow("proxy prefix kept") << "https://pemda.example/humas"
                                           << "https://pemda.example/humas";
        QTest::newRow("no scheme") << "humas.example:8443"
                                   << "";
        QTest::newRow("ftp") << "ftp://humas.example"
                             << "";
        QTest::newRow("user info") << "https://ani:rahasia@humas.example"
                                   << "";
        QTest::newRow("query") << "https://humas.example/?a=b"
                               << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void baseUrls()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QUrl url;
        QString error;
        const bool ok = RestClient::parseBaseUrl(text, &url, &error);
        QCOMPARE(ok, !expected.isEmpty());
        if (ok)
            QCOMPARE(url.toString(), expected);
        else
            QVERIFY(!error.isEmpty() && !error.contains("rahasia"));
    }

    void backoffDoublesUpToTheMaximum()
    {
        RestClient::RetryPolicy p;
        p.firstDelayMs = 1000;
        p.maxDelayMs = 5000;
        QCOMPARE(p.delayBefore(1), 1000);
        QCOMPARE(p.delayBefore(2), 2000);
        QCOMPARE(p.delayBefore(3), 4000);
        QCOMPARE(p.delayBefore(4), 5000);
        QCOMPARE(p.delayBefore(30), 5000);
    }

    void settingsKeepTheSignInPerPc()
    {
        SyncSettings settings(m_a->db());
        QCOMPARE(settings.transport(), SyncSettings::Transport::None);
        QVERIFY(settings.setTransport(SyncSettings::Transport::Server));
        QCOMPARE(settings.transport(), SyncSettings::Transport::Server);
        QCOMPARE(SyncSettings::transportCode(SyncSettings::Transport::Server), QString("server"));
        const QString url = "https://humas.example:8443";
        QVERIFY(!settings.hasValidToken(url));
        SyncSettings::ServerSignIn s{url, "ani", Token, m_clock->nowUtc().addDays(30)};
        QVERIFY(settings.storeSignIn(s));
        QCOMPARE(settings.serverUrl(), url);
        QVERIFY(settings.hasValidToken(url));
        QVERIFY(settings.hasValidToken(url, "ani"));
        QVERIFY(!settings.hasValidToken(url, "budi"));
        QVERIFY(!settings.hasValidToken("https://other.example"));
        QCOMPARE(settings.serverSignIn().expiresAt, s.expiresAt);
        m_clock->advance(31LL * 24 * 3600 * 1000);
        QVERIFY(!settings.hasValidToken(url, "ani")); // expired
        QVERIFY(settings.forgetToken());
        QVERIFY(settings.serverSignIn().token.isEmpty());
        QCOMPARE(settings.serverSignIn().username, QString("ani")); // kept for the next sign-in
        // The sign-in never travels: meta is not a synced table.
        QVERIFY(!SyncProtocol::syncedTables().contains("meta"));
    }
};

QTEST_GUILESS_MAIN(TestRestTransport)
#include "tst_resttransport.moc"
