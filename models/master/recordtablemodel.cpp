#include "recordtablemodel.h"

#include "common/datetext.h"
#include "masterdata.h"

#include "store/changefeed.h"
#include "store/database.h"

#include <QDate>

namespace Humas {

RecordTableModel::RecordTableModel(std::unique_ptr<RecordRepository> repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(std::move(repository))
{
    const TableSpec &s = m_repository->spec();
    for (int i = 0; i < s.fields.size(); ++i) {
        if (s.fields.at(i).showInTable)
            m_columns << i;
    }
    reload();
    connect(m_repository->database().changeFeed(), &ChangeFeed::committed, this, &RecordTableModel::onCommitted);
}

void RecordTableModel::onCommitted(const ChangeSet &changes)
{
    QStringList refTables;
    for (const FieldSpec &f : spec().fields) {
        if (f.type == FieldSpec::Type::Reference)
            refTables << f.refTable;
    }
    if (changes.containsAny(refTables)) {
        reload();
        return;
    }
    if (!changes.contains(spec().table))
        return;
    // Edited rows in place (the view keeps its selection and scroll); anything that adds or
    // removes a row re-reads the table, which is as cheap as the rows are few.
    QList<QPair<int, Record>> edited;
    const QSet<QString> ids = changes.rows(spec().table);
    for (const QString &id : ids) {
        const int row = rowOf(id);
        const Record fresh = m_repository->get(id);
        if (row < 0 || !fresh.isValid() || fresh.deleted) {
            if (row < 0 && (!fresh.isValid() || fresh.deleted))
                continue; // a row this table does not show, and still does not
            reload();
            return;
        }
        edited.append({row, fresh});
    }
    for (const auto &e : std::as_const(edited)) {
        m_rows[e.first] = e.second;
        Q_EMIT dataChanged(index(e.first, 0), index(e.first, columnCount() - 1));
    }
}

RecordTableModel::~RecordTableModel() = default;

void RecordTableModel::reload()
{
    beginResetModel();
    m_rows = m_repository->list();
    m_refText.clear();
    for (const FieldSpec &f : spec().fields) {
        if (f.type != FieldSpec::Type::Reference || m_refText.contains(f.refTable))
            continue;
        QHash<QString, QString> texts;
        const auto choices = m_repository->referenceChoices(f);
        for (const auto &c : choices)
            texts.insert(c.first, c.second);
        m_refText.insert(f.refTable, texts);
    }
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const FieldSpec &RecordTableModel::columnField(int column) const
{
    return spec().fields.at(m_columns.at(column));
}

Record RecordTableModel::record(int row) const
{
    return m_rows.value(row);
}

int RecordTableModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString RecordTableModel::displayText(const FieldSpec &field, const QVariant &value) const
{
    switch (field.type) {
    case FieldSpec::Type::Reference:
        return m_refText.value(field.refTable).value(value.toString());
    case FieldSpec::Type::Choice:
        return MasterData::choiceLabel(spec().table, field.name, value.toString());
    case FieldSpec::Type::Date: {
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        return d.isValid() ? DateText::longDate(d) : value.toString();
    }
    case FieldSpec::Type::Integer:
        if (field.name == QLatin1String("active"))
            return value.toInt() ? tr("Yes") : tr("No");
        return value.toString();
    default:
        return value.toString();
    }
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Record &r = m_rows.at(index.row());
    const FieldSpec &f = columnField(index.column());
    const QVariant value = r.values.value(f.name);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(f, value);
    case Qt::EditRole:
    case RawValueRole:
        return value;
    case Qt::ToolTipRole:
        if (f.type == FieldSpec::Type::LongText)
            return value.toString();
        return {};
    case Qt::TextAlignmentRole:
        if (f.type == FieldSpec::Type::Integer)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return r.id;
    case RevRole:
        return r.rev;
    default:
        return {};
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    return MasterData::label(columnField(section).label);
}

} // namespace Humas
