#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

namespace Humas {

/** Which rows of which synced tables one commit changed (entity → row ids). */
class ChangeSet
{
public:
    void add(const QString &entity, const QString &rowId) { m_rows[entity].insert(rowId); }
    void merge(const ChangeSet &other);
    void clear() { m_rows.clear(); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    bool contains(const QString &entity) const { return m_rows.contains(entity); }
    /** Whether any of @p entities changed. */
    bool containsAny(const QStringList &entities) const;
    QSet<QString> rows(const QString &entity) const { return m_rows.value(entity); }
    QStringList entities() const { return m_rows.keys(); }
    int size() const;

private:
    QHash<QString, QSet<QString>> m_rows;
};

/**
 * The store's announcement of committed changes. Database emits committed() once after each
 * outermost COMMIT that changed synced rows, whoever wrote them (ChangeWriter, the sync
 * applier, a conflict resolution); a rollback announces nothing. Item models, the PPID deadline
 * recompute and the status bar follow this signal instead of being reloaded by hand, so rows
 * that arrive by sync refresh the open views by themselves.
 *
 * Emitted synchronously on the connection's thread, after the transaction is closed: a
 * receiver may read and write the database.
 */
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

Q_SIGNALS:
    void committed(const Humas::ChangeSet &changes);
};

} // namespace Humas

Q_DECLARE_METATYPE(Humas::ChangeSet)
