#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace HumasUi {

/**
 * Sorting and searching for a Data Master table: text columns sort the way people read
 * them (QCollator: case-insensitive, "OPD 2" before "OPD 10"), numbers and dates by their
 * stored value; the search matches any column.
 */
class RecordSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RecordSortProxy(QObject *parent = nullptr);

    /** Rebuilds the collator for the current language (call on LanguageChange). */
    void updateCollator();

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
};

} // namespace HumasUi
