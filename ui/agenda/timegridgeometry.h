#pragma once

#include "timegridcontent.h"

#include <QRectF>
#include <QSize>

#include <algorithm>
#include <cmath>

namespace HumasUi {

/**
 * Where things are in a TimeGridView's viewport: the header row, the all-day strip, the
 * hour gutter on the left and the scrolled grid of columns. Plain numbers, recomputed on
 * resize, scroll and content change; shared by the view and its painter.
 */
struct TimeGridGeometry
{
    int gutterWidth = 56;
    int headerHeight = 28;
    int allDayRowHeight = 20;
    int allDayRows = 1; ///< rows shown in the strip (at least one, so it can be seen as a target)
    int hourHeight = 48;
    int columnCount = 1;
    double columnWidth = 100.0;
    int rightGap = 6; ///< free space at the right of each column, to select time beside events
    int scrollX = 0;
    int scrollY = 0;
    QSize viewport;

    int allDayTop() const { return headerHeight; }
    int allDayHeight() const { return allDayRows * allDayRowHeight + 4; }
    int gridTop() const { return headerHeight + allDayHeight(); }
    int contentHeight() const { return 24 * hourHeight; }
    double contentWidth() const { return columnCount * columnWidth; }
    /** The visible part of the time grid (right of the gutter, below the strip). */
    QRectF gridRect() const
    {
        return QRectF(gutterWidth, gridTop(), viewport.width() - gutterWidth, viewport.height() - gridTop());
    }
    double columnX(int column) const { return gutterWidth + column * columnWidth - scrollX; }
    double yForMs(qint64 msInDay) const { return gridTop() + double(msInDay) * hourHeight / 3600000.0 - scrollY; }
    /** Milliseconds after midnight at viewport @p y, clamped to the day. */
    qint64 msForY(double y) const
    {
        const double ms = (y - gridTop() + scrollY) * 3600000.0 / hourHeight;
        return std::clamp<qint64>(qint64(std::llround(ms)), 0, TimeGridContent::DayMs);
    }
    /** The column under viewport @p x, or -1. */
    int columnAt(double x) const
    {
        if (x < gutterWidth || columnWidth <= 0)
            return -1;
        const int c = int(std::floor((x - gutterWidth + scrollX) / columnWidth));
        return c >= 0 && c < columnCount ? c : -1;
    }
    /** Whole-day rectangle of @p column in the grid (may lie outside the viewport). */
    QRectF columnRect(int column) const { return QRectF(columnX(column), yForMs(0), columnWidth, contentHeight()); }
    /** Where a timed event box is drawn. */
    QRectF boxRect(const TimeGridBox &box) const
    {
        const double usable = std::max(4.0, columnWidth - rightGap);
        const double top = yForMs(box.drawFromMs);
        return QRectF(columnX(box.column) + 1 + box.left * usable, top + 1, std::max(2.0, box.width * usable - 2),
                      std::max(2.0, yForMs(box.drawToMs) - top - 2));
    }
    /** A full-width band of @p column from @p fromMs to @p toMs (selection, drag ghost). */
    QRectF bandRect(int column, qint64 fromMs, qint64 toMs) const
    {
        const double top = yForMs(fromMs);
        return QRectF(columnX(column) + 1, top, std::max(4.0, columnWidth - rightGap) - 2, yForMs(toMs) - top);
    }
    /** Where an all-day box is drawn in the strip. */
    QRectF allDayRect(const TimeGridAllDayBox &box) const
    {
        const double left = columnX(box.firstColumn) + 2;
        const double right = columnX(box.lastColumn + 1) - 3;
        return QRectF(left, allDayTop() + 2 + box.row * allDayRowHeight, right - left, allDayRowHeight - 2);
    }
};

} // namespace HumasUi
