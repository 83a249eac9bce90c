#include "recordsortproxy.h"

#include "master/recordtablemodel.h"

#include <QLocale>

namespace HumasUi {

using Humas::FieldSpec;
using Humas::RecordTableModel;

RecordSortProxy::RecordSortProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    updateCollator();
}

void RecordSortProxy::updateCollator()
{
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English); // the C locale collates bytewise, ignoring numeric mode
    m_collator = QCollator(locale);
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    if (sortColumn() >= 0)
        invalidate();
}

bool RecordSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const RecordTableModel *>(sourceModel());
    if (model) {
        const FieldSpec::Type type = model->columnField(left.column()).type;
        if (type == FieldSpec::Type::Integer) {
            return left.data(RecordTableModel::RawValueRole).toLongLong() <
                   right.data(RecordTableModel::RawValueRole).toLongLong();
        }
        if (type == FieldSpec::Type::Date) {
            // ISO dates sort correctly as text, the displayed "Senin, 5 Mei 2026" does not.
            return left.data(RecordTableModel::RawValueRole).toString() <
                   right.data(RecordTableModel::RawValueRole).toString();
        }
    }
    return m_collator.compare(left.data().toString(), right.data().toString()) < 0;
}

} // namespace HumasUi
