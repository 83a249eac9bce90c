// Limits of humasdesk-server under pressure, on the real process (issue 10, "Proof"):
// oversized bodies refused before they are read with flat memory, the 50 MiB blob edge,
// slow clients from 127.0.0.2–5 that do not stop pulls from 127.0.0.1, and a load of 100
// concurrent keep-alive clients (20 pushes of 50 ops and 20 pulls each: 0 errors, every op
// applied once; p50/p95 latency and the server's peak memory are printed, never asserted).
#include "serverprocess.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using ServerTest::Reply;

class TstServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void bodiesOver4MiBAre413BeforeTheyAreRead();
    void blobOf50MiBIsTakenAndOneByteMoreIs413();
    void slowClientsDoNotStopPulls();
    void hundredKeepAliveClients();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerTest::Server> m_server;
    QByteArray m_token;
};

void TstServerLimits::init()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerTest::Server>(m_dir.filePath("data"));
    QVERIFY(m_server->addUser("admin1", "admin", "rahasia-admin"));
    QString why;
    QVERIFY2(m_server->start(&why), qPrintable(why));
    m_token = m_server->login("admin1", "rahasia-admin", "pc-1");
    QVERIFY(!m_token.isEmpty());
}

void TstServerLimits::cleanup()
{
    m_server.reset();
    QDir(m_dir.filePath("data")).removeRecursively();
}

void TstServerLimits::bodiesOver4MiBAre413BeforeTheyAreRead()
{
    const qint64 tooBig = 4 * 1024 * 1024 + 1;
    const QByteArray head = "POST /api/v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token +
                            "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(tooBig) +
                            "\r\n\r\n";
    // Warm up, then measure over 1,000 such requests, each with the first 64 KiB of its body.
    const QByteArray start(64 * 1024, '{');
    QCOMPARE(m_server->send(head + start).status, 413);
    qint64 rssBefore = 0, peakBefore = 0;
    QVERIFY(m_server->memory(&rssBefore, &peakBefore));
    for (int i = 0; i < 1000; ++i) {
        const Reply r = m_server->send(head + start);
        QCOMPARE(r.status, 413);
        if (i == 0)
            QCOMPARE(r.errorCode(), QString("too_large"));
    }
    qint64 rssAfter = 0, peakAfter = 0;
    QVERIFY(m_server->memory(&rssAfter, &peakAfter));
    qInfo("RSS before %lld KiB, after 1000 oversized requests %lld KiB (peak %lld KiB)", rssBefore, rssAfter, peakAfter);
    QVERIFY2(rssAfter - rssBefore < 10 * 1024, "the server's memory grew by 10 MB or more");
    QCOMPARE(m_server->call("GET", "/api/v1/health").status, 200);
}

void TstServerLimits::blobOf50MiBIsTakenAndOneByteMoreIs413()
{
    QByteArray blob(50 * 1024 * 1024, 'a');
    for (int i = 0; i < blob.size(); i += 4096)
        blob[i] = char('a' + (i / 4096) % 26);
    const QByteArray sha = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex();
    Reply r = m_server->call("PUT", "/api/v1/blobs/" + sha, blob, m_token, {{"Content-Type", "application/pdf"}});
    QCOMPARE(r.status, 204);
    r = m_server->call("GET", "/api/v1/blobs/" + sha, {}, m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.size(), blob.size());
    QVERIFY(r.body == blob);

    blob.append('z');
    const QByteArray sha2 = QCryptographicHash::hash(blob, QCryptographicHash::Sha256).toHex();
    // Refused from the header alone: send only the head and the first bytes.
    const QByteArray head = "PUT /api/v1/blobs/" + sha2 + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_token +
                            "\r\nContent-Type: application/pdf\r\nContent-Length: " + QByteArray::number(blob.size()) +
                            "\r\n\r\n";
    r = m_server->send(head + blob.left(1000));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QString("too_large"));
    const QByteArray ask = QJsonDocument(QJsonObject{{"hashes", QJsonArray{QString::fromLatin1(sha2)}}}).toJson();
    QCOMPARE(m_server->call("POST", "/api/v1/blobs/missing", ask, m_token).json().value("missing").toArray().size(), 1);
}

void TstServerLimits::slowClientsDoNotStopPulls()
{
    // 200 clients from 127.0.0.2–5 (50 each, under the limit of 128 per address): half stop in
    // the middle of their headers, half in the middle of a declared body; each sends one more
    // byte after every pull below, so none of them is idle long enough to be dropped.
    std::vector<std::unique_ptr<QTcpSocket>> slow;
    for (int i = 0; i < 200; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QVERIFY(socket->bind(QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i % 4))));
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(socket->waitForConnected(10000));
        if (i % 2 == 0)
            socket->write("GET /api/v1/changes?cursor=0 HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        else
            socket->write("POST /api/v1/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          "Content-Length: 100000\r\nAuthorization: Bearer " + m_token + "\r\n\r\n{\"site\":");
        QVERIFY(socket->waitForBytesWritten(10000));
        slow.push_back(std::move(socket));
    }
    int ok = 0;
    for (int i = 0; i < 500; ++i) {
        if (m_server->call("GET", "/api/v1/changes?cursor=0&limit=10", {}, m_token).status == 200)
            ++ok;
        for (auto &socket : slow) {
            socket->write("a");
            socket->flush();
        }
    }
    QCOMPARE(ok, 500);
}

namespace {

/** One keep-alive client driven by signals: a list of requests sent one after the other. */
class LoadClient : public QObject
{
public:
    LoadClient(quint16 port, QList<QByteArray> requests, std::function<void()> done)
        : m_requests(std::move(requests))
        , m_done(std::move(done))
    {
        connect(&m_socket, &QTcpSocket::connected, this, [this] { sendNext(); });
        connect(&m_socket, &QTcpSocket::readyRead, this, [this] { read(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            if (m_next < m_requests.size() || m_waiting) {
                ++errors;
                qWarning("connection closed after %d of %d requests", m_next, int(m_requests.size()));
                finish();
            }
        });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    }

    int errors = 0;
    qint64 opsApplied = 0;
    QList<qint64> latenciesUs;

private:
    void sendNext()
    {
        if (m_next >= m_requests.size()) {
            finish();
            return;
        }
        m_buffer.clear();
        m_waiting = true;
        m_timer.start();
        m_socket.write(m_requests.at(m_next++));
    }
    void read()
    {
        m_buffer += m_socket.readAll();
        const int end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const Reply head = ServerTest::parse(m_buffer.left(end + 4));
        const int length = head.headers.value("content-length").toInt();
        if (m_buffer.size() < end + 4 + length)
            return;
        latenciesUs.append(m_timer.nsecsElapsed() / 1000);
        m_waiting = false;
        const Reply reply = ServerTest::parse(m_buffer.left(end + 4 + length));
        if (reply.status != 200) {
            ++errors;
            qWarning("status %d: %s", reply.status, reply.body.left(200).constData());
        } else {
            for (const QJsonValue &v : reply.json().value("results").toArray())
                if (v.toObject().value("status").toString() == "applied")
                    ++opsApplied;
        }
        sendNext();
    }
    void finish()
    {
        if (m_finished)
            return;
        m_finished = true;
        m_socket.disconnect(this);
        m_done();
    }

    QTcpSocket m_socket;
    QList<QByteArray> m_requests;
    std::function<void()> m_done;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    int m_next = 0;
    bool m_waiting = false;
    bool m_finished = false;
};

QByteArray keepAlive(const QByteArray &method, const QByteArray &target, const QByteArray &body, const QByteArray &token)
{
    QByteArray r = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n";
    if (method == "POST")
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace

void TstServerLimits::hundredKeepAliveClients()
{
    constexpr int clients = 100;
    constexpr int rounds = 20;
    constexpr int opsPerPush = 50;
    // Every client is its own PC (site) with its own token.
    QList<QByteArray> tokens;
    for (int c = 0; c < clients; ++c) {
        const QByteArray token = m_server->login("admin1", "rahasia-admin", QString("load-%1").arg(c));
        QVERIFY(!token.isEmpty());
        tokens << token;
    }
    QEventLoop loop;
    int running = clients;
    std::vector<std::unique_ptr<LoadClient>> all;
    for (int c = 0; c < clients; ++c) {
        const QString site = QString("load-%1").arg(c);
        QList<QByteArray> requests;
        qint64 outbox = 0;
        for (int r = 0; r < rounds; ++r) {
            QJsonArray ops;
            for (int k = 0; k < opsPerPush; ++k) {
                ++outbox;
                ops.append(ServerTest::kecamatanOp(QString("%1-op-%2").arg(site).arg(outbox),
                                                   QString("%1-row-%2").arg(site).arg(outbox),
                                                   QString("Kecamatan %1 %2").arg(site).arg(outbox), site, outbox));
            }
            requests << keepAlive("POST", "/api/v1/push",
                                  QJsonDocument(QJsonObject{{"site", site}, {"ops", ops}}).toJson(QJsonDocument::Compact),
                                  tokens.at(c));
            requests << keepAlive("GET", "/api/v1/changes?cursor=0&limit=100", {}, tokens.at(c));
        }
        all.push_back(std::make_unique<LoadClient>(m_server->port(), requests, [&] {
            if (--running == 0)
                loop.quit();
        }));
    }
    QElapsedTimer wall;
    wall.start();
    loop.exec();
    const qint64 ms = wall.elapsed();
    int errors = 0;
    qint64 applied = 0;
    QList<qint64> latencies;
    for (const auto &client : all) {
        errors += client->errors;
        applied += client->opsApplied;
        latencies += client->latenciesUs;
    }
    std::sort(latencies.begin(), latencies.end());
    qint64 rss = 0, peak = 0;
    QVERIFY(m_server->memory(&rss, &peak));
    qInfo("%d clients x %d rounds: %lld ms, p50 %lld ms, p95 %lld ms, %lld ops applied, peak RSS %lld KiB", clients,
          rounds, ms, latencies.value(latencies.size() / 2) / 1000, latencies.value(latencies.size() * 95 / 100) / 1000,
          applied, peak);
    QCOMPARE(errors, 0);
    QCOMPARE(applied, qint64(clients) * rounds * opsPerPush);
    // Every op exactly once at the hub: the feed holds one row per op.
    const Reply hello = m_server->call("GET", "/api/v1/hello?site=load-0", {}, tokens.at(0));
    QCOMPARE(hello.json().value("site_last_outbox_seq").toInt(), rounds * opsPerPush);
    // One seq per committed change: the user added in init() and every op once.
    QCOMPARE(hello.json().value("high_seq").toInt(), 1 + clients * rounds * opsPerPush);
    QByteArray out;
    QCOMPARE(m_server->admin({"check"}, {}, &out), 0);
}

QTEST_GUILESS_MAIN(TstServerLimits)
#include "tst_serverlimits.moc"
