#include "agenda/agendacolorproxy.h"

#include "agenda/agendamodel.h"

#include <QIcon>

namespace Humas {

AgendaColorProxy::AgendaColorProxy(QObject *parent) : QIdentityProxyModel(parent) {}

QVariant AgendaColorProxy::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case Qt::BackgroundRole: {
        if (index.data(AgendaModel::ConflictRole).toBool())
            return AgendaModel::conflictColor();
        return AgendaModel::statusColor(index.data(AgendaModel::StatusRole).toInt());
    }
    case Qt::ForegroundRole: {
        // White on vermillion, near-black on the light status fills: both above 4.5:1.
        if (index.data(AgendaModel::ConflictRole).toBool())
            return QColor(Qt::white);
        return QColor(0x1A, 0x1A, 0x1A);
    }
    case Qt::ToolTipRole: {
        QString tip = index.data(AgendaModel::TitleRole).toString() + QLatin1Char('\n') +
                      index.sibling(index.row(), AgendaModel::TimeColumn).data(Qt::DisplayRole).toString();
        const QString venue = index.data(AgendaModel::VenueNameRole).toString();
        if (!venue.isEmpty())
            tip += QStringLiteral(" · ") + venue;
        const QString clashes = index.data(AgendaModel::ConflictTextRole).toString();
        if (!clashes.isEmpty())
            tip += QStringLiteral("\n\n") + clashes;
        return tip;
    }
    case Qt::DecorationRole: {
        if (index.column() == 0 && index.data(AgendaModel::ConflictRole).toBool())
            return QIcon::fromTheme(QStringLiteral("dialog-warning"));
        break;
    }
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Humas
