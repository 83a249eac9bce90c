#include "datetext.h"

#include <QLocale>

namespace Humas {

QString DateText::longDate(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("dddd, d MMMM yyyy"));
}

QString DateText::date(const QDate &date)
{
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString DateText::time(const QTime &time, const QString &zoneCode)
{
    // Indonesian official writing uses a dot: 08.00 WITA. English keeps 08:00.
    const bool indonesian = QLocale().language() == QLocale::Indonesian;
    const QString text = time.toString(indonesian ? QStringLiteral("HH.mm") : QStringLiteral("HH:mm"));
    return zoneCode.isEmpty() ? text : text + QLatin1Char(' ') + zoneCode;
}

QString DateText::dateTime(const QDateTime &dt, const QString &zoneCode)
{
    return longDate(dt.date()) + QStringLiteral(", ") + time(dt.time(), zoneCode);
}

} // namespace Humas
