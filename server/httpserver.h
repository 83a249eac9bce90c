#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Humas::Server {

/** One HTTP request as the router sees it: the body is complete and within the limits. */
struct HttpRequest
{
    QByteArray method;
    QByteArray path; ///< without the query string
    QHash<QByteArray, QByteArray> query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QString peer;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
    /** Who made the request (user name), for the log line only; empty before sign-in. */
    QString user;

    /** {"error":{"code","message"}} with @p status. */
    static HttpResponse error(int status, const QByteArray &code, const QString &message);
};

/**
 * A thin wrapper over libmicrohttpd (internal polling thread with a thread pool): it owns the
 * limits that must hold before any of a request is read — connections in all and per address,
 * idle timeout, memory per connection, URL and header size, and the body size taken from
 * Content-Length on the first call, so an oversized body is refused without being read.
 * Routing, JSON and authentication live in Qt code behind @c Handler.
 */
class HttpServer
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::HttpServer)
public:
    struct Limits
    {
        qint64 maxBody = 4 * 1024 * 1024;
        /** Bodies of PUT requests under @c largeBodyPrefix (blob uploads) may be this large. */
        qint64 maxLargeBody = 50LL * 1024 * 1024;
        QByteArray largeBodyPrefix = "/api/v1/blobs/";
        int maxHeaderBytes = 16 * 1024;
        int maxUrlBytes = 8 * 1024;
        unsigned connections = 1000;
        // An office behind one NAT address may hold 100 PCs, each with a keep-alive connection.
        unsigned connectionsPerAddress = 128;
        unsigned idleTimeoutSeconds = 30;
        unsigned threads = 4;
    };
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    /** Called once per finished request: one structured log line. */
    using Logger = std::function<void(const HttpRequest &, const HttpResponse &, qint64 ms)>;

    HttpServer(Handler handler, Logger logger, Limits limits);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    /** Serves HTTPS with this PEM certificate (chain) and key (libmicrohttpd's GnuTLS); call before start(). */
    void setTls(const QByteArray &certPem, const QByteArray &keyPem)
    {
        m_tlsCert = certPem;
        m_tlsKey = keyPem;
    }
    /** Listens on @p address (IPv4 or IPv6 literal) and @p port (0: a free one). */
    bool start(const QString &address, quint16 port, QString *error);
    /** The port actually bound. */
    quint16 port() const;
    /** Stops accepting, lets requests in flight finish, then stops. */
    void stop();

    const Limits &limits() const { return m_limits; }
    HttpResponse handle(const HttpRequest &request) const { return m_handler(request); }
    void log(const HttpRequest &request, const HttpResponse &response, qint64 ms) const
    {
        if (m_logger)
            m_logger(request, response, ms);
    }

    /** Requests between their first byte and their completion (for a graceful stop). */
    void requestStarted() { ++m_inFlight; }
    void requestFinished() { --m_inFlight; }

private:
    struct Daemon;
    Handler m_handler;
    Logger m_logger;
    Limits m_limits;
    std::unique_ptr<Daemon> m_daemon;
    QByteArray m_tlsCert;
    QByteArray m_tlsKey;
    std::atomic<int> m_inFlight{0};
};

} // namespace Humas::Server
