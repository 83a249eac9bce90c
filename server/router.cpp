#include "router.h"

#include "auth/userrepository.h"
#include "common/clock.h"
#include "store/blobstore.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/syncaccess.h"
#include "sync/syncprotocol.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <memory>

namespace Humas::Server {

namespace {

QAtomicInt workerCounter;

HttpResponse json(const QJsonObject &o, int status = 200)
{
    HttpResponse r;
    r.status = status;
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    return r;
}

bool isJson(const HttpRequest &request)
{
    const QByteArray type = request.headers.value("content-type").trimmed().toLower();
    return type == "application/json" || type.startsWith("application/json;");
}

bool isSha256(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(text).hasMatch();
}

bool isSiteId(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(text).hasMatch();
}

void logFailure(const QString &error)
{
    std::fprintf(stderr, "error: %s\n", qPrintable(error));
}

} // namespace

struct Router::Worker
{
    Worker(const QString &name, const QString &sessionsPath) : hub(name), sessions(sessionsPath) {}
    Database hub;
    std::unique_ptr<HubStore> store;
    SessionStore sessions;
};

Router::Router(QString hubPath, QString sessionsPath, int schema)
    : m_hubPath(std::move(hubPath))
    , m_sessionsPath(std::move(sessionsPath))
    , m_schema(schema)
{
}

Router::~Router() = default;

Router::Worker *Router::worker(QString *error)
{
    // One per libmicrohttpd thread, for the thread's whole life (its statement caches too).
    static thread_local std::unique_ptr<Worker> t_worker;
    if (t_worker)
        return t_worker.get();
    auto w = std::make_unique<Worker>(QStringLiteral("humas-server-worker-%1").arg(workerCounter.fetchAndAddRelaxed(1)),
                                      m_sessionsPath);
    // The main thread checked the file at start; a check per thread would read it again each time.
    w->hub.setIntegrityCheck(Database::IntegrityCheck::Never);
    if (!w->hub.open(m_hubPath, error) || !w->sessions.open(error))
        return nullptr;
    w->store = std::make_unique<HubStore>(w->hub);
    t_worker = std::move(w);
    return t_worker.get();
}

HttpResponse Router::storeFailure(const QString &error)
{
    logFailure(error);
    const QString lower = error.toLower();
    // SQLite: "database is locked"; PostgreSQL: the writer lock's timeout or a deadlock.
    if (lower.contains(QLatin1String("locked")) || lower.contains(QLatin1String("busy")) ||
        lower.contains(QLatin1String("lock timeout")) || lower.contains(QLatin1String("deadlock"))) {
        HttpResponse r = HttpResponse::error(503, "unavailable", tr("The server is busy; try again in a moment."));
        r.headers.insert("Retry-After", "1");
        return r;
    }
    return HttpResponse::error(500, "internal",
                               tr("The server could not finish the request; nothing of it was stored. "
                                  "The server's log says why."));
}

HttpResponse Router::route(const HttpRequest &request)
{
    static const QByteArray api = "/api/v1/";
    const QByteArray &path = request.path;
    auto onlyMethod = [&](const char *method, HttpResponse *r) {
        if (request.method == method)
            return true;
        *r = HttpResponse::error(405, "method_not_allowed", tr("This address only answers %1.").arg(QLatin1String(method)));
        r->headers.insert("Allow", method);
        return false;
    };
    if (path == "/api/v1/health") {
        if (request.method != "GET" && request.method != "HEAD")
            return HttpResponse::error(405, "method_not_allowed", tr("This address only answers GET."));
        return json({{QStringLiteral("status"), QStringLiteral("ok")}, {QStringLiteral("schema"), m_schema}});
    }
    if (!path.startsWith(api))
        return HttpResponse::error(404, "not_found", tr("There is nothing at this address."));

    // The client's schema: an older client must update before it writes to a newer hub.
    const QByteArray schemaHeader = request.headers.value("x-humasdesk-schema");
    int clientSchema = m_schema;
    if (!schemaHeader.isEmpty()) {
        bool ok = false;
        clientSchema = schemaHeader.toInt(&ok);
        if (!ok || clientSchema <= 0)
            return HttpResponse::error(400, "bad_request", tr("The X-HumasDesk-Schema header must be a number."));
        if (clientSchema < m_schema)
            return HttpResponse::error(426, "client_too_old",
                                       tr("This HumasDesk is older than the server (database version %1, the "
                                          "server has %2). Install the current version, then sync again.")
                                           .arg(clientSchema)
                                           .arg(m_schema));
    }

    QString error;
    Worker *w = worker(&error);
    if (!w)
        return storeFailure(error);

    HttpResponse r;
    if (path == "/api/v1/auth/login")
        return onlyMethod("POST", &r) ? login(*w, request) : r;

    Caller caller;
    if (!authenticate(*w, request, &caller, &r))
        return r;
    const QString user = caller.actor.username;
    auto withUser = [&](HttpResponse response) {
        response.user = user;
        return response;
    };
    if (clientSchema > m_schema)
        return withUser(HttpResponse::error(409, "server_too_old",
                                            tr("The server is older than this HumasDesk (database version %1, "
                                               "this program has %2). Ask the administrator to update the server; "
                                               "nothing was sent.")
                                                .arg(m_schema)
                                                .arg(clientSchema)));

    if (path == "/api/v1/auth/logout")
        return withUser(onlyMethod("POST", &r) ? logout(*w, caller) : r);
    if (path == "/api/v1/hello")
        return withUser(onlyMethod("GET", &r) ? hello(*w, request, caller) : r);
    if (path == "/api/v1/push")
        return withUser(onlyMethod("POST", &r) ? push(*w, request, caller) : r);
    if (path == "/api/v1/changes")
        return withUser(onlyMethod("GET", &r) ? changes(*w, request, caller) : r);
    if (path == "/api/v1/blobs/missing")
        return withUser(onlyMethod("POST", &r) ? missingBlobs(*w, request, caller) : r);
    static const QByteArray blobs = "/api/v1/blobs/";
    if (path.startsWith(blobs)) {
        const QString sha = QString::fromLatin1(path.mid(blobs.size()));
        if (!isSha256(sha))
            return withUser(HttpResponse::error(404, "not_found", tr("There is nothing at this address.")));
        if (request.method == "PUT")
            return withUser(putBlob(*w, request, caller, sha));
        if (request.method == "GET")
            return withUser(getBlob(*w, caller, sha));
        r = HttpResponse::error(405, "method_not_allowed", tr("This address only answers GET and PUT."));
        r.headers.insert("Allow", "GET, PUT");
        return withUser(r);
    }
    return withUser(HttpResponse::error(404, "not_found", tr("There is nothing at this address.")));
}

bool Router::authenticate(Worker &w, const HttpRequest &request, Caller *caller, HttpResponse *refusal)
{
    const QByteArray header = request.headers.value("authorization").trimmed();
    const QString unauthorized = tr("Sign in first: this request needs a valid token.");
    if (header.size() < 8 || header.left(7).toLower() != "bearer ") {
        *refusal = HttpResponse::error(401, "unauthorized", unauthorized);
        refusal->headers.insert("WWW-Authenticate", "Bearer");
        return false;
    }
    caller->token = QString::fromLatin1(header.mid(7).trimmed());
    QString error;
    if (!w.sessions.lookup(caller->token, &caller->session, &error)) {
        if (!error.isEmpty()) {
            *refusal = storeFailure(error);
            return false;
        }
        *refusal = HttpResponse::error(401, "unauthorized",
                                       tr("The sign-in has expired or was revoked; sign in again."));
        refusal->headers.insert("WWW-Authenticate", "Bearer");
        return false;
    }
    // The user as the hub knows it now: a role changed or an account disabled counts at once.
    QSqlQuery q(w.hub.connection());
    q.prepare(QStringLiteral("SELECT username, role, opd_id, active FROM users WHERE id = ? AND deleted = 0"));
    q.addBindValue(caller->session.userId);
    if (!q.exec()) {
        *refusal = storeFailure(q.lastError().text());
        return false;
    }
    if (!q.next()) {
        *refusal = HttpResponse::error(401, "unauthorized", tr("The sign-in has expired or was revoked; sign in again."));
        return false;
    }
    caller->actor.userId = caller->session.userId;
    caller->actor.username = q.value(0).toString();
    caller->actor.opdId = q.value(2).toString();
    if (q.value(3).toInt() != 1 || !Roles::fromCode(q.value(1).toString(), &caller->actor.role)) {
        *refusal = HttpResponse::error(403, "forbidden", tr("This account is disabled; ask an administrator."));
        refusal->user = caller->actor.username;
        return false;
    }
    return true;
}

HttpResponse Router::login(Worker &w, const HttpRequest &request)
{
    if (!isJson(request))
        return HttpResponse::error(415, "unsupported_media_type", tr("Send the sign-in as application/json."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(400, "bad_json", tr("The sign-in is not a JSON object."));
    const QJsonObject o = doc.object();
    const QJsonValue u = o.value(QStringLiteral("username"));
    const QJsonValue p = o.value(QStringLiteral("password"));
    const QJsonValue s = o.value(QStringLiteral("site"));
    if (!u.isString() || !p.isString() || !s.isString() || u.toString().isEmpty() ||
        u.toString().size() > UserRepository::MaximumUsernameLength ||
        p.toString().size() > UserRepository::MaximumPasswordLength)
        return HttpResponse::error(400, "bad_request", tr("The sign-in needs a user name, a password and a site."));
    if (!isSiteId(s.toString()))
        return HttpResponse::error(400, "bad_request", tr("The site of the sign-in is not valid."));
    const QString username = u.toString().trimmed();
    const QDateTime now = Clock::instance()->nowUtc();
    int retryAfter = 0;
    if (!m_throttle.allowed(username, request.peer, now, &retryAfter)) {
        HttpResponse r = HttpResponse::error(429, "too_many_attempts",
                                             tr("Too many failed sign-ins; try again in %n minute(s).", nullptr,
                                                (retryAfter + 59) / 60));
        r.headers.insert("Retry-After", QByteArray::number(retryAfter));
        return r;
    }
    Actor actor;
    QString error;
    if (!UserRepository(w.hub, Actor::system()).authenticate(username, p.toString(), &actor, &error)) {
        m_throttle.failed(username, request.peer, now);
        // One answer for an unknown user, a wrong password and a disabled account.
        return HttpResponse::error(401, "bad_credentials", tr("The user name or password is wrong, or the account "
                                                              "is disabled."));
    }
    m_throttle.succeeded(username);
    QString token;
    QDateTime expires;
    if (!w.sessions.issue(actor.userId, actor.username, s.toString(), &token, &expires, &error))
        return storeFailure(error);
    QString displayName;
    {
        QSqlQuery q(w.hub.connection());
        q.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
        q.addBindValue(actor.userId);
        if (q.exec() && q.next())
            displayName = q.value(0).toString();
    }
    HttpResponse r = json({{QStringLiteral("token"), token},
                           {QStringLiteral("expires_at"), expires.toUTC().toString(Qt::ISODate)},
                           {QStringLiteral("user"),
                            QJsonObject{{QStringLiteral("id"), actor.userId},
                                        {QStringLiteral("username"), actor.username},
                                        {QStringLiteral("display_name"), displayName},
                                        {QStringLiteral("role"), Roles::code(actor.role)},
                                        {QStringLiteral("opd_id"), actor.opdId}}}});
    r.headers.insert("Cache-Control", "no-store");
    r.user = actor.username;
    return r;
}

HttpResponse Router::logout(Worker &w, const Caller &caller)
{
    QString error;
    if (!w.sessions.revoke(caller.token, &error))
        return storeFailure(error);
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse Router::hello(Worker &w, const HttpRequest &request, const Caller &caller)
{
    const QString site = QString::fromUtf8(request.query.value("site"));
    if (site.isEmpty())
        return HttpResponse::error(400, "bad_request", tr("hello needs ?site=."));
    if (site != caller.session.site)
        return HttpResponse::error(403, "forbidden", tr("This token was issued to another PC; sign in on this one."));
    HelloReply reply;
    QString error;
    if (!w.store->hello(site, &reply, &error))
        return storeFailure(error);
    QJsonObject o = reply.toJson();
    o.insert(QStringLiteral("limits"), QJsonObject{{QStringLiteral("max_body"), 4 * 1024 * 1024},
                                                   {QStringLiteral("max_blob"), double(BlobStore::MaximumSize)},
                                                   {QStringLiteral("max_batch"), HubStore::MaxBatch}});
    o.insert(QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), caller.actor.userId},
                                                 {QStringLiteral("username"), caller.actor.username},
                                                 {QStringLiteral("role"), Roles::code(caller.actor.role)},
                                                 {QStringLiteral("opd_id"), caller.actor.opdId}});
    return json(o);
}

HttpResponse Router::push(Worker &w, const HttpRequest &request, const Caller &caller)
{
    if (!isJson(request))
        return HttpResponse::error(415, "unsupported_media_type", tr("Send the push as application/json."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(400, "bad_json", tr("The push is not a JSON object."));
    const QJsonValue opsValue = doc.object().value(QStringLiteral("ops"));
    if (!opsValue.isArray())
        return HttpResponse::error(400, "bad_json", tr("The push has no list of changes (ops)."));
    if (opsValue.toArray().size() > HubStore::MaxBatch)
        return HttpResponse::error(413, "too_large", tr("A push may carry at most %1 changes.").arg(HubStore::MaxBatch));
    PushRequest push = PushRequest::fromJson(doc.object());
    if (push.site != caller.session.site)
        return HttpResponse::error(403, "forbidden", tr("This token was issued to another PC; sign in on this one."));
    // The hub records who made each change as the signed-in user, whatever the op claims.
    for (SyncOp &op : push.ops)
        op.actor = caller.actor.userId;
    SyncAccess access(caller.actor, w.hub);
    w.store->setRejectHook(access.rejectHook());
    PushReply reply;
    QString error;
    const bool ok = w.store->push(push, &reply, &error);
    w.store->setRejectHook({});
    if (!ok)
        return storeFailure(error);
    return json(reply.toJson());
}

HttpResponse Router::changes(Worker &w, const HttpRequest &request, const Caller &caller)
{
    const QString cursorText = QString::fromUtf8(request.query.value("cursor", "0"));
    SyncCursor cursor;
    if (!SyncCursor::parse(cursorText, &cursor))
        return HttpResponse::error(400, "bad_cursor", tr("The cursor \"%1\" is not one of this server's.").arg(cursorText.left(80)));
    int limit = 500;
    if (request.query.contains("limit")) {
        bool ok = false;
        limit = request.query.value("limit").toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return HttpResponse::error(400, "bad_request", tr("limit must be a number from 1 to 1000."));
    }
    SyncAccess access(caller.actor, w.hub);
    w.store->setRowShaper(access.rowShaper());
    PullReply reply;
    QString error;
    const bool ok = w.store->changes(cursorText, limit, &reply, &error);
    w.store->setRowShaper({});
    if (!ok)
        return storeFailure(error);
    // Password hashes never leave the server, whatever a shaper did.
    for (PulledRow &row : reply.rows) {
        if (row.entity == QLatin1String("users"))
            row.values.remove(QStringLiteral("password_hash"));
    }
    return json(reply.toJson());
}

HttpResponse Router::missingBlobs(Worker &w, const HttpRequest &request, const Caller &caller)
{
    Q_UNUSED(caller);
    if (!isJson(request))
        return HttpResponse::error(415, "unsupported_media_type", tr("Send the list as application/json."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonValue hashes = doc.object().value(QStringLiteral("hashes"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !hashes.isArray())
        return HttpResponse::error(400, "bad_json", tr("Send {\"hashes\": [...]}."));
    if (hashes.toArray().size() > 10000)
        return HttpResponse::error(413, "too_large", tr("Ask for at most %1 attachments at a time.").arg(10000));
    QStringList list;
    for (const QJsonValue &v : hashes.toArray()) {
        if (!v.isString() || !isSha256(v.toString()))
            return HttpResponse::error(400, "bad_request", tr("Every hash must be 64 lower-case hexadecimal digits."));
        list << v.toString();
    }
    QStringList missing;
    QString error;
    if (!w.store->missingBlobs(list, &missing, &error))
        return storeFailure(error);
    return json({{QStringLiteral("missing"), QJsonArray::fromStringList(missing)}});
}

HttpResponse Router::putBlob(Worker &w, const HttpRequest &request, const Caller &caller, const QString &sha)
{
    if (caller.actor.role == Role::Pimpinan)
        return HttpResponse::error(403, "forbidden", tr("This account may read but not send anything."));
    if (request.body.size() > BlobStore::MaximumSize)
        return HttpResponse::error(413, "too_large", tr("An attachment may be at most 50 MiB."));
    if (BlobStore::hashOf(request.body) != sha)
        return HttpResponse::error(422, "hash_mismatch",
                                   tr("The attachment arrived damaged (its SHA-256 does not match); it was not stored."));
    QString mime = QString::fromLatin1(request.headers.value("content-type").trimmed()).left(100);
    if (mime.isEmpty())
        mime = QStringLiteral("application/octet-stream");
    QString error;
    if (!w.store->putBlob(sha, request.body, mime, &error))
        return storeFailure(error);
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse Router::getBlob(Worker &w, const Caller &caller, const QString &sha)
{
    Q_UNUSED(caller);
    QByteArray data;
    QString mime;
    QString error;
    BlobStore blobs(w.hub);
    if (!blobs.contains(sha))
        return HttpResponse::error(404, "not_found", tr("The server has no attachment %1.").arg(sha.left(12)));
    if (!w.store->getBlob(sha, &data, &mime, &error))
        return storeFailure(error);
    HttpResponse r;
    r.contentType = mime.toLatin1();
    r.body = data;
    return r;
}

} // namespace Humas::Server
