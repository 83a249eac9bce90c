#include "blobstore.h"

#include "common/clock.h"
#include "database.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace Humas {

BlobStore::BlobStore(Database &db) : m_db(db) {}

QString BlobStore::hashOf(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString BlobStore::put(const QByteArray &data, const QString &mime, QString *error)
{
    if (data.size() > MaximumSize) {
        if (error)
            *error = tr("The file is too large (at most %1 MB).").arg(MaximumSize / (1024 * 1024));
        return {};
    }
    const QString sha = hashOf(data);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO blobs(sha256, size, mime, data, created_at) VALUES(?,?,?,?,?) "
                             "ON CONFLICT(sha256) DO NOTHING"));
    q.addBindValue(sha);
    q.addBindValue(data.size());
    q.addBindValue(mime);
    q.addBindValue(data);
    q.addBindValue(Clock::instance()->nowUtc().toString(Qt::ISODateWithMs));
    if (!q.exec()) {
        if (error)
            *error = tr("Could not store the file: %1").arg(q.lastError().text());
        return {};
    }
    return sha;
}

QByteArray BlobStore::get(const QString &sha256) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT data FROM blobs WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (q.exec() && q.next())
        return q.value(0).toByteArray();
    return {};
}

bool BlobStore::contains(const QString &sha256) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = ?"));
    q.addBindValue(sha256);
    return q.exec() && q.next();
}

} // namespace Humas
