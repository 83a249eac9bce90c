#include "ppid/workingcalendar.h"

#include "settings/appsettings.h"
#include "store/database.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace Humas {

namespace {

bool isWeekend(const QDate &date)
{
    return date.dayOfWeek() >= Qt::Saturday;
}

} // namespace

WorkingCalendar::WorkingCalendar(const QList<QDate> &holidays, const QList<QDate> &cutiBersama,
                                 bool cutiBersamaIsWorking)
{
    // Only weekdays matter: a holiday on a Saturday or Sunday closes nothing more.
    for (const QDate &d : holidays) {
        if (d.isValid() && !isWeekend(d))
            m_closed.insert(d);
    }
    if (!cutiBersamaIsWorking) {
        for (const QDate &d : cutiBersama) {
            if (d.isValid() && !isWeekend(d))
                m_closed.insert(d);
        }
    }
}

WorkingCalendar WorkingCalendar::load(Database &db)
{
    return load(db, AppSettings(db, Actor::system()).cutiBersamaIsWorkingDay());
}

WorkingCalendar WorkingCalendar::load(Database &db, bool cutiBersamaIsWorking)
{
    QList<QDate> holidays;
    QList<QDate> cutiBersama;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    // "lokal" (a regency's own holiday) closes the office like a national one.
    if (q.exec(QStringLiteral("SELECT date, kind FROM holidays WHERE deleted = 0"))) {
        while (q.next()) {
            const QDate date = QDate::fromString(q.value(0).toString(), Qt::ISODate);
            if (q.value(1).toString() == QLatin1String("cuti_bersama"))
                cutiBersama.append(date);
            else
                holidays.append(date);
        }
    }
    return WorkingCalendar(holidays, cutiBersama, cutiBersamaIsWorking);
}

bool WorkingCalendar::isWorkingDay(const QDate &date) const
{
    return date.isValid() && !isWeekend(date) && !m_closed.contains(date);
}

QDate WorkingCalendar::addWorkingDays(const QDate &day0, int workingDays) const
{
    if (!day0.isValid())
        return {};
    // Walk with the Julian day number and the weekday kept in step: the set lookup only
    // happens on weekdays, which keeps a million computations well under a second.
    qint64 jd = day0.toJulianDay();
    int weekday = day0.dayOfWeek(); // 1 = Monday … 7 = Sunday
    int counted = 0;
    while (counted < workingDays) {
        ++jd;
        weekday = weekday == 7 ? 1 : weekday + 1;
        if (weekday >= 6)
            continue;
        if (!m_closed.isEmpty() && m_closed.contains(QDate::fromJulianDay(jd)))
            continue;
        ++counted;
    }
    return QDate::fromJulianDay(jd);
}

int WorkingCalendar::workingDaysBetween(const QDate &from, const QDate &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return 0;
    int count = 0;
    for (QDate d = from.addDays(1); d <= to; d = d.addDays(1)) {
        if (isWorkingDay(d))
            ++count;
    }
    return count;
}

} // namespace Humas
