#pragma once

#include "sync/syncconflicts.h"

#include <QAbstractTableModel>

namespace Humas {
class Database;
}

namespace HumasUi {

/**
 * The open sync conflicts as a table: the record, the field, and each side's value with who
 * wrote it when. reload() follows the ChangeFeed (a pull or a resolution changes the list).
 */
class SyncConflictModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { RecordColumn, FieldColumn, MineColumn, TheirsColumn, ColumnCount };
    enum Role { ConflictIdRole = Qt::UserRole + 1, EntityRole, RowIdRole };

    explicit SyncConflictModel(Humas::Database &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Humas::SyncConflict conflict(int row) const { return m_conflicts.value(row); }

public Q_SLOTS:
    void reload();

private:
    struct Row
    {
        QString record, field, mine, theirs, mineBy, theirsBy;
    };
    Humas::Database &m_db;
    QList<Humas::SyncConflict> m_conflicts;
    QList<Row> m_rows;
};

} // namespace HumasUi
