#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Humas {

/**
 * Dates and times written the way the current language writes them. In Indonesian:
 * "Senin, 23 November 2026", "23 November 2026", "08.00 WITA".
 */
class DateText
{
public:
    static QString longDate(const QDate &date);
    static QString date(const QDate &date);
    static QString time(const QTime &time, const QString &zoneCode = {});
    static QString dateTime(const QDateTime &dt, const QString &zoneCode = {});
};

} // namespace Humas
