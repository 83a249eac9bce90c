#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

namespace Humas::Server {

/**
 * The server's own state that never syncs: bearer tokens. Kept in DIR/server.sqlite beside
 * the hub (not in hub.sqlite: nothing of it may ever reach a change feed, and it needs no
 * migration of the client schema). Only the SHA-256 of a token is stored; the token itself
 * is handed out once, at sign-in.
 *
 * One object per thread: every thread of the server opens its own connection
 * (Qt's QSqlDatabase may only be used in the thread that made it).
 */
class SessionStore
{
    Q_DECLARE_TR_FUNCTIONS(Humas::Server::SessionStore)
public:
    /** How long a token is valid after it was issued. */
    static constexpr int TokenDays = 30;

    struct Session
    {
        QString userId;
        QString username;
        QString site;
        QDateTime issuedAt;
        QDateTime expiresAt;
    };

    explicit SessionStore(const QString &path);
    ~SessionStore();
    SessionStore(const SessionStore &) = delete;
    SessionStore &operator=(const SessionStore &) = delete;

    /** Opens (and on first use creates) the file; WAL, 5 s busy timeout. */
    bool open(QString *error);

    /** A new random 256-bit token for @p userId at @p site; returns the token, sets its expiry. */
    bool issue(const QString &userId, const QString &username, const QString &site, QString *token,
               QDateTime *expiresAt, QString *error);
    /** The live session of @p token (not revoked, not expired); false when there is none. */
    bool lookup(const QString &token, Session *session, QString *error) const;
    /** Revokes one token (logout). */
    bool revoke(const QString &token, QString *error);
    /** Revokes every live token of the user; returns how many in @p count. */
    bool revokeUser(const QString &userId, int *count, QString *error);
    /** Live sessions, newest first (for the command line; no tokens, no hashes). */
    bool list(QList<Session> *sessions, QString *error) const;

    /** base64url SHA-256 of a token: what is stored. */
    static QString hashToken(const QString &token);

private:
    QString m_path;
    QString m_connectionName;
};

/**
 * Failed sign-ins per user name and per address within a window (API.md: 5 per user name,
 * 20 per address, 15 minutes). In memory: a restart forgets them, which only gives an
 * attacker who can restart the server a few more guesses. Thread-safe.
 */
class LoginThrottle
{
public:
    static constexpr int MaxPerUser = 5;
    static constexpr int MaxPerAddress = 20;
    static constexpr int WindowSeconds = 15 * 60;

    /** Whether a sign-in may be tried now; else the seconds until it may, in @p retryAfter. */
    bool allowed(const QString &username, const QString &address, const QDateTime &now, int *retryAfter);
    void failed(const QString &username, const QString &address, const QDateTime &now);
    /** A good password clears the user name's failures (not the address's). */
    void succeeded(const QString &username);

private:
    static void prune(QList<QDateTime> *times, const QDateTime &now);
    QMutex m_mutex;
    QHash<QString, QList<QDateTime>> m_byUser;
    QHash<QString, QList<QDateTime>> m_byAddress;
};

} // namespace Humas::Server
