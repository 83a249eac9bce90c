#include "agenda/conflictindex.h"

#include <algorithm>
#include <limits>

namespace Humas {

namespace {

bool listedBefore(const QStringList &list, qsizetype pos)
{
    for (qsizetype i = 0; i < pos; ++i) {
        if (list.at(i) == list.at(pos))
            return true;
    }
    return false;
}

} // namespace

ConflictIndex::ConflictIndex(const QList<EventSpan> &spans, const TravelPolicy &policy)
{
    rebuild(spans, policy);
}

void ConflictIndex::rebuild(const QList<EventSpan> &spans, const TravelPolicy &policy)
{
    m_policy = policy;
    m_spans.clear();
    m_officials.clear();
    m_venues.clear();
    m_spans.reserve(spans.size());
    for (const EventSpan &span : spans) {
        if (span.canClash())
            m_spans.append(span);
    }

    std::vector<int> order(size_t(m_spans.size()));
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = int(i);
    std::sort(order.begin(), order.end(), [this](int a, int b) {
        const qint64 sa = m_spans.at(a).startMs();
        const qint64 sb = m_spans.at(b).startMs();
        return sa < sb || (sa == sb && a < b);
    });

    QHash<QString, std::vector<int>> officialLists;
    QHash<QString, std::vector<int>> venueLists;
    for (const int i : order) {
        const EventSpan &span = m_spans.at(i);
        const QStringList attending = span.attendingOfficials();
        for (qsizetype k = 0; k < attending.size(); ++k) {
            if (!attending.at(k).isEmpty() && !listedBefore(attending, k))
                officialLists[attending.at(k)].push_back(i);
        }
        if (!span.venueId().isEmpty())
            venueLists[span.venueId()].push_back(i);
    }

    const auto build = [this](const std::vector<int> &events) {
        Timeline timeline;
        timeline.events = events;
        timeline.starts.reserve(events.size());
        timeline.maxEnds.reserve(events.size());
        qint64 maxEnd = std::numeric_limits<qint64>::min();
        for (const int i : events) {
            timeline.starts.push_back(m_spans.at(i).startMs());
            maxEnd = std::max(maxEnd, m_spans.at(i).endMs());
            timeline.maxEnds.push_back(maxEnd);
        }
        return timeline;
    };
    for (auto it = officialLists.cbegin(); it != officialLists.cend(); ++it)
        m_officials.insert(it.key(), build(it.value()));
    for (auto it = venueLists.cbegin(); it != venueLists.cend(); ++it)
        m_venues.insert(it.key(), build(it.value()));
}

QList<Conflict> ConflictIndex::conflictsFor(const EventSpan &edited) const
{
    QList<Conflict> out;
    if (!edited.canClash())
        return out;
    const QStringList attending = edited.attendingOfficials();
    for (qsizetype k = 0; k < attending.size(); ++k) {
        if (attending.at(k).isEmpty() || listedBefore(attending, k))
            continue;
        const auto it = m_officials.constFind(attending.at(k));
        if (it != m_officials.constEnd())
            query(it.value(), edited, attending.at(k), true, out);
    }
    if (!edited.venueId().isEmpty()) {
        const auto it = m_venues.constFind(edited.venueId());
        if (it != m_venues.constEnd())
            query(it.value(), edited, edited.venueId(), false, out);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void ConflictIndex::query(const Timeline &timeline, const EventSpan &edited, const QString &resource, bool official,
                          QList<Conflict> &out) const
{
    // Officials need the travel window on both sides; venues only care about overlap.
    const qint64 window = official ? qint64(m_policy.maxMinutes()) * 60000 : 0;
    const qint64 start = edited.startMs();
    const qint64 end = edited.endMs();
    const auto hi = std::lower_bound(timeline.starts.cbegin(), timeline.starts.cend(), end + window);
    for (auto pos = hi - timeline.starts.cbegin() - 1; pos >= 0; --pos) {
        if (timeline.maxEnds[size_t(pos)] + window <= start)
            break;
        const EventSpan &other = m_spans.at(timeline.events[size_t(pos)]);
        if (other.endMs() + window <= start || other.id() == edited.id())
            continue;
        if (other.overlaps(edited)) {
            out.append(Conflict::make(official ? Conflict::Kind::Official : Conflict::Kind::Venue, edited.id(),
                                      other.id(), resource));
        } else if (official) {
            const qint64 gap = other.startMs() >= end ? other.startMs() - end : start - other.endMs();
            if (gap < qint64(m_policy.minutesBetween(edited, other)) * 60000)
                out.append(Conflict::make(Conflict::Kind::Travel, edited.id(), other.id(), resource));
        }
    }
}

} // namespace Humas
