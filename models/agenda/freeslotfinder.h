#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <limits>

namespace Humas {

class ConflictIndex;

/**
 * Finds the next free start times for a new event ("Cari waktu kosong" in the editor).
 *
 * A slot is free when an event of the requested length, attended by the requested officials
 * at the requested place, would clash with nothing in the ConflictIndex: no official overlap,
 * no venue overlap (when a venue is given) and no travel clash. Slots lie entirely within the
 * working hours (default 07.30–16.00 local time) of a working day (default Monday–Friday) and
 * start on a multiple of the granularity (default 15 minutes) after the start of work.
 *
 * Holidays are not known here; pass them with setExcludedDates().
 */
class FreeSlotFinder
{
public:
    /** What to look for. */
    struct Request
    {
        QStringList officials;    ///< officials who must all be free
        int durationMinutes = 60; ///< length of the event
        QDate fromDate;           ///< first local date searched
        QDate toDate;             ///< last local date searched (inclusive)
        int maxCount = 5;         ///< stop after this many slots
        QString venueId;          ///< optional: also keep the venue free
        QString kecamatanId;      ///< where the event takes place, for travel times
        QString excludedEventId;  ///< the event being edited: its stored version never blocks
        /** Earliest allowed start, UTC ms (the caller's "now", injected). */
        qint64 notBeforeMs = std::numeric_limits<qint64>::min();
    };

    /** @p index must outlive the finder; @p utcOffsetSeconds is the regency's zone (WITA: 28800). */
    FreeSlotFinder(const ConflictIndex &index, int utcOffsetSeconds);

    QTime workStart() const { return m_workStart; }
    QTime workEnd() const { return m_workEnd; }
    /** Working hours in local time; @p end must be after @p start. */
    void setWorkingHours(const QTime &start, const QTime &end);

    /** Days of the week (Qt::DayOfWeek values, 1 = Monday) on which slots may lie. */
    QList<int> workingDays() const { return m_workingDays; }
    void setWorkingDays(const QList<int> &days) { m_workingDays = days; }

    /** Local dates never offered (public holidays, cuti bersama). */
    void setExcludedDates(const QList<QDate> &dates) { m_excludedDates = dates; }

    int granularityMinutes() const { return m_granularity; }
    /** Step between candidate start times; at least 1 minute. */
    void setGranularityMinutes(int minutes);

    /** Start times (UTC ms) of at most Request::maxCount free slots, earliest first. */
    QList<qint64> findSlots(const Request &request) const;

private:
    const ConflictIndex &m_index;
    int m_utcOffsetSeconds = 0;
    QTime m_workStart = QTime(7, 30);
    QTime m_workEnd = QTime(16, 0);
    QList<int> m_workingDays = {1, 2, 3, 4, 5};
    QList<QDate> m_excludedDates;
    int m_granularity = 15;
};

} // namespace Humas
