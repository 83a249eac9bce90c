#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;

namespace Humas {

/** What one exchange with humasdesk-server gave (the last attempt, after retries). */
struct RestReply
{
    int status = 0;       ///< HTTP status; 0 when no answer came
    int networkError = 0; ///< QNetworkReply::NetworkError of a failed transfer
    QString networkErrorText;
    QByteArray body;
    QByteArray contentType;
    int retryAfterSeconds = -1; ///< Retry-After in seconds, -1 without one
    QString errorCode;          ///< "error.code" of a JSON error body (server/API.md)
    QString serverMessage;      ///< "error.message" (Indonesian, for a person)
    QByteArray location;        ///< Location of a redirect
};

/**
 * HTTP calls to humasdesk-server under BASE/api/v1 (server/API.md), made synchronous: each
 * call waits for QNetworkReply::finished in a local QEventLoop, with a transfer timeout.
 *
 * Every request carries X-HumasDesk-Schema (Database::latestSchemaVersion()) and, once a
 * token is set, Authorization: Bearer. Redirects are not followed, so the token never goes
 * to another address. Connection errors, timeouts and 502/503/504 are retried with
 * exponential backoff (and at least the server's Retry-After): safe, because a push is
 * idempotent by op id and every other call only reads or stores content-addressed blobs.
 *
 * Messages are translated and name the server by its address only: neither the token nor a
 * password ever goes into a message or a log line.
 *
 * The QNetworkAccessManager belongs to the caller and must live in the calling thread.
 */
class RestClient
{
    Q_DECLARE_TR_FUNCTIONS(Humas::RestClient)
public:
    enum class Method { Get, Post, Put };

    /** How often and how long to retry; tests inject @c wait so that they never sleep. */
    struct RetryPolicy
    {
        int attempts = 4;        ///< tries in all (1 = no retry)
        int firstDelayMs = 1000; ///< before the second try; doubled for each further one
        int maxDelayMs = 30000;  ///< a longer Retry-After ends the retries
        /** Waits @p ms; empty = a QTimer in a local event loop. */
        std::function<void(int ms)> wait;

        /** The pause before retry number @p retry (1 = the second try). */
        int delayBefore(int retry) const;
    };

    RestClient(QNetworkAccessManager *nam, QUrl baseUrl, QString token = {});

    QUrl baseUrl() const { return m_base; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }
    void setRetryPolicy(RetryPolicy policy) { m_policy = std::move(policy); }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    /** No byte moving for this long ends a transfer (QNetworkRequest::setTransferTimeout). */
    void setTransferTimeout(int ms) { m_timeoutMs = ms; }
    int transferTimeout() const { return m_timeoutMs; }

    /**
     * Sends one request to @p endpoint ("push", "blobs/ab…") and waits for it, retrying as
     * above. True for a 2xx answer. Otherwise false with the translated reason in @p error;
     * @p reply holds the last answer either way (callers word some statuses themselves).
     */
    bool send(Method method, const QString &endpoint, const QUrlQuery &query, const QByteArray &body,
              const QByteArray &contentType, RestReply *reply, QString *error) const;
    /** send() with a JSON body (none for GET) and a JSON object answer (empty for 204). */
    bool sendJson(Method method, const QString &endpoint, const QUrlQuery &query, const QJsonObject &body,
                  QJsonObject *answer, RestReply *reply, QString *error) const;

    /** The plain message for a failed @p reply (network error or HTTP status). */
    QString describe(const RestReply &reply) const;
    /** The message for an answer that is not the JSON the contract promises. */
    QString unreadableAnswer(const QString &detail) const;
    /** "host:port" as the person typed it, for messages. */
    QString serverName() const;

    /**
     * Reads a server address typed by a person: http or https, a host, an optional port and
     * path prefix (a reverse proxy); a trailing "/" or "/api/v1" is dropped. False with a
     * translated message for anything else (a user name or query in it included).
     */
    static bool parseBaseUrl(const QString &text, QUrl *url, QString *error);
    /** Waits @p ms in a local event loop (a single-shot QTimer): the default RetryPolicy::wait. */
    static void waitInEventLoop(int ms);

private:
    bool sendOnce(Method method, const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                  RestReply *reply) const;
    static bool isRetriable(const RestReply &reply);
    QString networkMessage(const RestReply &reply) const;

    QNetworkAccessManager *m_nam;
    QUrl m_base;
    QString m_token;
    RetryPolicy m_policy;
    int m_timeoutMs = 30000;
};

} // namespace Humas
