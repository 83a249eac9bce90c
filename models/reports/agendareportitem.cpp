#include "agendareportitem.h"

#include <QTimeZone>

namespace Humas {

bool AgendaReportItem::isPrinted() const
{
    return status != QLatin1String("ditunda") && status != QLatin1String("dibatalkan");
}

bool AgendaReportItem::isDelegated() const
{
    for (const QString &requested : officialsRequested) {
        if (!officialsAttending.contains(requested))
            return true;
    }
    return false;
}

bool AgendaReportItem::covers(const QDate &day, const QTimeZone &zone) const
{
    if (!start.isValid() || !day.isValid())
        return false;
    const QDate first = start.toTimeZone(zone).date();
    if (allDay) {
        // The end date is exclusive; an all-day event without a sensible end covers its first day.
        QDate last = end.isValid() ? end.toTimeZone(zone).date().addDays(-1) : first;
        if (last < first)
            last = first;
        return day >= first && day <= last;
    }
    const QDateTime dayStart(day, QTime(0, 0), zone);
    const QDateTime dayEnd(day.addDays(1), QTime(0, 0), zone);
    const QDateTime until = end.isValid() && end > start ? end : start;
    if (until == start) // a point in time: on the day it falls
        return start >= dayStart && start < dayEnd;
    return start < dayEnd && until > dayStart;
}

} // namespace Humas
