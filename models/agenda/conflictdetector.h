#pragma once

#include "agenda/conflict.h"
#include "agenda/eventspan.h"

#include <QList>

namespace Humas {

class TravelPolicy;

/**
 * Finds every clash in a set of events (issue 3, "Conflicts").
 *
 * - Official: two events overlap and share an attending official.
 * - Venue: two events overlap at the same (non-empty) venue.
 * - Travel: two events of one official do not overlap, but the gap between them is shorter
 *   than TravelPolicy::minutesBetween(); a pair that overlaps is reported as Official only.
 *
 * Intervals are half-open; events that cannot clash (EventSpan::canClash()) are ignored.
 * Each pair is reported once per kind and resource (first < second by id, see Conflict).
 *
 * The work is a sweep over the events of each official and each venue in start order:
 * O(n log n + k) for k reported pairs, plus, for travel, the pairs of one official that lie
 * less than TravelPolicy::maxMinutes() apart without clashing (few in a real agenda).
 */
class ConflictDetector
{
public:
    /** All conflicts among @p spans, sorted by Conflict's operator<. */
    static QList<Conflict> findConflicts(const QList<EventSpan> &spans, const TravelPolicy &policy);
};

} // namespace Humas
