#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>

class QPainter;

namespace HumasUi {

/**
 * The clash mark every agenda view draws next to the conflict colour, so a clash is told by
 * shape as well as colour: a triangle with an exclamation mark.
 */
namespace WarningMark {
/** Paints the triangle in @p fill with the "!" in @p mark inside @p box. */
void paint(QPainter &painter, const QRectF &box, const QColor &fill, const QColor &mark);
/** A 32-pixel icon: the triangle in the conflict colour with a white "!". */
QIcon icon();
} // namespace WarningMark

} // namespace HumasUi
