#include "sync/resttransport.h"

#include "common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Humas {

namespace {

const QString MimeOctets = QStringLiteral("application/octet-stream");

bool isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

} // namespace

RestTransport::RestTransport(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &token)
    : m_client(nam, baseUrl, token)
{
}

bool RestTransport::unreadable(const QString &detail, QString *error)
{
    if (error)
        *error = m_client.unreadableAnswer(detail);
    qCWarning(lcSync) << "server answer not as the contract says:" << detail;
    return false;
}

bool RestTransport::hello(const QString &site, HelloReply *reply, QString *error)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("site"), site);
    QJsonObject o;
    if (!m_client.sendJson(RestClient::Method::Get, QStringLiteral("hello"), query, {}, &o, &m_last, error))
        return false;
    if (!o.value(QLatin1String("hub")).isString() || o.value(QLatin1String("hub")).toString().isEmpty() ||
        !o.value(QLatin1String("epoch")).isDouble() || !o.value(QLatin1String("schema")).isDouble())
        return unreadable(tr("hello without hub, epoch or schema"), error);
    *reply = HelloReply::fromJson(o);
    const QJsonObject limits = o.value(QLatin1String("limits")).toObject();
    if (const int batch = limits.value(QLatin1String("max_batch")).toInt(); batch > 0)
        reply->maxBatch = reply->maxBatch > 0 ? qMin(reply->maxBatch, batch) : batch;
    if (const int body = limits.value(QLatin1String("max_body")).toInt(); body > 0)
        m_maxBody = body;
    if (const int blob = limits.value(QLatin1String("max_blob")).toInt(); blob > 0)
        m_maxBlob = blob;
    return true;
}

bool RestTransport::push(const PushRequest &request, PushReply *reply, QString *error)
{
    *reply = PushReply();
    return pushPiece(request, reply, error);
}

bool RestTransport::pushPiece(const PushRequest &request, PushReply *reply, QString *error)
{
    const QJsonObject body = request.toJson();
    // A little room for the server's own reading of the limit (it counts the raw body).
    const qsizetype size = QJsonDocument(body).toJson(QJsonDocument::Compact).size();
    if (size > m_maxBody) {
        if (request.ops.size() <= 1) {
            if (error)
                *error = tr("One change is larger than the server accepts (%1 KiB of at most %2 KiB); it stays on "
                            "this PC.")
                             .arg(size / 1024)
                             .arg(m_maxBody / 1024);
            return false;
        }
        // In order, so that acked_through only grows. A piece that fails ends the push; the
        // pieces sent before are duplicates at the next round, which the hub recognises.
        const qsizetype half = request.ops.size() / 2;
        PushRequest first{request.site, request.ops.mid(0, half)};
        PushRequest second{request.site, request.ops.mid(half)};
        return pushPiece(first, reply, error) && pushPiece(second, reply, error);
    }
    QJsonObject o;
    if (!m_client.sendJson(RestClient::Method::Post, QStringLiteral("push"), {}, body, &o, &m_last, error))
        return false;
    if (!o.value(QLatin1String("results")).isArray() || !o.value(QLatin1String("acked_through")).isDouble())
        return unreadable(tr("push reply without results or acked_through"), error);
    const PushReply piece = PushReply::fromJson(o);
    for (const OpResult &r : piece.results) {
        if (r.opId.isEmpty() || r.status.isEmpty())
            return unreadable(tr("push result without op_id or status"), error);
    }
    reply->ackedThrough = qMax(reply->ackedThrough, piece.ackedThrough);
    reply->results += piece.results;
    return true;
}

bool RestTransport::pull(const QString &cursor, int limit, PullReply *reply, QString *error)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("cursor"), cursor.isEmpty() ? QStringLiteral("0") : cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, MaxPullLimit)));
    QJsonObject o;
    if (!m_client.sendJson(RestClient::Method::Get, QStringLiteral("changes"), query, {}, &o, &m_last, error))
        return false;
    if (!o.value(QLatin1String("rows")).isArray() || !o.value(QLatin1String("next_cursor")).isString())
        return unreadable(tr("changes without rows or next_cursor"), error);
    const PullReply page = PullReply::fromJson(o);
    SyncCursor next;
    if (!SyncCursor::parse(page.nextCursor, &next))
        return unreadable(tr("a malformed next_cursor"), error);
    for (const PulledRow &row : page.rows) {
        if (row.entity.isEmpty() || row.rowId.isEmpty())
            return unreadable(tr("a changed row without entity or row_id"), error);
    }
    *reply = page;
    return true;
}

bool RestTransport::missingBlobs(const QStringList &hashes, QStringList *missing, QString *error)
{
    const QJsonObject body{{QStringLiteral("hashes"), QJsonArray::fromStringList(hashes)}};
    QJsonObject o;
    if (!m_client.sendJson(RestClient::Method::Post, QStringLiteral("blobs/missing"), {}, body, &o, &m_last, error))
        return false;
    if (!o.value(QLatin1String("missing")).isArray())
        return unreadable(tr("blobs/missing without missing"), error);
    missing->clear();
    const QJsonArray list = o.value(QLatin1String("missing")).toArray();
    for (const QJsonValue &v : list) {
        if (!isSha256(v.toString()))
            return unreadable(tr("a malformed hash in missing"), error);
        missing->append(v.toString());
    }
    return true;
}

bool RestTransport::putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error)
{
    if (!isSha256(sha256)) {
        if (error)
            *error = tr("An attachment has a malformed hash and cannot be sent.");
        return false;
    }
    if (data.size() > m_maxBlob) {
        if (error)
            *error = tr("An attachment of %1 MiB is larger than the server accepts (%2 MiB); it stays on this PC.")
                         .arg(data.size() / (1024 * 1024))
                         .arg(m_maxBlob / (1024 * 1024));
        return false;
    }
    const QByteArray type = (mime.isEmpty() ? MimeOctets : mime).toUtf8();
    if (m_client.send(RestClient::Method::Put, QStringLiteral("blobs/") + sha256, {}, data, type, &m_last, error))
        return true;
    if (m_last.status == 422 && error)
        *error = tr("The attachment %1 arrived damaged at the server and was not stored; it is sent again at the next "
                    "sync.")
                     .arg(sha256.left(12));
    return false;
}

bool RestTransport::getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error)
{
    if (!isSha256(sha256)) {
        if (error)
            *error = tr("An attachment has a malformed hash and cannot be fetched.");
        return false;
    }
    if (!m_client.send(RestClient::Method::Get, QStringLiteral("blobs/") + sha256, {}, {}, {}, &m_last, error)) {
        if (m_last.status == 404 && error)
            *error = tr("The server does not have the attachment %1 (yet).").arg(sha256.left(12));
        return false;
    }
    *data = m_last.body;
    *mime = QString::fromUtf8(m_last.contentType);
    if (mime->isEmpty())
        *mime = MimeOctets;
    m_last.body.clear(); // large: not kept twice
    return true;
}

bool RestTransport::login(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &username,
                          const QString &password, const QString &site, Session *session, QString *error,
                          const RestClient::RetryPolicy &policy)
{
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        if (error)
            *error = tr("Give the user name and the password to sign in.");
        return false;
    }
    RestClient client(nam, baseUrl);
    client.setRetryPolicy(policy);
    const QJsonObject body{{QStringLiteral("username"), username.trimmed()},
                           {QStringLiteral("password"), password},
                           {QStringLiteral("site"), site}};
    QJsonObject o;
    RestReply reply;
    if (!client.sendJson(RestClient::Method::Post, QStringLiteral("auth/login"), {}, body, &o, &reply, error)) {
        if (reply.status == 401 && error)
            *error = tr("The user name or the password is wrong (or the user is disabled on the server).");
        return false;
    }
    const QJsonObject user = o.value(QLatin1String("user")).toObject();
    Session s;
    s.token = o.value(QLatin1String("token")).toString();
    s.expiresAt = QDateTime::fromString(o.value(QLatin1String("expires_at")).toString(), Qt::ISODateWithMs).toUTC();
    s.userId = user.value(QLatin1String("id")).toVariant().toString();
    s.username = user.value(QLatin1String("username")).toString();
    s.displayName = user.value(QLatin1String("display_name")).toString();
    s.role = user.value(QLatin1String("role")).toString();
    s.opdId = user.value(QLatin1String("opd_id")).toVariant().toString();
    if (s.token.isEmpty() || !s.expiresAt.isValid()) {
        if (error)
            *error = client.unreadableAnswer(tr("login reply without token or expires_at"));
        return false;
    }
    if (s.username.isEmpty())
        s.username = username.trimmed();
    *session = s;
    return true;
}

bool RestTransport::logout(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &token, QString *error,
                           const RestClient::RetryPolicy &policy)
{
    RestClient client(nam, baseUrl, token);
    client.setRetryPolicy(policy);
    RestReply reply;
    if (client.send(RestClient::Method::Post, QStringLiteral("auth/logout"), {}, QByteArrayLiteral("{}"),
                    QByteArrayLiteral("application/json"), &reply, error))
        return true;
    return reply.status == 401; // already expired or revoked: nothing left to revoke
}

bool RestTransport::checkHealth(QNetworkAccessManager *nam, const QUrl &baseUrl, int *schema, QString *error,
                                const RestClient::RetryPolicy &policy)
{
    RestClient client(nam, baseUrl);
    client.setRetryPolicy(policy);
    QJsonObject o;
    RestReply reply;
    if (!client.sendJson(RestClient::Method::Get, QStringLiteral("health"), {}, {}, &o, &reply, error))
        return false;
    if (o.value(QLatin1String("status")).toString() != QLatin1String("ok") ||
        !o.value(QLatin1String("schema")).isDouble()) {
        if (error)
            *error = client.unreadableAnswer(tr("health without status ok"));
        return false;
    }
    if (schema)
        *schema = o.value(QLatin1String("schema")).toInt();
    return true;
}

} // namespace Humas
