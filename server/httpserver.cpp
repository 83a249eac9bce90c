#include "httpserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace Humas::Server {

HttpResponse HttpResponse::error(int status, const QByteArray &code, const QString &message)
{
    HttpResponse r;
    r.status = status;
    const QJsonObject inner{{QStringLiteral("code"), QString::fromLatin1(code)}, {QStringLiteral("message"), message}};
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), inner}}).toJson(QJsonDocument::Compact);
    return r;
}

namespace {

struct RequestState
{
    HttpRequest request;
    HttpResponse response;
    bool refused = false;
    qint64 bodyLimit = 0;
    QElapsedTimer timer;
};

struct HeaderScan
{
    RequestState *state;
    qint64 bytes = 0;
};

MHD_Result collectHeader(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    auto *scan = static_cast<HeaderScan *>(cls);
    const QByteArray k = QByteArray(key).toLower();
    const QByteArray v = value ? QByteArray(value) : QByteArray();
    scan->bytes += k.size() + v.size() + 4; // "k: v\r\n"
    scan->state->request.headers.insert(k, v);
    return MHD_YES;
}

MHD_Result collectArgument(void *cls, MHD_ValueKind, const char *key, const char *value)
{
    auto *scan = static_cast<HeaderScan *>(cls);
    const QByteArray k(key);
    const QByteArray v = value ? QByteArray(value) : QByteArray();
    scan->bytes += k.size() + v.size() + 2;
    scan->state->request.query.insert(k, v);
    return MHD_YES;
}

QString peerOf(MHD_Connection *connection)
{
    const MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr)
        return QStringLiteral("-");
    char text[INET6_ADDRSTRLEN] = {};
    const sockaddr *sa = info->client_addr;
    if (sa->sa_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in *>(sa)->sin_addr, text, sizeof text);
    else if (sa->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr, text, sizeof text);
    return QString::fromLatin1(text);
}

MHD_Result queue(MHD_Connection *connection, const HttpResponse &response)
{
    MHD_Response *r = MHD_create_response_from_buffer(size_t(response.body.size()),
                                                      const_cast<char *>(response.body.constData()),
                                                      MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    if (!response.body.isEmpty() || response.status != 204)
        MHD_add_response_header(r, "Content-Type", response.contentType.constData());
    for (auto it = response.headers.cbegin(); it != response.headers.cend(); ++it)
        MHD_add_response_header(r, it.key().constData(), it.value().constData());
    const MHD_Result ok = MHD_queue_response(connection, unsigned(response.status), r);
    MHD_destroy_response(r);
    return ok;
}

} // namespace

struct HttpServer::Daemon
{
    MHD_Daemon *daemon = nullptr;
    // libmicrohttpd keeps pointers to the PEM texts: they live as long as the daemon.
    QByteArray certPem;
    QByteArray keyPem;
};

namespace {

/** The first call sees the request line and headers only: every size limit is checked there. */
void judgeHeaders(HttpServer *server, MHD_Connection *connection, RequestState *st, const char *url,
                  const char *method)
{
    const HttpServer::Limits &limits = server->limits();
    st->request.method = method;
    st->request.path = url;
    st->request.peer = peerOf(connection);
    HeaderScan headers{st};
    MHD_get_connection_values(connection, MHD_HEADER_KIND, &collectHeader, &headers);
    HeaderScan args{st};
    MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, &collectArgument, &args);

    const bool large = st->request.method == "PUT" && st->request.path.startsWith(limits.largeBodyPrefix);
    st->bodyLimit = large ? limits.maxLargeBody : limits.maxBody;
    auto refuse = [st](const HttpResponse &r) {
        st->refused = true;
        st->response = r;
    };
    if (qint64(std::strlen(url)) + args.bytes > limits.maxUrlBytes) {
        refuse(HttpResponse::error(414, "uri_too_long", HttpServer::tr("The address of the request is too long.")));
        return;
    }
    if (headers.bytes > limits.maxHeaderBytes) {
        refuse(HttpResponse::error(431, "headers_too_large", HttpServer::tr("The headers of the request are too large.")));
        return;
    }
    const bool takesBody = st->request.method == "POST" || st->request.method == "PUT";
    const QByteArray length = st->request.headers.value("content-length");
    const bool chunked = st->request.headers.value("transfer-encoding").toLower().contains("chunked");
    if (takesBody && length.isEmpty() && !chunked) {
        refuse(HttpResponse::error(411, "length_required", HttpServer::tr("The request must state its length.")));
        return;
    }
    if (!length.isEmpty()) {
        bool ok = false;
        const qint64 n = length.toLongLong(&ok);
        if (!ok || n < 0) {
            refuse(HttpResponse::error(400, "bad_request", HttpServer::tr("The length of the request is not a number.")));
            return;
        }
        if (n > st->bodyLimit)
            refuse(HttpResponse::error(413, "too_large", HttpServer::tr("The request is larger than the server accepts.")));
    }
}

MHD_Result onAccess(void *cls, MHD_Connection *connection, const char *url, const char *method, const char *,
                    const char *uploadData, size_t *uploadSize, void **conCls)
{
    auto *server = static_cast<HttpServer *>(cls);
    auto *st = static_cast<RequestState *>(*conCls);
    if (!st) {
        st = new RequestState;
        st->timer.start();
        *conCls = st;
        server->requestStarted();
        judgeHeaders(server, connection, st, url, method);
        // A refusal is queued at once: libmicrohttpd then reads none of the body and closes.
        return st->refused ? queue(connection, st->response) : MHD_YES;
    }
    if (*uploadSize > 0) {
        if (!st->refused) {
            if (st->request.body.size() + qint64(*uploadSize) > st->bodyLimit) {
                st->refused = true;
                st->request.body.clear();
                st->response =
                    HttpResponse::error(413, "too_large", HttpServer::tr("The request is larger than the server accepts."));
            } else {
                st->request.body.append(uploadData, qsizetype(*uploadSize));
            }
        }
        *uploadSize = 0;
        return MHD_YES;
    }
    if (!st->refused)
        st->response = server->handle(st->request);
    return queue(connection, st->response);
}

} // namespace

HttpServer::HttpServer(Handler handler, Logger logger, Limits limits)
    : m_handler(std::move(handler)), m_logger(std::move(logger)), m_limits(std::move(limits))
{
}

HttpServer::~HttpServer()
{
    stop();
}

namespace {

void onCompleted(void *cls, MHD_Connection *, void **conCls, MHD_RequestTerminationCode)
{
    auto *server = static_cast<HttpServer *>(cls);
    auto *st = static_cast<RequestState *>(*conCls);
    if (!st)
        return;
    server->log(st->request, st->response, st->timer.elapsed());
    delete st;
    *conCls = nullptr;
    server->requestFinished();
}
} // namespace

bool HttpServer::start(const QString &address, quint16 port, QString *error)
{
    stop();
    sockaddr_storage storage{};
    socklen_t length = 0;
    const QByteArray host = address.toLatin1();
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_ERROR_LOG;
    if (address.contains(QLatin1Char(':'))) {
        auto *sa = reinterpret_cast<sockaddr_in6 *>(&storage);
        sa->sin6_family = AF_INET6;
        sa->sin6_port = htons(port);
        if (inet_pton(AF_INET6, host.constData(), &sa->sin6_addr) != 1)
            length = 0;
        else
            length = sizeof(sockaddr_in6);
        flags |= MHD_USE_IPv6;
    } else {
        auto *sa = reinterpret_cast<sockaddr_in *>(&storage);
        sa->sin_family = AF_INET;
        sa->sin_port = htons(port);
        if (inet_pton(AF_INET, host.constData(), &sa->sin_addr) == 1)
            length = sizeof(sockaddr_in);
    }
    if (length == 0) {
        if (error)
            *error = HttpServer::tr("\"%1\" is not an IP address to listen on.").arg(address);
        return false;
    }
    auto daemon = std::make_unique<Daemon>();
    std::vector<MHD_OptionItem> options = {
        {MHD_OPTION_SOCK_ADDR, 0, &storage},
        {MHD_OPTION_THREAD_POOL_SIZE, intptr_t(m_limits.threads), nullptr},
        {MHD_OPTION_CONNECTION_LIMIT, intptr_t(m_limits.connections), nullptr},
        {MHD_OPTION_PER_IP_CONNECTION_LIMIT, intptr_t(m_limits.connectionsPerAddress), nullptr},
        {MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(m_limits.idleTimeoutSeconds), nullptr},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(64 * 1024), nullptr},
        {MHD_OPTION_NOTIFY_COMPLETED, intptr_t(&onCompleted), this},
    };
    if (!m_tlsCert.isEmpty()) {
        if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
            if (error)
                *error = HttpServer::tr("This libmicrohttpd was built without TLS; put the server behind a reverse "
                                        "proxy for HTTPS instead.");
            return false;
        }
        daemon->certPem = m_tlsCert + '\0';
        daemon->keyPem = m_tlsKey + '\0';
        flags |= MHD_USE_TLS;
        options.push_back({MHD_OPTION_HTTPS_MEM_CERT, 0, daemon->certPem.data()});
        options.push_back({MHD_OPTION_HTTPS_MEM_KEY, 0, daemon->keyPem.data()});
    }
    options.push_back({MHD_OPTION_END, 0, nullptr});
    daemon->daemon = MHD_start_daemon(flags, port, nullptr, nullptr, &onAccess, this, MHD_OPTION_ARRAY,
                                      options.data(), MHD_OPTION_END);
    if (!daemon->daemon) {
        if (error)
            *error = m_tlsCert.isEmpty()
                         ? HttpServer::tr("Cannot listen on %1 port %2 (in use, or no permission).").arg(address).arg(port)
                         : HttpServer::tr("Cannot listen on %1 port %2 (in use, no permission, or the TLS certificate "
                                          "and key do not belong together).")
                               .arg(address)
                               .arg(port);
        return false;
    }
    m_daemon = std::move(daemon);
    return true;
}

quint16 HttpServer::port() const
{
    if (!m_daemon)
        return 0;
    const MHD_DaemonInfo *info = MHD_get_daemon_info(m_daemon->daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info ? info->port : 0;
}

void HttpServer::stop()
{
    if (!m_daemon)
        return;
    // Stop accepting, give the connections in flight up to 30 s to finish, then stop.
    MHD_quiesce_daemon(m_daemon->daemon);
    for (int i = 0; i < 3000 && m_inFlight.load() > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    MHD_stop_daemon(m_daemon->daemon);
    m_daemon.reset();
}

} // namespace Humas::Server
