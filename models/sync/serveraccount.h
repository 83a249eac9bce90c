#pragma once

#include "sync/restclient.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Humas {

class Database;

/**
 * This PC's account at a humasdesk-server: sign in, a sync round with the stored token, sign
 * out. The steps the command line and the Sinkronisasi page share, so neither holds them.
 *
 * The token, its expiry and the user name live in the local meta table (SyncSettings); the
 * password is only passed through to auth/login. Everything runs on the calling thread, which
 * owns @p db and the QNetworkAccessManager (the caller's, or one of its own made in that
 * thread: the GUI's sync worker thread, where ui/ may not touch QtNetwork itself).
 */
class ServerAccount
{
    Q_DECLARE_TR_FUNCTIONS(Humas::ServerAccount)
public:
    ServerAccount(Database &db, QNetworkAccessManager *nam);
    /** With a QNetworkAccessManager of its own, made in (and used from) the calling thread. */
    explicit ServerAccount(Database &db);
    ~ServerAccount();

    void setRetryPolicy(RestClient::RetryPolicy policy) { m_policy = std::move(policy); }
    void setPullProgress(std::function<void(qint64 seq, qint64 highSeq)> progress) { m_progress = std::move(progress); }

    /** The stored server address, parsed (invalid when none is stored). */
    QUrl storedUrl() const;
    /** Whether an unexpired token is stored for @p url and @p username (any user when empty). */
    bool isSignedIn(const QUrl &url, const QString &username = QString()) const;

    /**
     * Signs in at @p url and stores the new sign-in; the transport becomes "server". A token
     * it replaces is revoked at the server when possible. False with a translated message,
     * and then nothing stored changes.
     */
    bool signIn(const QUrl &url, const QString &username, const QString &password, QString *error);
    /**
     * Revokes the stored token at the server and forgets it here. The token is forgotten even
     * when the server cannot be reached; @p revoked tells whether the server was told.
     * True (and @p revoked) when there was nothing to sign out of, too.
     */
    bool signOut(bool *revoked, QString *error);

    /**
     * One round with the server at the stored address and token. A token the server refuses
     * (401) is forgotten: the next round needs a sign-in. tokenRefused() tells afterwards.
     */
    SyncReport round();
    bool tokenRefused() const { return m_tokenRefused; }

    /** GET health at @p url (no sign-in needed): whether a HumasDesk server answers there. */
    bool checkConnection(const QUrl &url, int *schema, QString *error);

    /** The address as stored and compared ("https://host:8443", no trailing slash). */
    static QString urlKey(const QUrl &url);

private:
    Database &m_db;
    std::unique_ptr<QNetworkAccessManager> m_ownNam;
    QNetworkAccessManager *m_nam;
    RestClient::RetryPolicy m_policy;
    std::function<void(qint64, qint64)> m_progress;
    bool m_tokenRefused = false;
};

} // namespace Humas
