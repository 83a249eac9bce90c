#include "sync/syncsettings.h"

#include "common/clock.h"
#include "store/database.h"

namespace Humas {

namespace {
const QString TransportKey = QStringLiteral("sync.transport");
const QString SharedFileKey = QStringLiteral("sync.shared_file");
const QString IntervalKey = QStringLiteral("sync.interval_minutes");
const QString LastRoundKey = QStringLiteral("sync.last_round_at");
const QString LastResultKey = QStringLiteral("sync.last_result");
const QString LastErrorKey = QStringLiteral("sync.last_error");
const QString LastSummaryKey = QStringLiteral("sync.last_summary");
const QString ServerUrlKey = QStringLiteral("sync.server_url");
const QString ServerUserKey = QStringLiteral("sync.server_user");
const QString ServerTokenKey = QStringLiteral("sync.server_token");
const QString ServerExpiresKey = QStringLiteral("sync.server_token_expires_at");
} // namespace

SyncSettings::SyncSettings(Database &db) : m_db(db) {}

QString SyncSettings::transportCode(Transport transport)
{
    switch (transport) {
    case Transport::SharedFile:
        return QStringLiteral("shared-file");
    case Transport::Server:
        return QStringLiteral("server");
    case Transport::None:
        break;
    }
    return QStringLiteral("none");
}

SyncSettings::Transport SyncSettings::transport() const
{
    const QString code = m_db.meta(TransportKey);
    if (code == QLatin1String("shared-file"))
        return Transport::SharedFile;
    if (code == QLatin1String("server"))
        return Transport::Server;
    return Transport::None;
}

bool SyncSettings::setTransport(Transport transport, QString *error)
{
    return m_db.setMeta(TransportKey, transportCode(transport), error);
}

QString SyncSettings::sharedFile() const
{
    return m_db.meta(SharedFileKey);
}

bool SyncSettings::setSharedFile(const QString &path, QString *error)
{
    return m_db.setMeta(SharedFileKey, path, error);
}

QString SyncSettings::serverUrl() const
{
    return m_db.meta(ServerUrlKey);
}

bool SyncSettings::setServerUrl(const QString &url, QString *error)
{
    return m_db.setMeta(ServerUrlKey, url, error);
}

SyncSettings::ServerSignIn SyncSettings::serverSignIn() const
{
    ServerSignIn s;
    s.url = m_db.meta(ServerUrlKey);
    s.username = m_db.meta(ServerUserKey);
    s.token = m_db.meta(ServerTokenKey);
    s.expiresAt = QDateTime::fromString(m_db.meta(ServerExpiresKey), Qt::ISODateWithMs).toUTC();
    return s;
}

bool SyncSettings::hasValidToken(const QString &url, const QString &username) const
{
    const ServerSignIn s = serverSignIn();
    if (s.token.isEmpty() || s.url != url || (!username.isEmpty() && s.username != username))
        return false;
    return s.expiresAt.isValid() && s.expiresAt > Clock::instance()->nowUtc();
}

bool SyncSettings::storeSignIn(const ServerSignIn &signIn, QString *error)
{
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    if (!m_db.setMeta(ServerUrlKey, signIn.url, error) || !m_db.setMeta(ServerUserKey, signIn.username, error) ||
        !m_db.setMeta(ServerTokenKey, signIn.token, error) ||
        !m_db.setMeta(ServerExpiresKey, signIn.expiresAt.toUTC().toString(Qt::ISODateWithMs), error))
        return false;
    return tx.commit(error);
}

bool SyncSettings::forgetToken(QString *error)
{
    Transaction tx(m_db, error);
    if (!tx.isActive())
        return false;
    if (!m_db.setMeta(ServerTokenKey, QString(), error) || !m_db.setMeta(ServerExpiresKey, QString(), error))
        return false;
    return tx.commit(error);
}

int SyncSettings::intervalMinutes() const
{
    bool ok = false;
    const int minutes = m_db.meta(IntervalKey).toInt(&ok);
    return ok && minutes >= 0 ? minutes : 15;
}

bool SyncSettings::setIntervalMinutes(int minutes, QString *error)
{
    if (minutes < 0 || minutes > 24 * 60) {
        if (error)
            *error = tr("The sync interval must be between 0 and 1440 minutes.");
        return false;
    }
    return m_db.setMeta(IntervalKey, QString::number(minutes), error);
}

QString SyncSettings::lastRoundAt() const
{
    return m_db.meta(LastRoundKey);
}

QString SyncSettings::lastResult() const
{
    return m_db.meta(LastResultKey);
}

QString SyncSettings::lastError() const
{
    return m_db.meta(LastErrorKey);
}

QString SyncSettings::lastSummary() const
{
    return m_db.meta(LastSummaryKey);
}

bool SyncSettings::recordRound(bool ok, const QString &summary, const QString &error, QString *errorOut)
{
    if (m_db.isReadOnly() || m_db.transactionDepth() > 0)
        return false;
    Transaction tx(m_db, errorOut);
    if (!tx.isActive())
        return false;
    const QString now = Clock::instance()->nowUtc().toUTC().toString(Qt::ISODate);
    if (!m_db.setMeta(LastRoundKey, now, errorOut) ||
        !m_db.setMeta(LastResultKey, ok ? QStringLiteral("ok") : QStringLiteral("failed"), errorOut) ||
        !m_db.setMeta(LastErrorKey, error, errorOut) || !m_db.setMeta(LastSummaryKey, summary, errorOut))
        return false;
    return tx.commit(errorOut);
}

} // namespace Humas
