#include "ppid/ppidregistercolorproxy.h"

#include "common/datetext.h"
#include "ppid/ppidregistermodel.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Humas {

namespace {

// Okabe–Ito vermillion and orange: told apart by the common colour-vision deficiencies.
const QColor Vermillion(0xD5, 0x5E, 0x00);
const QColor Amber(0xE6, 0x9F, 0x00);
const QColor NearBlack(0x1A, 0x1A, 0x1A);

/** Paints the marks with QPainter, so they look the same on every platform and at every size. */
class MarkIconEngine : public QIconEngine
{
public:
    enum class Kind { Overdue, DueSoon };
    explicit MarkIconEngine(Kind kind) : m_kind(kind) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF box(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0, side, side);
        const QColor fill = mode == QIcon::Disabled ? QColor(Qt::gray) : (m_kind == Kind::Overdue ? Vermillion : Amber);
        QPen pen(NearBlack, qMax(1.0, side / 12.0));
        pen.setCapStyle(Qt::RoundCap);
        if (m_kind == Kind::Overdue) {
            QPainterPath triangle;
            triangle.moveTo(box.center().x(), box.top() + side * 0.06);
            triangle.lineTo(box.right() - side * 0.04, box.bottom() - side * 0.1);
            triangle.lineTo(box.left() + side * 0.04, box.bottom() - side * 0.1);
            triangle.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawPath(triangle);
            pen.setColor(Qt::white);
            pen.setWidthF(qMax(1.5, side / 9.0));
            painter->setPen(pen);
            const qreal x = box.center().x();
            painter->drawLine(QPointF(x, box.top() + side * 0.36), QPointF(x, box.top() + side * 0.62));
            painter->drawPoint(QPointF(x, box.top() + side * 0.76));
        } else {
            const QRectF face = box.adjusted(side * 0.08, side * 0.08, -side * 0.08, -side * 0.08);
            painter->setPen(pen);
            painter->setBrush(fill);
            painter->drawEllipse(face);
            const QPointF c = face.center();
            painter->drawLine(c, QPointF(c.x(), face.top() + face.height() * 0.2));
            painter->drawLine(c, QPointF(face.left() + face.width() * 0.75, c.y()));
        }
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pm(size);
        pm.fill(Qt::transparent);
        QPainter painter(&pm);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }

    QIconEngine *clone() const override { return new MarkIconEngine(m_kind); }

private:
    Kind m_kind;
};

} // namespace

PpidRegisterColorProxy::PpidRegisterColorProxy(QObject *parent)
    : QIdentityProxyModel(parent), m_overdueIcon(overdueIcon()), m_dueSoonIcon(dueSoonIcon())
{
}

QColor PpidRegisterColorProxy::overdueColor()
{
    return QColor(0xF4, 0xD6, 0xBF); // vermillion at 25 %, near-black text stays above 12:1
}

QColor PpidRegisterColorProxy::dueSoonColor()
{
    return QColor(0xF8, 0xE7, 0xBF); // amber at 25 %
}

QIcon PpidRegisterColorProxy::overdueIcon()
{
    return QIcon(new MarkIconEngine(MarkIconEngine::Kind::Overdue));
}

QIcon PpidRegisterColorProxy::dueSoonIcon()
{
    return QIcon(new MarkIconEngine(MarkIconEngine::Kind::DueSoon));
}

QString PpidRegisterColorProxy::markText(const QModelIndex &index)
{
    const QString due = DateText::date(index.data(PpidRegisterModel::DueDateRole).toDate());
    const int left = index.data(PpidRegisterModel::DaysLeftRole).toInt();
    if (index.data(PpidRegisterModel::OverdueRole).toBool())
        return tr("Overdue: due %1, %n working day(s) late", nullptr, -left).arg(due);
    if (index.data(PpidRegisterModel::DueSoonRole).toBool()) {
        if (left == 0)
            return tr("Due today (%1)").arg(due);
        return tr("Due soon: %1, %n working day(s) left", nullptr, left).arg(due);
    }
    return {};
}

QVariant PpidRegisterColorProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return QIdentityProxyModel::data(index, role);
    switch (role) {
    case Qt::BackgroundRole:
        if (index.data(PpidRegisterModel::OverdueRole).toBool())
            return overdueColor();
        if (index.data(PpidRegisterModel::DueSoonRole).toBool())
            return dueSoonColor();
        break;
    case Qt::ForegroundRole:
        if (index.data(PpidRegisterModel::OverdueRole).toBool() || index.data(PpidRegisterModel::DueSoonRole).toBool())
            return NearBlack;
        break;
    case Qt::DecorationRole:
        if (index.column() == PpidRegisterModel::NumberColumn) {
            if (index.data(PpidRegisterModel::OverdueRole).toBool())
                return m_overdueIcon;
            if (index.data(PpidRegisterModel::DueSoonRole).toBool())
                return m_dueSoonIcon;
        }
        break;
    case Qt::ToolTipRole: {
        const QString mark = markText(index);
        const QString own = QIdentityProxyModel::data(index, role).toString();
        if (mark.isEmpty())
            break;
        return own.isEmpty() ? mark : own + QLatin1Char('\n') + mark;
    }
    default:
        break;
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace Humas
