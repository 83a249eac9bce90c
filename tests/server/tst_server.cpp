// The real humasdesk-server process on 127.0.0.1 with --port 0: the command line, health, JSON
// errors, the size limits that hold before a body is read, and a graceful stop on SIGTERM.
#include "store/database.h"
#include "sync/hubstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TstServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void printsListeningLineWithFreePort();
    void healthAnswersWithoutToken();
    void otherEndpointsRefuseWithoutToken();
    void unknownRouteIs404();
    void oversizedBodyRefusedBeforeItIsSent();
    void headersOver16KiBAre431();
    void urlOver8KiBIs414();
    void postWithoutLengthIs411();
    void sigtermStopsCleanly();
    void servesHttpsWithTlsCertAndKey();
    void refusesAKeyThatDoesNotMatchTheCertificate();
    void userAddReachesTheHubFeed();
    void usageErrorsExit2_data();
    void usageErrorsExit2();

private:
    /** One raw HTTP exchange; returns the status line's code and the body. */
    int exchange(const QByteArray &request, QByteArray *body = nullptr);

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
};

void TstServer::init()
{
    QVERIFY(m_dir.isValid());
    m_server.setProgram(QStringLiteral(HUMAS_SERVER_PATH));
    m_server.setArguments({"--data", m_dir.filePath("data"), "--listen", "127.0.0.1", "--port", "0"});
    m_server.start();
    QVERIFY(m_server.waitForStarted());
    QByteArray out;
    while (!out.contains('\n')) {
        QVERIFY2(m_server.waitForReadyRead(30000), "the server printed no listening line");
        out += m_server.readAllStandardOutput();
    }
    const QByteArray line = out.left(out.indexOf('\n'));
    QVERIFY2(line.startsWith("listening on 127.0.0.1:"), line.constData());
    m_port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    QVERIFY(m_port > 0);
}

void TstServer::cleanup()
{
    if (m_server.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_server.processId()), SIGTERM);
        QVERIFY(m_server.waitForFinished(30000));
    }
}

int TstServer::exchange(const QByteArray &request, QByteArray *body)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(10000))
        return -1;
    socket.write(request);
    socket.waitForBytesWritten(10000);
    QByteArray reply;
    // Read until the whole reply (headers + Content-Length bytes) is there or the server closes.
    while (true) {
        const int headerEnd = reply.indexOf("\r\n\r\n");
        if (headerEnd >= 0) {
            const QByteArray headers = reply.left(headerEnd).toLower();
            const int at = headers.indexOf("content-length:");
            const int length = at < 0 ? 0 : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toInt();
            if (reply.size() >= headerEnd + 4 + length) {
                if (body)
                    *body = reply.mid(headerEnd + 4, length);
                break;
            }
        }
        if (!socket.waitForReadyRead(10000))
            break;
        reply += socket.readAll();
    }
    if (!reply.startsWith("HTTP/1.1 "))
        return 0;
    return reply.mid(9, 3).toInt();
}

void TstServer::printsListeningLineWithFreePort()
{
    QVERIFY(m_port != 8443); // --port 0 picked a free one and printed it
}

void TstServer::healthAnswersWithoutToken()
{
    QByteArray body;
    QCOMPARE(exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n", &body), 200);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QCOMPARE(o.value("status").toString(), QString("ok"));
    QVERIFY(o.value("schema").toInt() > 0);
}

void TstServer::otherEndpointsRefuseWithoutToken()
{
    const QList<QByteArray> requests = {
        "GET /api/v1/hello?site=A HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/v1/changes?cursor=0 HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "POST /api/v1/blobs/missing HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}",
        "GET /api/v1/blobs/00 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer forged\r\n\r\n",
    };
    for (const QByteArray &request : requests) {
        QByteArray body;
        QCOMPARE(exchange(request, &body), 401);
        const QJsonObject error = QJsonDocument::fromJson(body).object().value("error").toObject();
        QCOMPARE(error.value("code").toString(), QString("unauthorized"));
        QVERIFY(!error.value("message").toString().isEmpty());
    }
}

void TstServer::unknownRouteIs404()
{
    QByteArray body;
    QCOMPARE(exchange("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n", &body), 404);
    QCOMPARE(QJsonDocument::fromJson(body).object().value("error").toObject().value("code").toString(),
             QString("not_found"));
}

void TstServer::oversizedBodyRefusedBeforeItIsSent()
{
    // Only the headers go out: the 413 must come back without the server waiting for the body.
    QByteArray body;
    QCOMPARE(exchange("POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: 4194305\r\n\r\n",
                      &body),
             413);
    QCOMPARE(QJsonDocument::fromJson(body).object().value("error").toObject().value("code").toString(),
             QString("too_large"));
}

void TstServer::headersOver16KiBAre431()
{
    const QByteArray big(17 * 1024, 'a');
    QCOMPARE(exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + big + "\r\n\r\n"), 431);
    // Past the 64 KiB a connection may use, libmicrohttpd refuses by itself, also with 431.
    const QByteArray huge(70 * 1024, 'a');
    QCOMPARE(exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + huge + "\r\n\r\n"), 431);
    const QByteArray fits(15 * 1024, 'a');
    QCOMPARE(exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Filler: " + fits + "\r\n\r\n"), 200);
}

void TstServer::urlOver8KiBIs414()
{
    const QByteArray longPath = "/api/v1/changes?cursor=" + QByteArray(8 * 1024 + 1, '0');
    QCOMPARE(exchange("GET " + longPath + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
}

void TstServer::postWithoutLengthIs411()
{
    QCOMPARE(exchange("POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n"), 411);
}

void TstServer::sigtermStopsCleanly()
{
    QCOMPARE(exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"), 200);
    ::kill(pid_t(m_server.processId()), SIGTERM);
    QVERIFY(m_server.waitForFinished(30000));
    QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_server.exitCode(), 0);
    // The requests were logged, one line each, without bodies.
    const QByteArray log = m_server.readAllStandardError();
    QVERIFY2(log.contains(" GET /api/v1/health 200 "), log.constData());
}

namespace {
/** Starts a second server with extra arguments; returns its port or 0 (with its output in @p out). */
quint16 startServer(QProcess *p, const QStringList &args, QByteArray *out)
{
    p->setProgram(QStringLiteral(HUMAS_SERVER_PATH));
    p->setArguments(args);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start();
    if (!p->waitForStarted())
        return 0;
    while (!out->contains('\n')) {
        if (!p->waitForReadyRead(30000))
            return 0;
        *out += p->readAll();
    }
    const QByteArray line = out->left(out->indexOf('\n'));
    if (!line.startsWith("listening on "))
        return 0;
    return quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
}
} // namespace

void TstServer::servesHttpsWithTlsCertAndKey()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here to act as the client");
    const QString data = QStringLiteral(HUMAS_TEST_DATA_DIR);
    QProcess tls;
    QByteArray out;
    const quint16 port = startServer(&tls,
                                     {"--data", m_dir.filePath("tls"), "--port", "0", "--tls-cert",
                                      data + "/test-tls.crt", "--tls-key", data + "/test-tls.key"},
                                     &out);
    QVERIFY2(port > 0, out.constData());
    QSslSocket socket;
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(data + "/test-tls.crt"));
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(socket.waitForEncrypted(30000), qPrintable(socket.errorString()));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (socket.waitForReadyRead(30000))
        reply += socket.readAll();
    reply += socket.readAll();
    QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.constData());
    QVERIFY(reply.contains("\"status\":\"ok\""));
    // Plain HTTP to the HTTPS port gets no HTTP answer.
    QTcpSocket plain;
    plain.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY(plain.waitForConnected(10000));
    plain.write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray plainReply;
    while (plain.waitForReadyRead(10000))
        plainReply += plain.readAll();
    QVERIFY(!plainReply.startsWith("HTTP/1.1 200"));
    ::kill(pid_t(tls.processId()), SIGTERM);
    QVERIFY(tls.waitForFinished(30000));
    QCOMPARE(tls.exitCode(), 0);
}

void TstServer::refusesAKeyThatDoesNotMatchTheCertificate()
{
    const QString data = QStringLiteral(HUMAS_TEST_DATA_DIR);
    QProcess p;
    p.start(QStringLiteral(HUMAS_SERVER_PATH), {"--data", m_dir.filePath("tls2"), "--port", "0", "--tls-cert",
                                                data + "/test-tls.crt", "--tls-key", data + "/other-tls.key"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(!p.readAllStandardError().isEmpty());
    // Only one of the two: a usage error.
    p.start(QStringLiteral(HUMAS_SERVER_PATH), {"--data", m_dir.filePath("tls2"), "--tls-cert", data + "/test-tls.crt"});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
}

void TstServer::userAddReachesTheHubFeed()
{
    // The serving process is stopped first: user commands open the hub themselves.
    ::kill(pid_t(m_server.processId()), SIGTERM);
    QVERIFY(m_server.waitForFinished(30000));
    const QString data = m_dir.filePath("data");
    auto run = [&](const QStringList &args, const QByteArray &input, QByteArray *out = nullptr) {
        QProcess p;
        p.start(QStringLiteral(HUMAS_SERVER_PATH), QStringList{"--data", data} + args);
        p.write(input);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitCode();
    };
    const QStringList add = {"user", "add", "--username", "protokol1", "--role", "protokol", "--password-stdin"};
    QCOMPARE(run(add, "kata-sandi-panjang\n"), 0);
    QCOMPARE(run(add, "kata-sandi-panjang\n"), 1); // the name is taken
    QCOMPARE(run({"user", "add", "--username", "x1", "--role", "admin"}, ""), 2); // no --password-stdin
    QCOMPARE(run({"user", "add", "--username", "opd1", "--role", "opd", "--password-stdin"}, "kata-sandi-panjang\n"), 2);
    QByteArray listed;
    QCOMPARE(run({"user", "list"}, "", &listed), 0);
    QVERIFY(listed.contains("protokol1"));
    QVERIFY(!listed.contains("pbkdf2") && !listed.contains("$"));

    // The user is a hub change with a seq, so PCs pull it like any other row.
    Humas::Database db(QStringLiteral("tst-server-hub"));
    QString error;
    QVERIFY2(db.open(data + "/hub.sqlite", &error), qPrintable(error));
    Humas::HubStore hub(db);
    Humas::PullReply page;
    QVERIFY2(hub.changes(QStringLiteral("0"), 100, &page, &error), qPrintable(error));
    int users = 0;
    for (const Humas::PulledRow &row : page.rows) {
        if (row.entity == QLatin1String("users")) {
            ++users;
            QCOMPARE(row.values.value("username").toString(), QString("protokol1"));
            QVERIFY(row.seq > 0);
        }
    }
    QCOMPARE(users, 1);
}

void TstServer::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no data") << QStringList{"--port", "0"};
    QTest::newRow("bad port") << QStringList{"--data", "d", "--port", "70000"};
    QTest::newRow("unknown option") << QStringList{"--data", "d", "--verbose"};
    QTest::newRow("database not postgresql") << QStringList{"--data", "d", "--database", "mysql://localhost/hub"};
}

void TstServer::usageErrorsExit2()
{
    QFETCH(QStringList, arguments);
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(QStringLiteral(HUMAS_SERVER_PATH), arguments);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(!p.readAllStandardError().isEmpty());
    QVERIFY(p.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TstServer)
#include "tst_server.moc"
