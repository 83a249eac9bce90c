#include "sessionstore.h"

#include "common/clock.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Humas::Server {

namespace {

QAtomicInt connectionCounter;

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime fromIso(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

} // namespace

SessionStore::SessionStore(const QString &path)
    : m_path(path)
    , m_connectionName(QStringLiteral("humas-server-sessions-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

SessionStore::~SessionStore()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool SessionStore::open(QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = tr("Cannot open the sign-in store %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    const QStringList statements = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=FULL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS tokens ("
                       " token_hash TEXT PRIMARY KEY,"
                       " user_id TEXT NOT NULL,"
                       " username TEXT NOT NULL,"
                       " site TEXT NOT NULL,"
                       " issued_at TEXT NOT NULL,"
                       " expires_at TEXT NOT NULL,"
                       " revoked_at TEXT)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS tokens_user ON tokens(user_id)"),
    };
    for (const QString &s : statements) {
        if (!q.exec(s)) {
            if (error)
                *error = tr("Cannot prepare the sign-in store %1: %2").arg(m_path, q.lastError().text());
            return false;
        }
    }
    return true;
}

QString SessionStore::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool SessionStore::issue(const QString &userId, const QString &username, const QString &site, QString *token,
                         QDateTime *expiresAt, QString *error)
{
    QByteArray random(32, Qt::Uninitialized);
    // QRandomGenerator::system() reads the operating system's CSPRNG (getrandom on Linux).
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    const QString t = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime now = Clock::instance()->nowUtc();
    const QDateTime expires = now.addDays(TokenDays);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT INTO tokens (token_hash, user_id, username, site, issued_at, expires_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(hashToken(t));
    q.addBindValue(userId);
    q.addBindValue(username);
    q.addBindValue(site);
    q.addBindValue(isoUtc(now));
    q.addBindValue(isoUtc(expires));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    *token = t;
    if (expiresAt)
        *expiresAt = expires;
    return true;
}

bool SessionStore::lookup(const QString &token, Session *session, QString *error) const
{
    if (token.isEmpty() || token.size() > 128)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT user_id, username, site, issued_at, expires_at FROM tokens "
                             "WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?"));
    q.addBindValue(hashToken(token));
    q.addBindValue(isoUtc(Clock::instance()->nowUtc()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (!q.next())
        return false;
    if (session) {
        session->userId = q.value(0).toString();
        session->username = q.value(1).toString();
        session->site = q.value(2).toString();
        session->issuedAt = fromIso(q.value(3).toString());
        session->expiresAt = fromIso(q.value(4).toString());
    }
    return true;
}

bool SessionStore::revoke(const QString &token, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL"));
    q.addBindValue(isoUtc(Clock::instance()->nowUtc()));
    q.addBindValue(hashToken(token));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

bool SessionStore::revokeUser(const QString &userId, int *count, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"));
    q.addBindValue(isoUtc(Clock::instance()->nowUtc()));
    q.addBindValue(userId);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (count)
        *count = q.numRowsAffected();
    return true;
}

bool SessionStore::list(QList<Session> *sessions, QString *error) const
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT user_id, username, site, issued_at, expires_at FROM tokens "
                             "WHERE revoked_at IS NULL AND expires_at > ? ORDER BY issued_at DESC"));
    q.addBindValue(isoUtc(Clock::instance()->nowUtc()));
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    while (q.next())
        sessions->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          fromIso(q.value(3).toString()), fromIso(q.value(4).toString())});
    return true;
}

void LoginThrottle::prune(QList<QDateTime> *times, const QDateTime &now)
{
    const QDateTime oldest = now.addSecs(-WindowSeconds);
    times->erase(std::remove_if(times->begin(), times->end(), [&](const QDateTime &t) { return t <= oldest; }),
                 times->end());
}

bool LoginThrottle::allowed(const QString &username, const QString &address, const QDateTime &now, int *retryAfter)
{
    QMutexLocker lock(&m_mutex);
    auto check = [&](QHash<QString, QList<QDateTime>> &map, const QString &key, int max) {
        auto it = map.find(key);
        if (it == map.end())
            return true;
        prune(&*it, now);
        if (it->isEmpty()) {
            map.erase(it);
            return true;
        }
        if (it->size() < max)
            return true;
        // Free again when the oldest failure still counted leaves the window.
        const qint64 wait = now.secsTo(it->at(it->size() - max).addSecs(WindowSeconds));
        *retryAfter = std::max(*retryAfter, int(std::max<qint64>(1, wait)));
        return false;
    };
    *retryAfter = 0;
    const bool userOk = check(m_byUser, username.toLower(), MaxPerUser);
    const bool addressOk = check(m_byAddress, address, MaxPerAddress);
    return userOk && addressOk;
}

void LoginThrottle::failed(const QString &username, const QString &address, const QDateTime &now)
{
    QMutexLocker lock(&m_mutex);
    // Bounded: a flood of made-up user names cannot grow the table without limit.
    if (m_byUser.size() > 100000)
        m_byUser.clear();
    if (m_byAddress.size() > 100000)
        m_byAddress.clear();
    m_byUser[username.toLower()].append(now);
    m_byAddress[address].append(now);
}

void LoginThrottle::succeeded(const QString &username)
{
    QMutexLocker lock(&m_mutex);
    m_byUser.remove(username.toLower());
}

} // namespace Humas::Server
