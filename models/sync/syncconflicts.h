#pragma once

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Humas {

class Database;

/** One open conflict seen from this PC: "mine" is the value written at this site when one side is ours. */
struct SyncConflict
{
    QString id;
    QString entity;
    QString rowId;
    QString field;
    QString kind; ///< field | delete_edit | unique
    QJsonValue base;
    QJsonValue mine;
    QString mineSite, mineActor, mineAt;
    QJsonValue theirs;
    QString theirsSite, theirsActor, theirsAt;
    /** Whether "mine" is the value the hub refused (the incoming one); else the hub kept mine. */
    bool mineIsIncoming = true;
};

/**
 * The conflicts the hub opened (rows of the synced table sync_conflicts), for the
 * Sinkronisasi page, the field markers and `humasdesk-cli sync conflicts|resolve`.
 */
class SyncConflicts
{
    Q_DECLARE_TR_FUNCTIONS(Humas::SyncConflicts)
public:
    enum class Choice { Mine, Theirs, Value };

    explicit SyncConflicts(Database &db);

    QList<SyncConflict> openConflicts() const;
    /** Open conflicts of one row (field markers in editors). */
    QList<SyncConflict> openConflicts(const QString &entity, const QString &rowId) const;
    bool find(const QString &id, SyncConflict *conflict) const;

    /**
     * One transaction: writes the chosen value into the row's field through ChangeWriter (it
     * syncs as a normal op) and marks the conflict resolved (also synced). @p value is used
     * only with Choice::Value.
     */
    bool resolve(const QString &id, Choice choice, const QJsonValue &value, const QString &actorId, QString *error);

private:
    QList<SyncConflict> query(const QString &where, const QStringList &binds) const;
    Database &m_db;
};

} // namespace Humas
