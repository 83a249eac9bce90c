#include "agenda/freeslotfinder.h"

#include "agenda/conflictindex.h"
#include "agenda/eventspan.h"

#include <algorithm>

namespace Humas {

FreeSlotFinder::FreeSlotFinder(const ConflictIndex &index, int utcOffsetSeconds)
    : m_index(index), m_utcOffsetSeconds(utcOffsetSeconds)
{
}

void FreeSlotFinder::setWorkingHours(const QTime &start, const QTime &end)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return;
    m_workStart = start;
    m_workEnd = end;
}

void FreeSlotFinder::setGranularityMinutes(int minutes)
{
    m_granularity = std::max(1, minutes);
}

QList<qint64> FreeSlotFinder::findSlots(const Request &request) const
{
    QList<qint64> slotStarts;
    if (request.durationMinutes <= 0 || request.maxCount <= 0 || !request.fromDate.isValid() ||
        !request.toDate.isValid())
        return slotStarts;

    EventSpan candidate;
    candidate.setId(request.excludedEventId);
    candidate.setStatus(EventSpan::Status::Terjadwal);
    candidate.setAttendingOfficials(request.officials);
    candidate.setVenueId(request.venueId);
    candidate.setKecamatanId(request.kecamatanId);

    const qint64 duration = qint64(request.durationMinutes) * 60000;
    const qint64 step = qint64(m_granularity) * 60000;
    const qint64 workStart = qint64(m_workStart.msecsSinceStartOfDay());
    const qint64 workEnd = qint64(m_workEnd.msecsSinceStartOfDay());
    for (QDate date = request.fromDate; date <= request.toDate; date = date.addDays(1)) {
        if (!m_workingDays.contains(date.dayOfWeek()) || m_excludedDates.contains(date))
            continue;
        const qint64 midnight = EventSpan::localMidnightMs(date, m_utcOffsetSeconds);
        for (qint64 offset = workStart; offset + duration <= workEnd; offset += step) {
            const qint64 start = midnight + offset;
            if (start < request.notBeforeMs)
                continue;
            candidate.setTimes(start, start + duration);
            if (!m_index.conflictsFor(candidate).isEmpty())
                continue;
            slotStarts.append(start);
            if (slotStarts.size() >= request.maxCount)
                return slotStarts;
        }
    }
    return slotStarts;
}

} // namespace Humas
