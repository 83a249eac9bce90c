#pragma once

#include "agenda/conflict.h"
#include "agenda/eventspan.h"
#include "agenda/travelpolicy.h"

#include <QHash>
#include <QList>

#include <vector>

namespace Humas {

/**
 * Answers "what would this event clash with?" for an event being edited or created, without
 * looking at every other event: the editor's live conflict panel and the free-slot search.
 *
 * Built once from the stored events: per official and per venue the events sorted by start,
 * with a running maximum of their ends. A query binary-searches the last event starting
 * before the edited one ends (plus the travel window) and walks back while the running
 * maximum end can still reach it: O(log n + k) in practice (a very long event of the same
 * official keeps the walk going over the events it covers).
 *
 * The rules are those of ConflictDetector; the result for every stored event, merged,
 * equals ConflictDetector::findConflicts() on the same events.
 */
class ConflictIndex
{
public:
    ConflictIndex() = default;
    /** Indexes @p spans; events that cannot clash are left out. */
    ConflictIndex(const QList<EventSpan> &spans, const TravelPolicy &policy);

    /** Replaces the indexed events and the travel policy. */
    void rebuild(const QList<EventSpan> &spans, const TravelPolicy &policy);

    /**
     * The clashes @p edited would have with the indexed events, of all three kinds, sorted
     * by Conflict's operator<. Indexed events with the same id as @p edited (its stored,
     * older version) are ignored. Empty when @p edited cannot clash.
     */
    QList<Conflict> conflictsFor(const EventSpan &edited) const;

    /** Number of indexed events (those that can clash). */
    qsizetype size() const { return m_spans.size(); }
    const TravelPolicy &travelPolicy() const { return m_policy; }

private:
    /** One resource's events in start order, with the running maximum of their ends. */
    struct Timeline
    {
        std::vector<qint64> starts;
        std::vector<qint64> maxEnds;
        std::vector<int> events;
    };

    void query(const Timeline &timeline, const EventSpan &edited, const QString &resource, bool official,
               QList<Conflict> &out) const;

    QList<EventSpan> m_spans;
    TravelPolicy m_policy;
    QHash<QString, Timeline> m_officials;
    QHash<QString, Timeline> m_venues;
};

} // namespace Humas
