#include "agenda/conflictdetector.h"

#include "agenda/travelpolicy.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace Humas {

namespace {

/** Event indices per resource, each list in start order. */
struct Buckets
{
    QHash<QString, int> index;
    QStringList names;
    std::vector<std::vector<int>> lists;

    void add(const QString &resource, int event)
    {
        auto it = index.constFind(resource);
        if (it == index.constEnd()) {
            it = index.insert(resource, int(lists.size()));
            names.append(resource);
            lists.emplace_back();
        }
        lists[size_t(it.value())].push_back(event);
    }
};

bool listedBefore(const QStringList &list, qsizetype pos)
{
    const QString &value = list.at(pos);
    for (qsizetype i = 0; i < pos; ++i) {
        if (list.at(i) == value)
            return true;
    }
    return false;
}

/**
 * Sweeps one resource's events in start order. An event stays active while its end plus
 * @p windowMs lies after the current start, so every active event either overlaps the
 * current one or is within travel distance of it; the others are dropped for good.
 */
void sweep(const QList<EventSpan> &spans, const std::vector<int> &list, const QString &resource,
           Conflict::Kind overlapKind, qint64 windowMs, const TravelPolicy *policy, QList<Conflict> &out)
{
    std::vector<int> active;
    for (const int i : list) {
        const EventSpan &current = spans.at(i);
        const qint64 start = current.startMs();
        size_t kept = 0;
        for (const int j : active) {
            const EventSpan &earlier = spans.at(j);
            if (earlier.endMs() + windowMs <= start)
                continue;
            active[kept++] = j;
            if (earlier.id() == current.id())
                continue;
            if (earlier.endMs() > start) {
                out.append(Conflict::make(overlapKind, earlier.id(), current.id(), resource));
            } else if (policy) {
                const qint64 gap = start - earlier.endMs();
                if (gap < qint64(policy->minutesBetween(earlier, current)) * 60000)
                    out.append(Conflict::make(Conflict::Kind::Travel, earlier.id(), current.id(), resource));
            }
        }
        active.resize(kept);
        active.push_back(i);
    }
}

} // namespace

QList<Conflict> ConflictDetector::findConflicts(const QList<EventSpan> &spans, const TravelPolicy &policy)
{
    std::vector<int> order;
    order.reserve(size_t(spans.size()));
    for (qsizetype i = 0; i < spans.size(); ++i) {
        if (spans.at(i).canClash())
            order.push_back(int(i));
    }
    std::sort(order.begin(), order.end(), [&spans](int a, int b) {
        const qint64 sa = spans.at(a).startMs();
        const qint64 sb = spans.at(b).startMs();
        return sa < sb || (sa == sb && a < b);
    });

    Buckets officials;
    Buckets venues;
    for (const int i : order) {
        const EventSpan &span = spans.at(i);
        const QStringList attending = span.attendingOfficials();
        for (qsizetype k = 0; k < attending.size(); ++k) {
            if (!attending.at(k).isEmpty() && (k == 0 || !listedBefore(attending, k)))
                officials.add(attending.at(k), i);
        }
        if (!span.venueId().isEmpty())
            venues.add(span.venueId(), i);
    }

    QList<Conflict> out;
    const qint64 travelWindow = qint64(policy.maxMinutes()) * 60000;
    for (size_t b = 0; b < officials.lists.size(); ++b) {
        sweep(spans, officials.lists[b], officials.names.at(qsizetype(b)), Conflict::Kind::Official, travelWindow,
              &policy, out);
    }
    for (size_t b = 0; b < venues.lists.size(); ++b)
        sweep(spans, venues.lists[b], venues.names.at(qsizetype(b)), Conflict::Kind::Venue, 0, nullptr, out);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace Humas
