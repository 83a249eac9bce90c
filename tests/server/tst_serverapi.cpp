// The endpoints of server/API.md on a real humasdesk-server process (127.0.0.1, --port 0):
// sign-in with tokens and throttling, hello, push, changes, blobs, schema checks, the
// administration commands (user disable, token list|revoke, backup, check) and the log line.
#include "serverprocess.h"

#include "store/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using ServerTest::Reply;

namespace {
QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TstServerApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loginGivesATokenThatOpensHello();
    void wrongPasswordAndUnknownUserGetTheSameAnswer();
    void fiveFailuresPerUserAre429WithRetryAfter();
    void logoutRevokesTheToken();
    void pushThenChangesRoundTrip();
    void pushRefusesWhatIsMalformed();
    void schemaHeaderIsChecked();
    void changesChecksItsParameters();
    void passwordHashesNeverLeaveTheServer();
    void blobsGoOnceAndAreVerified();
    void pimpinanWritesNothing();
    void disablingAUserRevokesItsTokens();
    void tokenListAndRevoke();
    void backupAndCheck();
    void logLineNamesTheUserButNeverTheToken();

private:
    Reply call(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
               const QByteArray &token = {}, const ServerTest::Headers &extra = {})
    {
        return m_server->call(method, target, body, token, extra);
    }
    QByteArray login(const QString &username, const QString &password, const QString &site = "pc-1")
    {
        return m_server->login(username, password, site);
    }
    int admin(const QStringList &args, const QByteArray &stdinText = {}, QByteArray *out = nullptr)
    {
        return m_server->admin(args, stdinText, out);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ServerTest::Server> m_server;
};

void TstServerApi::init()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<ServerTest::Server>(m_dir.filePath("data"));
    QVERIFY(m_server->addUser("admin1", "admin", "rahasia-admin"));
    QVERIFY(m_server->addUser("pimpinan1", "pimpinan", "rahasia-pimpinan"));
    QString why;
    QVERIFY2(m_server->start(&why, m_dir.filePath("server.log")), qPrintable(why));
}

void TstServerApi::cleanup()
{
    m_server.reset();
    QDir(m_dir.filePath("data")).removeRecursively();
    QFile::remove(m_dir.filePath("server.log"));
}

void TstServerApi::loginGivesATokenThatOpensHello()
{
    const QByteArray body = R"({"username":"admin1","password":"rahasia-admin","site":"pc-1"})";
    const Reply r = call("POST", "/api/v1/auth/login", body);
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.json();
    const QByteArray token = o.value("token").toString().toLatin1();
    QCOMPARE(token.size(), 43); // 32 bytes, base64url without padding
    QVERIFY(QDateTime::fromString(o.value("expires_at").toString(), Qt::ISODate).isValid());
    QCOMPARE(o.value("user").toObject().value("role").toString(), QString("admin"));
    QCOMPARE(o.value("user").toObject().value("username").toString(), QString("admin1"));
    QVERIFY(!o.value("user").toObject().contains("password_hash"));

    const Reply hello = call("GET", "/api/v1/hello?site=pc-1", {}, token);
    QCOMPARE(hello.status, 200);
    QVERIFY(!hello.json().value("hub").toString().isEmpty());
    QCOMPARE(hello.json().value("limits").toObject().value("max_body").toInt(), 4 * 1024 * 1024);
    QCOMPARE(hello.json().value("user").toObject().value("username").toString(), QString("admin1"));
    // The token belongs to the PC it was issued to.
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-2", {}, token).status, 403);
    QCOMPARE(call("GET", "/api/v1/hello", {}, token).status, 400);
    // A made-up token of the same shape opens nothing.
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, QByteArray(43, 'A')).status, 401);
    // Sign-in is JSON only.
    QCOMPARE(call("POST", "/api/v1/auth/login", body, {}, {{"Content-Type", "text/plain"}}).status, 415);
    QCOMPARE(call("POST", "/api/v1/auth/login", "{\"username\":").status, 400);
    QCOMPARE(call("GET", "/api/v1/auth/login").status, 405);
}

void TstServerApi::wrongPasswordAndUnknownUserGetTheSameAnswer()
{
    const Reply wrong = call("POST", "/api/v1/auth/login", R"({"username":"admin1","password":"salah-sekali","site":"a"})");
    const Reply unknown = call("POST", "/api/v1/auth/login", R"({"username":"nobody1","password":"salah-sekali","site":"a"})");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.errorCode(), QString("bad_credentials"));
    QCOMPARE(wrong.body, unknown.body);
}

void TstServerApi::fiveFailuresPerUserAre429WithRetryAfter()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(call("POST", "/api/v1/auth/login", R"({"username":"admin1","password":"salah-sekali","site":"a"})").status,
                 401);
    // Even the right password waits now.
    const Reply r = call("POST", "/api/v1/auth/login", R"({"username":"admin1","password":"rahasia-admin","site":"a"})");
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), QString("too_many_attempts"));
    QVERIFY(r.headers.value("retry-after").toInt() > 0);
    QVERIFY(r.headers.value("retry-after").toInt() <= 15 * 60);
    // Another user from the same address is not locked out by these five.
    QVERIFY(!login("pimpinan1", "rahasia-pimpinan").isEmpty());
}

void TstServerApi::logoutRevokesTheToken()
{
    const QByteArray token = login("admin1", "rahasia-admin");
    QVERIFY(!token.isEmpty());
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token).status, 200);
    QCOMPARE(call("POST", "/api/v1/auth/logout", {}, token).status, 204);
    const Reply after = call("GET", "/api/v1/hello?site=pc-1", {}, token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), QString("unauthorized"));
}

void TstServerApi::pushThenChangesRoundTrip()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    const QJsonObject op = ServerTest::kecamatanOp("op-1", "kec-1", "Parigi Selatan", "pc-1", 1);
    const QByteArray push = QJsonDocument(QJsonObject{{"site", "pc-1"}, {"ops", QJsonArray{op}}}).toJson(QJsonDocument::Compact);
    const Reply r = call("POST", "/api/v1/push", push, token);
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json().value("results").toArray().at(0).toObject();
    QCOMPARE(result.value("status").toString(), QString("applied"));
    QCOMPARE(r.json().value("acked_through").toInt(), 1);
    // The same op again: its first result, nothing changes.
    const Reply again = call("POST", "/api/v1/push", push, token);
    QCOMPARE(again.json().value("results").toArray().at(0).toObject().value("status").toString(), QString("duplicate"));

    const Reply changes = call("GET", "/api/v1/changes?cursor=0&limit=1000", {}, token);
    QCOMPARE(changes.status, 200);
    int found = 0;
    for (const QJsonValue &v : changes.json().value("rows").toArray()) {
        const QJsonObject row = v.toObject();
        if (row.value("entity").toString() == "kecamatan" && row.value("row_id").toString() == "kec-1") {
            ++found;
            QCOMPARE(row.value("values").toObject().value("name").toString(), QString("Parigi Selatan"));
            // The hub records the signed-in user, not what the op claimed.
            QVERIFY(row.value("values").toObject().value("updated_by").toString() != QString("someone-else"));
        }
    }
    QCOMPARE(found, 1);
    // Paging: limit 1 gives one row and a cursor that goes on.
    const Reply first = call("GET", "/api/v1/changes?cursor=0&limit=1", {}, token);
    QCOMPARE(first.json().value("rows").toArray().size(), 1);
    QVERIFY(first.json().value("more").toBool());
    const QByteArray next = first.json().value("next_cursor").toString().toLatin1();
    const Reply second = call("GET", "/api/v1/changes?cursor=" + next + "&limit=1000", {}, token);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value("rows").toArray().size() + 1, changes.json().value("rows").toArray().size());
}

void TstServerApi::pushRefusesWhatIsMalformed()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    QJsonArray many;
    for (int i = 0; i < 501; ++i)
        many.append(ServerTest::kecamatanOp(QString("big-%1").arg(i), QString("kec-big-%1").arg(i), QString("K%1").arg(i), "pc-1", i + 1));
    Reply r = call("POST", "/api/v1/push", QJsonDocument(QJsonObject{{"site", "pc-1"}, {"ops", many}}).toJson(), token);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QString("too_large"));
    QCOMPARE(call("POST", "/api/v1/push", "{}", token, {{"Content-Type", "text/plain"}}).status, 415);
    QCOMPARE(call("POST", "/api/v1/push", "{\"site\":", token).errorCode(), QString("bad_json"));
    QCOMPARE(call("POST", "/api/v1/push", "[1,2]", token).status, 400);
    QCOMPARE(call("POST", "/api/v1/push", "{\"site\":\"pc-1\"}", token).status, 400);
    // Another PC's site with this PC's token.
    const QByteArray other = QJsonDocument(QJsonObject{{"site", "pc-2"},
                                                       {"ops", QJsonArray{ServerTest::kecamatanOp("x1", "kec-x", "X", "pc-2", 1)}}})
                                 .toJson();
    QCOMPARE(call("POST", "/api/v1/push", other, token).status, 403);
    // An op naming a table that does not sync, or a field that does not exist: rejected alone.
    QJsonObject badTable = ServerTest::kecamatanOp("bad-1", "r1", "Y", "pc-1", 1);
    badTable["entity"] = "meta";
    QJsonObject badField = ServerTest::kecamatanOp("bad-2", "r2", "Z", "pc-1", 2);
    badField["changes"] = QJsonObject{{"name; DROP TABLE users", QJsonArray{QJsonValue(), "x"}}};
    const QJsonObject good = ServerTest::kecamatanOp("good-3", "r3", "Toribulu", "pc-1", 3);
    r = call("POST", "/api/v1/push",
             QJsonDocument(QJsonObject{{"site", "pc-1"}, {"ops", QJsonArray{badTable, badField, good}}}).toJson(), token);
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json().value("results").toArray();
    QCOMPARE(results.at(0).toObject().value("status").toString(), QString("rejected"));
    QCOMPARE(results.at(1).toObject().value("status").toString(), QString("rejected"));
    QCOMPARE(results.at(2).toObject().value("status").toString(), QString("applied"));
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token).status, 200); // still whole
}

void TstServerApi::schemaHeaderIsChecked()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    const QByteArray current = QByteArray::number(Humas::Database::latestSchemaVersion());
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token, {{"X-HumasDesk-Schema", current}}).status, 200);
    const Reply old = call("GET", "/api/v1/hello?site=pc-1", {}, token, {{"X-HumasDesk-Schema", "1"}});
    QCOMPARE(old.status, 426);
    QCOMPARE(old.errorCode(), QString("client_too_old"));
    const Reply newer = call("GET", "/api/v1/hello?site=pc-1", {}, token, {{"X-HumasDesk-Schema", "999"}});
    QCOMPARE(newer.status, 409);
    QCOMPARE(newer.errorCode(), QString("server_too_old"));
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token, {{"X-HumasDesk-Schema", "lima"}}).status, 400);
}

void TstServerApi::changesChecksItsParameters()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    QCOMPARE(call("GET", "/api/v1/changes?cursor=bukan-kursor", {}, token).errorCode(), QString("bad_cursor"));
    QCOMPARE(call("GET", "/api/v1/changes?cursor=0&limit=0", {}, token).status, 400);
    QCOMPARE(call("GET", "/api/v1/changes?cursor=0&limit=1001", {}, token).status, 400);
    QCOMPARE(call("GET", "/api/v1/changes?cursor=0&limit=x", {}, token).status, 400);
    QCOMPARE(call("GET", "/api/v1/changes", {}, token).status, 200); // cursor 0, limit 500 by default
    QCOMPARE(call("DELETE", "/api/v1/changes", {}, token).status, 405);
}

void TstServerApi::passwordHashesNeverLeaveTheServer()
{
    for (const auto &[user, password] : {std::pair{"admin1", "rahasia-admin"}, std::pair{"pimpinan1", "rahasia-pimpinan"}}) {
        const QByteArray token = login(user, password, "pc-1");
        QVERIFY(!token.isEmpty());
        const Reply changes = call("GET", "/api/v1/changes?cursor=0&limit=1000", {}, token);
        QCOMPARE(changes.status, 200);
        int users = 0;
        for (const QJsonValue &v : changes.json().value("rows").toArray()) {
            if (v.toObject().value("entity").toString() == "users") {
                ++users;
                QVERIFY(!v.toObject().value("values").toObject().contains("password_hash"));
            }
        }
        QVERIFY(users >= 1);
        QVERIFY(!changes.body.contains("pbkdf2"));
        QVERIFY(!changes.body.contains("password_hash"));
    }
}

void TstServerApi::blobsGoOnceAndAreVerified()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    const QByteArray data = "%PDF-1.4 undangan " + QByteArray(5000, 'x');
    const QString sha = sha256(data);
    const QByteArray ask = QJsonDocument(QJsonObject{{"hashes", QJsonArray{sha}}}).toJson();
    Reply r = call("POST", "/api/v1/blobs/missing", ask, token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("missing").toArray(), QJsonArray{sha});
    QCOMPARE(call("POST", "/api/v1/blobs/missing", R"({"hashes":["../../etc/passwd"]})", token).status, 400);

    QByteArray damaged = data;
    damaged[10] = 'Y';
    r = call("PUT", "/api/v1/blobs/" + sha.toLatin1(), damaged, token, {{"Content-Type", "application/pdf"}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), QString("hash_mismatch"));
    QCOMPARE(call("POST", "/api/v1/blobs/missing", ask, token).json().value("missing").toArray().size(), 1);
    QCOMPARE(call("GET", "/api/v1/blobs/" + sha.toLatin1(), {}, token).status, 404);

    r = call("PUT", "/api/v1/blobs/" + sha.toLatin1(), data, token, {{"Content-Type", "application/pdf"}});
    QCOMPARE(r.status, 204);
    QCOMPARE(call("PUT", "/api/v1/blobs/" + sha.toLatin1(), data, token, {{"Content-Type", "application/pdf"}}).status,
             204); // a repeated upload is harmless
    QCOMPARE(call("POST", "/api/v1/blobs/missing", ask, token).json().value("missing").toArray().size(), 0);
    r = call("GET", "/api/v1/blobs/" + sha.toLatin1(), {}, token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, data);
    QCOMPARE(r.headers.value("content-type"), QByteArray("application/pdf"));
    QCOMPARE(call("GET", "/api/v1/blobs/not-a-hash", {}, token).status, 404);
}

void TstServerApi::pimpinanWritesNothing()
{
    const QByteArray token = login("pimpinan1", "rahasia-pimpinan", "pc-9");
    const QByteArray push = QJsonDocument(QJsonObject{{"site", "pc-9"},
                                                      {"ops", QJsonArray{ServerTest::kecamatanOp("p-1", "kec-p", "Ampibabo", "pc-9", 1)}}})
                                .toJson();
    const Reply r = call("POST", "/api/v1/push", push, token);
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json().value("results").toArray().at(0).toObject();
    QCOMPARE(result.value("status").toString(), QString("rejected"));
    QVERIFY(!result.value("error").toString().isEmpty());
    const Reply changes = call("GET", "/api/v1/changes?cursor=0&limit=1000", {}, token);
    QVERIFY(!changes.body.contains("kec-p"));
    QCOMPARE(call("PUT", "/api/v1/blobs/" + sha256("x").toLatin1(), "x", token).status, 403);
}

void TstServerApi::disablingAUserRevokesItsTokens()
{
    const QByteArray token = login("pimpinan1", "rahasia-pimpinan", "pc-1");
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token).status, 200);
    QByteArray out;
    QCOMPARE(admin({"user", "disable", "--username", "pimpinan1"}, {}, &out), 0);
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token).status, 401);
    QVERIFY(login("pimpinan1", "rahasia-pimpinan").isEmpty());
    QCOMPARE(admin({"user", "list"}, {}, &out), 0);
    QVERIFY(out.contains("pimpinan1"));
    QVERIFY(!out.contains("pbkdf2"));
    QCOMPARE(admin({"user", "disable", "--username", "nobody1"}), 1);
    QCOMPARE(admin({"user", "disable"}), 2);
    // The disabled account reaches the PCs as a change of the users table.
    const QByteArray adminToken = login("admin1", "rahasia-admin", "pc-1");
    const Reply changes = call("GET", "/api/v1/changes?cursor=0&limit=1000", {}, adminToken);
    bool seen = false;
    for (const QJsonValue &v : changes.json().value("rows").toArray()) {
        const QJsonObject values = v.toObject().value("values").toObject();
        if (values.value("username").toString() == "pimpinan1") {
            QCOMPARE(values.value("active").toInt(), 0);
            seen = true;
        }
    }
    QVERIFY(seen);
}

void TstServerApi::tokenListAndRevoke()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-7");
    QByteArray out;
    QCOMPARE(admin({"token", "list"}, {}, &out), 0);
    QVERIFY(out.contains("admin1"));
    QVERIFY(out.contains("pc-7"));
    QVERIFY(!out.contains(token));
    QCOMPARE(admin({"token", "revoke", "--username", "admin1"}, {}, &out), 0);
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-7", {}, token).status, 401);
    QCOMPARE(admin({"token", "revoke"}), 2);
}

void TstServerApi::backupAndCheck()
{
    QVERIFY(!login("admin1", "rahasia-admin").isEmpty());
    QByteArray out;
    const QString file = m_dir.filePath("hub-backup.sqlite");
    QCOMPARE(admin({"backup", file}, {}, &out), 0);
    Humas::DatabaseInfo info;
    QString error;
    QVERIFY2(Humas::Database::inspect(file, &info, &error), qPrintable(error));
    QVERIFY(info.isHumasDesk);
    QCOMPARE(info.integrity, QString("ok"));
    QCOMPARE(admin({"backup", file}), 1); // never over an existing file
    QCOMPARE(admin({"check"}, {}, &out), 0);
    QVERIFY(!out.contains("FAILED"));
    QVERIFY(out.contains("ok"));
    QFile::remove(file);
}

void TstServerApi::logLineNamesTheUserButNeverTheToken()
{
    const QByteArray token = login("admin1", "rahasia-admin", "pc-1");
    QCOMPARE(call("GET", "/api/v1/hello?site=pc-1", {}, token).status, 200);
    // The line is written when the request completes: stop the server so every line is out.
    m_server->stop();
    QFile file(m_dir.filePath("server.log"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray log = file.readAll();
    QVERIFY2(log.contains("admin1 GET /api/v1/hello 200"), log.constData());
    QVERIFY(!log.contains(token));
    QVERIFY(!log.contains("rahasia"));
}

QTEST_GUILESS_MAIN(TstServerApi)
#include "tst_serverapi.moc"
