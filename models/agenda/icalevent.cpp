#include "icalevent.h"

#include <QTimeZone>

namespace Humas {

QDate IcalEvent::firstDay() const
{
    return start.date();
}

QDate IcalEvent::lastDay() const
{
    const QDate first = start.date();
    if (!end.isValid())
        return first;
    // A timed event ending at midnight does not occupy the day that midnight begins.
    const QDate last = (allDay || end.time() == QTime(0, 0)) ? end.date().addDays(-1) : end.date();
    return last < first ? first : last;
}

void IcalEvent::setAllDayRange(const QDate &first, const QDate &last)
{
    allDay = true;
    const QTimeZone zone = start.isValid() ? start.timeZone() : QTimeZone::utc();
    start = QDateTime(first, QTime(0, 0), zone);
    end = QDateTime((last < first ? first : last).addDays(1), QTime(0, 0), zone);
}

bool operator==(const IcalEvent &a, const IcalEvent &b)
{
    if (a.allDay != b.allDay)
        return false;
    // All-day dates are floating: compare the days, not the instants.
    const bool sameTimes = a.allDay ? (a.firstDay() == b.firstDay() && a.lastDay() == b.lastDay())
                                    : (a.start == b.start && a.end == b.end);
    return sameTimes && a.uid == b.uid && a.summary == b.summary && a.description == b.description &&
           a.location == b.location && a.status == b.status && a.classification == b.classification &&
           a.officials == b.officials && a.opd == b.opd && a.lastModified == b.lastModified && a.dtstamp == b.dtstamp;
}

} // namespace Humas
