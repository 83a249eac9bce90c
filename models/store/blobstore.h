#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Humas {

class Database;

/**
 * Content-addressed attachments (invitation scans, photos, letters, the emblem): stored once
 * under their SHA-256, never changed, so sync transfers each blob once.
 */
class BlobStore
{
    Q_DECLARE_TR_FUNCTIONS(Humas::BlobStore)
public:
    explicit BlobStore(Database &db);

    static constexpr qint64 MaximumSize = 50 * 1024 * 1024;

    /** Stores @p data (if new) and returns its lowercase hex SHA-256, or an empty string on error. */
    QString put(const QByteArray &data, const QString &mime, QString *error);
    QByteArray get(const QString &sha256) const;
    bool contains(const QString &sha256) const;
    static QString hashOf(const QByteArray &data);

private:
    Database &m_db;
};

} // namespace Humas
