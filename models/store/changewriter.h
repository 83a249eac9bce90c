#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace Humas {

class Database;

/**
 * The only way rows of synced tables are written. Each insert, update or delete writes the
 * row with fresh sync metadata (rev, updated_at, updated_by, site_id, hlc) and appends an
 * outbox entry (op id, entity, row id, op, changed fields with old and new values, base rev)
 * in the same transaction, so either both are stored or neither is.
 *
 * Deletes are tombstones (deleted = 1); nothing is physically removed.
 */
class ChangeWriter
{
    Q_DECLARE_TR_FUNCTIONS(Humas::ChangeWriter)
public:
    /** Points inside a write where a test can make the write fail (see setFaultHook). */
    enum class FaultPoint { AfterRowWrite, AfterOutboxWrite };
    using FaultHook = std::function<bool(FaultPoint)>;

    ChangeWriter(Database &db, QString actor);

    /** Inserts a row with a new UUID v7, returned through @p id (may be null). */
    bool insert(const QString &table, const QVariantMap &values, QString *id, QString *error);
    /** Inserts a row under a given id (name-based ids of seeded rows, demo data). */
    bool insertWithId(const QString &table, const QString &id, const QVariantMap &values, QString *error);
    /** Updates the given fields; unchanged values are skipped; no change writes nothing. */
    bool update(const QString &table, const QString &id, const QVariantMap &values, QString *error);
    /** Marks the row deleted (tombstone). */
    bool remove(const QString &table, const QString &id, QString *error);
    /** Clears the tombstone of a deleted row (undo of a delete). */
    bool restore(const QString &table, const QString &id, QString *error);

    /** Current row (all columns) or an empty map. Includes tombstoned rows. */
    QVariantMap row(const QString &table, const QString &id) const;

    /** Test seam: when the hook returns true at a point, the write fails there. */
    static void setFaultHook(FaultHook hook);

    /** The sync metadata columns every synced table has. */
    static const QStringList &syncColumns();

    /** Normalises a value the way it is stored (dates as ISO text, bools as 0/1). */
    static QVariant storageValue(const QVariant &value);

private:
    bool writeUpdate(const QString &table, const QString &id, const QVariantMap &values, const QString &op,
                     QString *error);
    bool appendOutbox(const QString &table, const QString &id, const QString &op, const QVariantMap &oldValues,
                      const QVariantMap &newValues, int baseRev, int rev, const QString &hlc, const QString &now,
                      QString *error);
    QStringList columns(const QString &table) const;
    QSqlQuery &prepared(const QString &sql, bool *ok);
    bool checkColumns(const QString &table, const QVariantMap &values, QString *error) const;

    Database &m_db;
    QString m_actor;
    mutable QHash<QString, QStringList> m_columns;
    QHash<QString, QSqlQuery> m_queries;
    QHash<QString, QString> m_insertSql; // "table|col,col" -> INSERT text
    QSqlQuery m_failedQuery;
};

} // namespace Humas
