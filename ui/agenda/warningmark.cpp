#include "agenda/warningmark.h"

#include "agenda/agendamodel.h"

#include <QPainter>
#include <QPixmap>
#include <QPolygonF>

#include <algorithm>

namespace HumasUi {

void WarningMark::paint(QPainter &painter, const QRectF &b, const QColor &fill, const QColor &mark)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPolygonF triangle({QPointF(b.center().x(), b.top()), b.bottomRight(), b.bottomLeft()});
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawPolygon(triangle);
    // The exclamation mark: a bar and a dot.
    const qreal cx = b.center().x();
    const qreal unit = std::max<qreal>(1.0, b.height() / 8.0);
    painter.setBrush(mark);
    painter.drawRect(QRectF(cx - unit / 2, b.top() + 2.5 * unit, unit, 3 * unit));
    painter.drawRect(QRectF(cx - unit / 2, b.bottom() - 1.7 * unit, unit, unit));
    painter.restore();
}

QIcon WarningMark::icon()
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paint(painter, QRectF(1, 2, 30, 28), Humas::AgendaModel::conflictColor(), Qt::white);
    painter.end();
    return QIcon(pixmap);
}

} // namespace HumasUi
