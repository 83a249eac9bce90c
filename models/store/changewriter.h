#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

namespace Humas {

class Database;

/** A field a patch refused because it changed underneath the user (see ChangeWriter::patch). */
struct StaleField
{
    QString field;
    QVariant started; ///< the value the user started from
    QVariant current; ///< the value stored now (a colleague's, or one that arrived by sync)
    QVariant mine;    ///< the value the user wanted to write
};

/**
 * The only way rows of synced tables are written. Each insert, update or delete writes the
 * row with fresh sync metadata (rev, updated_at, updated_by = the actor's user id, site_id,
 * hlc) and appends an outbox entry (op id, entity, row id, op, changed fields with old and
 * new values, base rev, base seq) in the same transaction, so either both are stored or
 * neither is; the rows written are announced through Database::changeFeed() after commit.
 *
 * There is one ChangeWriter per database connection (Database::writer()), so its prepared
 * statements survive from one write to the next; the actor is named on every write.
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

    explicit ChangeWriter(Database &db);
    ChangeWriter(const ChangeWriter &) = delete;
    ChangeWriter &operator=(const ChangeWriter &) = delete;

    /** Inserts a row with a new UUID v7, returned through @p id (may be null). */
    bool insert(const QString &actorId, const QString &table, const QVariantMap &values, QString *id,
                QString *error);
    /** Inserts a row under a given id (name-based ids of seeded rows, demo data). */
    bool insertWithId(const QString &actorId, const QString &table, const QString &id, const QVariantMap &values,
                      QString *error);
    /**
     * Sets the given fields, whatever they hold now; unchanged values are skipped; no change
     * writes nothing. For writes decided by the program (a status step, a recompute, a
     * sequence counter); a user's edit of fields goes through patch().
     */
    bool update(const QString &actorId, const QString &table, const QString &id, const QVariantMap &values,
                QString *error);
    /**
     * A user's edit: writes each field of @p values only if it still holds the value in
     * @p started (the value the user began from; a field missing from @p started is not
     * checked). If any field changed underneath, nothing is written, false is returned, the
     * fields are listed in @p stale (may be null) and @p error names them with both values.
     */
    bool patch(const QString &actorId, const QString &table, const QString &id, const QVariantMap &started,
               const QVariantMap &values, QString *error, QList<StaleField> *stale = nullptr);
    /** Marks the row deleted (tombstone). */
    bool remove(const QString &actorId, const QString &table, const QString &id, QString *error);
    /** Clears the tombstone of a deleted row (undo of a delete). */
    bool restore(const QString &actorId, const QString &table, const QString &id, QString *error);

    /** Current row (all columns) or an empty map. Includes tombstoned rows. */
    QVariantMap row(const QString &table, const QString &id) const;

    /** Test seam: when the hook returns true at a point, the write fails there. */
    static void setFaultHook(FaultHook hook);

    /** The sync metadata columns every synced table has. */
    static const QStringList &syncColumns();

    /** Normalises a value the way it is stored (dates as ISO text, bools as 0/1). */
    static QVariant storageValue(const QVariant &value);
    /** Whether two stored values are the same (null only equals null; otherwise as text). */
    static bool sameValue(const QVariant &a, const QVariant &b);
    /** "judul: Anda mulai dari "A", kini tersimpan "B"" lines for a refused patch. */
    static QString staleMessage(const QList<StaleField> &stale);
    /** Number of prepared statements this writer holds (tests: they survive between writes). */
    int preparedStatementCount() const { return int(m_queries.size()); }

private:
    bool writeUpdate(const QString &actorId, const QString &table, const QString &id, const QVariantMap &values,
                     const QVariantMap *started, const QString &op, QString *error, QList<StaleField> *stale);
    bool appendOutbox(const QString &actorId, const QString &table, const QString &id, const QString &op,
                      const QVariantMap &oldValues, const QVariantMap &newValues, int baseRev, qint64 baseSeq,
                      int rev, const QString &hlc, const QString &now, QString *error);
    QStringList columns(const QString &table) const;
    QSqlQuery &prepared(const QString &sql, bool *ok);
    bool checkColumns(const QString &table, const QVariantMap &values, QString *error) const;

    Database &m_db;
    mutable QHash<QString, QStringList> m_columns;
    mutable QHash<QString, QSet<QString>> m_writable; // columns a caller may write, per synced table
    QHash<QString, QSqlQuery> m_queries;
    QHash<QString, QString> m_insertSql; // "table|col,col" -> INSERT text
    QSqlQuery m_failedQuery;
};

} // namespace Humas
