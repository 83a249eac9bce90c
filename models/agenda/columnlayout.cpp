#include "columnlayout.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace Humas {

namespace {

struct Interval
{
    qint64 start;
    qint64 end;
};

/** Whether nothing in @p column (sorted by start, disjoint) overlaps [start, end). */
bool isFree(const std::vector<Interval> &column, qint64 start, qint64 end)
{
    // Disjoint intervals sorted by start are sorted by end too: find the first one ending
    // after start; the column is free when that one starts at or after end.
    const auto it = std::upper_bound(column.begin(), column.end(), start,
                                     [](qint64 value, const Interval &interval) { return value < interval.end; });
    return it == column.end() || it->start >= end;
}

} // namespace

QList<ColumnLayout::Placement> ColumnLayout::layout(const QList<Item> &items)
{
    const int count = int(items.size());
    QList<Placement> result(count);
    std::vector<Interval> spans(count);
    for (int i = 0; i < count; ++i)
        spans[i] = {items[i].start, std::max(items[i].end, items[i].start + 1)};

    // By start; at equal starts the longer event first so it takes the left column, as
    // Thunderbird does. The id keeps the result independent of the input order.
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (spans[a].start != spans[b].start)
            return spans[a].start < spans[b].start;
        if (spans[a].end != spans[b].end)
            return spans[a].end > spans[b].end;
        if (items[a].id != items[b].id)
            return items[a].id < items[b].id;
        return a < b;
    });

    int cluster = 0;
    int pos = 0;
    while (pos < count) {
        // One cluster: events chained by overlaps. Greedy first-free column in start order.
        std::vector<std::vector<Interval>> columns;
        std::vector<int> members;
        qint64 clusterEnd = spans[order[pos]].end;
        do {
            const int i = order[pos];
            int column = 0;
            while (column < int(columns.size()) && columns[column].back().end > spans[i].start)
                ++column;
            if (column == int(columns.size()))
                columns.emplace_back();
            columns[column].push_back(spans[i]);
            result[i].id = items[i].id;
            result[i].column = column;
            result[i].cluster = cluster;
            members.push_back(i);
            clusterEnd = std::max(clusterEnd, spans[i].end);
            ++pos;
        } while (pos < count && spans[order[pos]].start < clusterEnd);

        const int columnCount = int(columns.size());
        for (const int i : members) {
            Placement &p = result[i];
            p.columnCount = columnCount;
            p.span = 1;
            while (p.column + p.span < columnCount && isFree(columns[p.column + p.span], spans[i].start, spans[i].end))
                ++p.span;
        }
        ++cluster;
    }
    return result;
}

} // namespace Humas
