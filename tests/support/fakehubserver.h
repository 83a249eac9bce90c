#pragma once

// A small HTTP server for sync tests (QTcpServer on 127.0.0.1, port 0) that answers like
// humasdesk-server from a real HubStore, with faults injected per path: dropped connections, a
// reply lost after the hub applied the request, hung requests, any status and body.

#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/syncprotocol.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace HumasTest {

using namespace Humas;

/** The token the fake hands out at login (user "ani", password "rahasia123"). */
inline const QString FakeToken = QStringLiteral("tok-0123456789");

struct FakeRequest
{
    QByteArray method;
    QByteArray path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
};

struct FakeResponse
{
    enum Action { Answer, Drop, Hang, ApplyThenDrop };
    Action action = Answer;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

inline FakeResponse json(int status, const QJsonObject &o)
{
    return {FakeResponse::Answer, status, QJsonDocument(o).toJson(QJsonDocument::Compact), {}};
}

inline FakeResponse apiError(int status, const QString &code, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    FakeResponse r = json(status, {{"error", QJsonObject{{"code", code}, {"message", "pesan server"}}}});
    r.headers = headers;
    return r;
}

inline FakeResponse act(FakeResponse::Action action)
{
    FakeResponse r;
    r.action = action;
    return r;
}

inline FakeResponse raw(int status, const QByteArray &body)
{
    return {FakeResponse::Answer, status, body, {}};
}

/**
 * One request per connection (answers carry Connection: close). Faults queued per path are
 * used first, in order; then the HubStore behind answers as humasdesk-server would.
 */
class FakeServer : public QObject
{
public:
    explicit FakeServer(HubStore *hub) : m_hub(hub)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(QString("http://127.0.0.1:%1").arg(port())); }

    void fault(const QByteArray &path, const FakeResponse &response) { m_faults[path].append(response); }
    /** Every request to @p path gets @p response (no hub behind). */
    void always(const QByteArray &path, const FakeResponse &response) { m_always.insert(path, response); }
    int count(const QByteArray &path) const
    {
        int n = 0;
        for (const FakeRequest &r : requests)
            n += r.path == path;
        return n;
    }

    QList<FakeRequest> requests;
    QSet<QString> revoked;
    QJsonObject limits{{"max_body", 4194304}, {"max_blob", 52428800}, {"max_batch", 500}};

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto buffer = std::make_shared<QByteArray>();
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                FakeRequest request;
                if (parse(buffer.get(), &request))
                    respond(socket, request);
            });
        }
    }

    static bool parse(QByteArray *buffer, FakeRequest *request)
    {
        const int end = buffer->indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = buffer->left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0)
                request->headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const int length = request->headers.value("content-length").toInt();
        if (buffer->size() < end + 4 + length)
            return false;
        request->method = first.value(0);
        const QByteArray target = first.value(1);
        const int q = target.indexOf('?');
        request->path = q < 0 ? target : target.left(q);
        if (q >= 0)
            request->query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
        request->body = buffer->mid(end + 4, length);
        buffer->remove(0, end + 4 + length);
        return true;
    }

    void respond(QTcpSocket *socket, const FakeRequest &request)
    {
        requests.append(request);
        FakeResponse response;
        if (!m_faults.value(request.path).isEmpty())
            response = m_faults[request.path].takeFirst();
        else if (m_always.contains(request.path))
            response = m_always.value(request.path);
        else
            response = hub(request);
        if (response.action == FakeResponse::ApplyThenDrop) {
            hub(request); // applied, but the reply is lost
            response.action = FakeResponse::Drop;
        }
        if (response.action == FakeResponse::Drop) {
            socket->abort();
            return;
        }
        if (response.action == FakeResponse::Hang)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
        if (response.status != 204)
            out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) +
                   "\r\n";
        for (const auto &h : std::as_const(response.headers))
            out += h.first + ": " + h.second + "\r\n";
        out += "Connection: close\r\n\r\n";
        if (response.status != 204)
            out += response.body;
        socket->write(out);
        socket->disconnectFromHost();
    }

    FakeResponse hub(const FakeRequest &r)
    {
        QString error;
        if (r.path == "/api/v1/health")
            return json(200, {{"status", "ok"}, {"schema", Database::latestSchemaVersion()}});
        if (r.path == "/api/v1/auth/login") {
            const QJsonObject o = QJsonDocument::fromJson(r.body).object();
            if (o.value("username") != "ani" || o.value("password") != "rahasia123")
                return apiError(401, "bad_credentials");
            return json(200, {{"token", FakeToken},
                              {"expires_at", "2026-12-23T00:00:00Z"},
                              {"user", QJsonObject{{"id", "u1"},
                                                   {"username", "ani"},
                                                   {"display_name", "Ani"},
                                                   {"role", "protokol"},
                                                   {"opd_id", QJsonValue()}}}});
        }
        const QByteArray auth = r.headers.value("authorization");
        if (auth != "Bearer " + FakeToken.toLatin1() || revoked.contains(FakeToken))
            return apiError(401, "unauthorized");
        if (r.path == "/api/v1/auth/logout") {
            revoked.insert(FakeToken);
            return {FakeResponse::Answer, 204, {}, {}};
        }
        if (r.path == "/api/v1/hello") {
            HelloReply reply;
            if (!m_hub->hello(r.query.queryItemValue("site"), &reply, &error))
                return apiError(500, "internal");
            QJsonObject o = reply.toJson();
            o.insert("limits", limits);
            return json(200, o);
        }
        if (r.path == "/api/v1/push") {
            PushReply reply;
            if (!m_hub->push(PushRequest::fromJson(QJsonDocument::fromJson(r.body).object()), &reply, &error))
                return apiError(500, "internal");
            return json(200, reply.toJson());
        }
        if (r.path == "/api/v1/changes") {
            PullReply reply;
            if (!m_hub->changes(r.query.queryItemValue("cursor"), r.query.queryItemValue("limit").toInt(), &reply,
                                &error))
                return apiError(400, "bad_cursor");
            return json(200, reply.toJson());
        }
        if (r.path == "/api/v1/blobs/missing") {
            QStringList hashes, missing;
            for (const QJsonValue &v : QJsonDocument::fromJson(r.body).object().value("hashes").toArray())
                hashes << v.toString();
            if (!m_hub->missingBlobs(hashes, &missing, &error))
                return apiError(500, "internal");
            return json(200, {{"missing", QJsonArray::fromStringList(missing)}});
        }
        if (r.path.startsWith("/api/v1/blobs/")) {
            const QString sha = QString::fromLatin1(r.path.mid(14));
            if (r.method == "PUT") {
                if (!m_hub->putBlob(sha, r.body, QString::fromLatin1(r.headers.value("content-type")), &error))
                    return apiError(422, "hash_mismatch");
                return {FakeResponse::Answer, 204, {}, {}};
            }
            QByteArray data;
            QString mime;
            if (!m_hub->getBlob(sha, &data, &mime, &error))
                return apiError(404, "not_found");
            FakeResponse out{FakeResponse::Answer, 200, data, {}};
            return out;
        }
        return apiError(404, "not_found");
    }

    HubStore *m_hub;
    QTcpServer m_server;
    QHash<QByteArray, QList<FakeResponse>> m_faults;
    QHash<QByteArray, FakeResponse> m_always;
};

} // namespace HumasTest
