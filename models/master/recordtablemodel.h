#pragma once

#include "recordrepository.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace Humas {

class ChangeSet;

/**
 * A reference table as a Qt item model for Data Master: one column per visible field,
 * references shown by their display text, choices by their translated label.
 *
 * It follows the store's ChangeFeed: rows of its table that were edited are re-read and
 * announced with dataChanged; added, deleted or restored rows, and changes to a table its
 * references point at, re-read the table.
 */
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, RawValueRole, RevRole };

    RecordTableModel(std::unique_ptr<RecordRepository> repository, QObject *parent = nullptr);
    ~RecordTableModel() override;

    RecordRepository *repository() const { return m_repository.get(); }
    const TableSpec &spec() const { return m_repository->spec(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    Record record(int row) const;
    int rowOf(const QString &id) const;
    /** The field shown in a column. */
    const FieldSpec &columnField(int column) const;

public Q_SLOTS:
    /** Re-reads the table (the language changed; writes are followed through the ChangeFeed). */
    void reload();

private:
    void onCommitted(const ChangeSet &changes);
    QString displayText(const FieldSpec &field, const QVariant &value) const;

    std::unique_ptr<RecordRepository> m_repository;
    QList<int> m_columns; // indexes into spec().fields
    QList<Record> m_rows;
    QHash<QString, QHash<QString, QString>> m_refText; // refTable -> id -> display
};

} // namespace Humas
