#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Humas {

class Database;

/**
 * This PC's sync settings, kept in the local database's meta table (never synced): which
 * transport, the shared file's path, the interval, and the last round's time and result.
 *
 * For a server: its address, and the sign-in of this PC (user name, the bearer token the
 * server issued and its expiry). The token is per PC and per local database; the password is
 * never stored. Keys: sync.server_url, sync.server_user, sync.server_token,
 * sync.server_token_expires_at (next to sync.hub, sync.cursor and sync.pushed_through of the
 * engine).
 */
class SyncSettings
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SyncSettings)
public:
    enum class Transport { None, SharedFile, Server };

    /** This PC's sign-in at a server, as stored (never the password). */
    struct ServerSignIn
    {
        QString url;
        QString username;
        QString token;
        QDateTime expiresAt; ///< UTC
    };

    explicit SyncSettings(Database &db);

    Transport transport() const;
    bool setTransport(Transport transport, QString *error = nullptr);
    QString sharedFile() const;
    bool setSharedFile(const QString &path, QString *error = nullptr);
    /** The server's base address (e.g. https://humas.example:8443), empty when none. */
    QString serverUrl() const;
    bool setServerUrl(const QString &url, QString *error = nullptr);
    /** The stored sign-in (its token empty when signed out). */
    ServerSignIn serverSignIn() const;
    /**
     * Whether a token is stored for @p url and @p username (any user when empty) that has
     * not expired by the Clock's now.
     */
    bool hasValidToken(const QString &url, const QString &username = QString()) const;
    /** Stores a new sign-in (url, user, token, expiry) in one transaction. */
    bool storeSignIn(const ServerSignIn &signIn, QString *error = nullptr);
    /** Forgets the token and its expiry; the address and the user name stay for the next sign-in. */
    bool forgetToken(QString *error = nullptr);

    /** Minutes between automatic rounds; 0 = only on demand. Default 15. */
    int intervalMinutes() const;
    bool setIntervalMinutes(int minutes, QString *error = nullptr);

    QString lastRoundAt() const; ///< UTC ISO text, empty before the first round
    QString lastResult() const;  ///< "ok" or "failed"
    QString lastError() const;
    /** Records a round's outcome (time from Clock). */
    bool recordRound(bool ok, const QString &summary, const QString &error, QString *errorOut = nullptr);
    QString lastSummary() const;

    static QString transportCode(Transport transport);

private:
    Database &m_db;
};

} // namespace Humas
