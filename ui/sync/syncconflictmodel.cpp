#include "syncconflictmodel.h"

#include "store/changefeed.h"
#include "store/database.h"
#include "sync/syncconflicttext.h"

namespace HumasUi {

SyncConflictModel::SyncConflictModel(Humas::Database &db, QObject *parent) : QAbstractTableModel(parent), m_db(db)
{
    connect(m_db.changeFeed(), &Humas::ChangeFeed::committed, this, [this](const Humas::ChangeSet &changes) {
        bool affected = changes.contains(QStringLiteral("sync_conflicts"));
        for (const Humas::SyncConflict &c : std::as_const(m_conflicts))
            affected = affected || changes.rows(c.entity).contains(c.rowId); // a title may have changed
        if (affected)
            reload();
    });
    reload();
}

void SyncConflictModel::reload()
{
    beginResetModel();
    m_conflicts = Humas::SyncConflicts(m_db).openConflicts();
    m_rows.clear();
    const SyncConflictText text(m_db);
    for (const Humas::SyncConflict &c : std::as_const(m_conflicts)) {
        Row row;
        row.record =
            SyncConflictText::entityName(c.entity) + QStringLiteral(": ") + text.recordTitle(c.entity, c.rowId);
        row.field = SyncConflictText::fieldLabel(c.entity, c.field);
        row.mine = text.valueText(c.entity, c.field, c.mine);
        row.theirs = text.valueText(c.entity, c.field, c.theirs);
        row.mineBy = text.whoWhen(c.mineActor, c.mineSite, c.mineAt);
        row.theirsBy = text.whoWhen(c.theirsActor, c.theirsSite, c.theirsAt);
        m_rows << row;
    }
    endResetModel();
}

int SyncConflictModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int SyncConflictModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncConflictModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Humas::SyncConflict &c = m_conflicts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RecordColumn:
            return row.record;
        case FieldColumn:
            return row.field;
        case MineColumn:
            return QString(row.mine + QLatin1Char('\n') + row.mineBy);
        case TheirsColumn:
            return QString(row.theirs + QLatin1Char('\n') + row.theirsBy);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == MineColumn)
            return QString(row.mine + QLatin1Char('\n') + row.mineBy);
        if (index.column() == TheirsColumn)
            return QString(row.theirs + QLatin1Char('\n') + row.theirsBy);
        return row.record;
    case ConflictIdRole:
        return c.id;
    case EntityRole:
        return c.entity;
    case RowIdRole:
        return c.rowId;
    }
    return {};
}

QVariant SyncConflictModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RecordColumn:
        return tr("Record");
    case FieldColumn:
        return tr("Field");
    case MineColumn:
        return tr("Mine");
    case TheirsColumn:
        return tr("Theirs");
    }
    return {};
}

} // namespace HumasUi
