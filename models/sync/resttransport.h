#pragma once

#include "sync/restclient.h"
#include "sync/synctransport.h"

#include <QCoreApplication>
#include <QDateTime>

class QNetworkAccessManager;

namespace Humas {

/**
 * The hub as humasdesk-server over HTTP (server/API.md, SYNC.md "REST"), behind the same
 * interface as the shared file.
 *
 * Made per round in the thread that runs the round, with a QNetworkAccessManager of that
 * thread, the server's base address and the bearer token from login(). Each call waits for
 * its answer (RestClient: local event loop, transfer timeout, retries with backoff), checks
 * that the answer is the JSON the contract promises and only then hands it to the engine:
 * a malformed answer is an error, and the engine then changes nothing locally.
 *
 * A push whose JSON would pass the server's body limit (hello's limits.max_body) is sent in
 * smaller pieces; a pull asks for at most 1000 rows (the server's maximum).
 */
class RestTransport : public SyncTransport
{
    Q_DECLARE_TR_FUNCTIONS(Humas::RestTransport)
public:
    /** Who signed in and the token the server issued (server/API.md "auth/login"). */
    struct Session
    {
        QString token;
        QDateTime expiresAt; ///< UTC
        QString userId;
        QString username;
        QString displayName;
        QString role;
        QString opdId;
    };

    static constexpr int MaxPullLimit = 1000;
    static constexpr int DefaultMaxBody = 4 * 1024 * 1024;
    static constexpr int DefaultMaxBlob = 50 * 1024 * 1024;

    RestTransport(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &token);

    RestClient &client() { return m_client; }
    void setRetryPolicy(RestClient::RetryPolicy policy) { m_client.setRetryPolicy(std::move(policy)); }
    void setTransferTimeout(int ms) { m_client.setTransferTimeout(ms); }
    /** The HTTP status of the last failed call (0: none came); 401 means "sign in again". */
    int lastStatus() const { return m_last.status; }
    /** Whether the last failure was the server refusing the token (it expired or was revoked). */
    bool tokenRefused() const { return m_last.status == 401; }

    bool hello(const QString &site, HelloReply *reply, QString *error) override;
    bool push(const PushRequest &request, PushReply *reply, QString *error) override;
    bool pull(const QString &cursor, int limit, PullReply *reply, QString *error) override;
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *error) override;
    bool putBlob(const QString &sha256, const QByteArray &data, const QString &mime, QString *error) override;
    bool getBlob(const QString &sha256, QByteArray *data, QString *mime, QString *error) override;

    /**
     * POST auth/login as @p username from this PC's @p site. False with a translated message
     * ("the user name or the password is wrong", throttled with the minutes to wait, the
     * server unreachable…). The password goes only into the request body.
     */
    static bool login(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &username, const QString &password,
                      const QString &site, Session *session, QString *error,
                      const RestClient::RetryPolicy &policy = {});
    /** POST auth/logout: the server revokes @p token. A token it no longer knows counts as done. */
    static bool logout(QNetworkAccessManager *nam, const QUrl &baseUrl, const QString &token, QString *error,
                       const RestClient::RetryPolicy &policy = {});
    /** GET health (no token): true when a HumasDesk server answers; its schema in @p schema. */
    static bool checkHealth(QNetworkAccessManager *nam, const QUrl &baseUrl, int *schema, QString *error,
                            const RestClient::RetryPolicy &policy = {});

private:
    bool pushPiece(const PushRequest &request, PushReply *reply, QString *error);
    bool unreadable(const QString &detail, QString *error);

    RestClient m_client;
    RestReply m_last;
    int m_maxBody = DefaultMaxBody;
    int m_maxBlob = DefaultMaxBlob;
};

} // namespace Humas
