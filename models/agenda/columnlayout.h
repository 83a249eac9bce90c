#pragma once

#include <QList>
#include <QString>

namespace Humas {

/**
 * Places the events of one day column side by side so that overlapping events never share
 * a column, the way Thunderbird's day view does.
 *
 * Events are half-open intervals [start, end) in any unit (minutes, milliseconds): an event
 * ending at 10.00 does not overlap one starting at 10.00. Events that overlap one another
 * directly or through a chain (A–B, B–C) form a cluster; every cluster gets its own number
 * of columns, the minimum possible, which equals the largest number of its events running
 * at the same instant. Sorting by start and putting each event into the first free column
 * reaches that minimum because overlaps of intervals form an interval graph.
 *
 * Each event is then widened into the columns to its right for as long as those columns are
 * free over its whole interval, so a short event beside a long one does not leave an empty
 * gap. The result says where to draw each event as a fraction of the column width:
 * left() and width().
 *
 * No widgets and no QApplication: the view passes plain intervals.
 */
class ColumnLayout
{
public:
    /** One event to place. An event with end <= start counts as lasting one unit. */
    struct Item
    {
        QString id;
        qint64 start = 0;
        qint64 end = 0; ///< exclusive
    };

    /** Where one event goes. */
    struct Placement
    {
        QString id;
        int column = 0;      ///< first column, 0-based
        int span = 1;        ///< columns covered: [column, column + span)
        int columnCount = 1; ///< columns of the event's cluster
        int cluster = 0;     ///< index of the cluster, in order of start

        /** Left edge as a fraction of the full width, 0..1. */
        double left() const { return double(column) / columnCount; }
        /** Width as a fraction of the full width, 0..1. */
        double width() const { return double(span) / columnCount; }
    };

    /** Lays out @p items; the result has one placement per item, in the order of @p items. */
    static QList<Placement> layout(const QList<Item> &items);
};

} // namespace Humas
