#pragma once

#include <QIdentityProxyModel>

namespace Humas {

/**
 * Presentation of an AgendaModel (through any proxies): Qt::BackgroundRole is
 * AgendaModel::conflictColor() for a conflicting event and AgendaModel::statusColor()
 * otherwise; Qt::ForegroundRole a readable text colour on that fill; Qt::ToolTipRole the
 * title, time, place and, for a conflicting event, the clashes (ConflictTextRole);
 * Qt::DecorationRole a warning icon on conflicting events in the first column.
 * Every other role passes through unchanged.
 */
class AgendaColorProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    explicit AgendaColorProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace Humas
