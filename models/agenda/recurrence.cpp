#include "recurrence.h"

#include <algorithm>

namespace Humas {

namespace {

bool parseDigits(QStringView text, int *value)
{
    int result = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
        result = result * 10 + (c.unicode() - '0');
    }
    *value = result;
    return !text.isEmpty();
}

bool parseWeekday(QStringView text, Qt::DayOfWeek *day)
{
    static const char *const names[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
    for (int i = 0; i < 7; ++i) {
        if (text.compare(QLatin1String(names[i]), Qt::CaseInsensitive) == 0) {
            *day = Qt::DayOfWeek(i + 1);
            return true;
        }
    }
    return false;
}

bool parsePositive(QStringView text, int *value)
{
    return parseDigits(text, value) && *value > 0;
}

/** Day of a month from a BYMONTHDAY value (negative counts from the end); invalid if absent. */
QDate monthDay(int year, int month, int day)
{
    const int length = QDate(year, month, 1).daysInMonth();
    const int d = day > 0 ? day : length + day + 1;
    return (d >= 1 && d <= length) ? QDate(year, month, d) : QDate();
}

/** The @p ordinal-th @p day of a month (negative counts from the end; 0 gives all of them). */
QList<QDate> weekdaysInMonth(int year, int month, int ordinal, Qt::DayOfWeek day)
{
    QList<QDate> all;
    const QDate first(year, month, 1);
    for (QDate d = first.addDays((day - first.dayOfWeek() + 7) % 7); d.month() == month; d = d.addDays(7))
        all.append(d);
    if (ordinal == 0)
        return all;
    const qsizetype index = ordinal > 0 ? ordinal - 1 : all.size() + ordinal;
    if (index < 0 || index >= all.size())
        return {};
    return {all.at(index)};
}

} // namespace

bool parseIcalDateTime(QStringView text, const QTimeZone &zone, QDateTime *result, bool *isDate)
{
    int y = 0, mo = 0, d = 0;
    if (text.size() < 8 || !parseDigits(text.left(4), &y) || !parseDigits(text.mid(4, 2), &mo) ||
        !parseDigits(text.mid(6, 2), &d))
        return false;
    const QDate date(y, mo, d);
    if (!date.isValid())
        return false;
    if (text.size() == 8) {
        *result = QDateTime(date, QTime(0, 0), zone);
        if (isDate)
            *isDate = true;
        return true;
    }
    const bool utc = text.size() == 16 && text.at(15) == QLatin1Char('Z');
    int h = 0, mi = 0, s = 0;
    if ((text.size() != 15 && !utc) || text.at(8).toUpper() != QLatin1Char('T') || !parseDigits(text.mid(9, 2), &h) ||
        !parseDigits(text.mid(11, 2), &mi) || !parseDigits(text.mid(13, 2), &s))
        return false;
    // RFC 5545 allows a leap second (60); Qt does not, so it is folded into :59.
    const QTime time(h, mi, s == 60 ? 59 : s);
    if (!time.isValid())
        return false;
    *result = utc ? QDateTime(date, time, Qt::UTC) : QDateTime(date, time, zone);
    if (isDate)
        *isDate = false;
    return true;
}

bool RecurrenceRule::parse(const QString &value, const QTimeZone &floatingZone, RecurrenceRule *rule, QString *error)
{
    RecurrenceRule r;
    bool hasFrequency = false;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QList<QStringView> parts = QStringView(value).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QStringView part : parts) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const QString name = part.left(eq).toString().toUpper();
        const QStringView v = eq < 0 ? QStringView() : part.mid(eq + 1);
        if (eq < 0 || v.isEmpty())
            return fail(tr("The recurrence rule part \"%1\" has no value.").arg(part.toString()));
        if (name == QLatin1String("FREQ")) {
            const QString f = v.toString().toUpper();
            if (f == QLatin1String("DAILY"))
                r.frequency = Frequency::Daily;
            else if (f == QLatin1String("WEEKLY"))
                r.frequency = Frequency::Weekly;
            else if (f == QLatin1String("MONTHLY"))
                r.frequency = Frequency::Monthly;
            else if (f == QLatin1String("YEARLY"))
                r.frequency = Frequency::Yearly;
            else
                return fail(tr("The recurrence frequency \"%1\" is unknown or not supported.").arg(f));
            hasFrequency = true;
        } else if (name == QLatin1String("INTERVAL")) {
            if (!parsePositive(v, &r.interval))
                return fail(tr("The recurrence interval \"%1\" is not a positive number.").arg(v.toString()));
        } else if (name == QLatin1String("COUNT")) {
            if (!parsePositive(v, &r.count))
                return fail(tr("The recurrence count \"%1\" is not a positive number.").arg(v.toString()));
        } else if (name == QLatin1String("UNTIL")) {
            if (!parseIcalDateTime(v, floatingZone, &r.until, &r.untilIsDate))
                return fail(tr("The recurrence end \"%1\" is not a valid date.").arg(v.toString()));
        } else if (name == QLatin1String("WKST")) {
            if (!parseWeekday(v, &r.weekStart))
                return fail(tr("The week start \"%1\" is not a weekday.").arg(v.toString()));
        } else if (name == QLatin1String("BYDAY")) {
            for (const QStringView item : v.split(QLatin1Char(','))) {
                WeekdayNum w;
                const QStringView digits = item.left(item.size() - 2);
                const bool negative = digits.startsWith(QLatin1Char('-'));
                const QStringView number = (negative || digits.startsWith(QLatin1Char('+'))) ? digits.mid(1) : digits;
                if (item.size() < 2 || !parseWeekday(item.right(2), &w.day) ||
                    (!number.isEmpty() && (!parsePositive(number, &w.ordinal) || w.ordinal > 53)))
                    return fail(tr("The weekday \"%1\" in the recurrence rule is not valid.").arg(item.toString()));
                w.ordinal = negative ? -w.ordinal : w.ordinal;
                r.byDay.append(w);
            }
        } else if (name == QLatin1String("BYMONTHDAY")) {
            for (const QStringView item : v.split(QLatin1Char(','))) {
                const bool negative = item.startsWith(QLatin1Char('-'));
                int day = 0;
                if (!parsePositive(negative ? item.mid(1) : item, &day) || day > 31)
                    return fail(tr("The month day \"%1\" in the recurrence rule is not valid.").arg(item.toString()));
                r.byMonthDay.append(negative ? -day : day);
            }
        } else if (!name.startsWith(QLatin1String("X-"))) {
            return fail(tr("The recurrence rule part \"%1\" is not supported.").arg(name));
        }
    }
    if (!hasFrequency)
        return fail(tr("The recurrence rule has no frequency (FREQ)."));
    if (r.count > 0 && r.until.isValid())
        return fail(tr("The recurrence rule has both COUNT and UNTIL."));
    const bool ordinals = std::any_of(r.byDay.cbegin(), r.byDay.cend(), [](const WeekdayNum &w) { return w.ordinal; });
    if ((ordinals && r.frequency != Frequency::Monthly) ||
        (!r.byMonthDay.isEmpty() && r.frequency == Frequency::Weekly) ||
        (r.frequency == Frequency::Yearly && (!r.byDay.isEmpty() || !r.byMonthDay.isEmpty())))
        return fail(tr("This combination of recurrence rule parts is not supported."));
    *rule = r;
    return true;
}

Recurrence::Recurrence(const RecurrenceRule &rule, const QDateTime &start) : m_rule(rule), m_start(start) {}

void Recurrence::addException(const QDateTime &start)
{
    m_exceptionTimes.append(start);
}

void Recurrence::addException(const QDate &day)
{
    m_exceptionDays.insert(day);
}

bool Recurrence::isException(const QDateTime &occurrence) const
{
    return m_exceptionDays.contains(occurrence.date()) || m_exceptionTimes.contains(occurrence);
}

bool Recurrence::isPastUntil(const QDateTime &occurrence) const
{
    if (!m_rule.until.isValid())
        return false;
    return m_rule.untilIsDate ? occurrence.date() > m_rule.until.date() : occurrence > m_rule.until;
}

/** Candidate days of period @p period (0 = the period holding DTSTART), sorted. */
QList<QDate> Recurrence::periodDates(int period) const
{
    const QDate s = m_start.date();
    const qint64 step = qint64(period) * m_rule.interval;
    QList<QDate> dates;
    switch (m_rule.frequency) {
    case RecurrenceRule::Frequency::Daily:
        dates.append(s.addDays(step));
        break;
    case RecurrenceRule::Frequency::Weekly: {
        const QDate weekBegin = s.addDays(-((s.dayOfWeek() - m_rule.weekStart + 7) % 7) + 7 * step);
        if (m_rule.byDay.isEmpty())
            dates.append(weekBegin.addDays((s.dayOfWeek() - m_rule.weekStart + 7) % 7));
        for (const RecurrenceRule::WeekdayNum &w : m_rule.byDay)
            dates.append(weekBegin.addDays((w.day - m_rule.weekStart + 7) % 7));
        break;
    }
    case RecurrenceRule::Frequency::Monthly: {
        const QDate month = QDate(s.year(), s.month(), 1).addMonths(int(step));
        if (!m_rule.byMonthDay.isEmpty()) {
            for (const int d : m_rule.byMonthDay)
                dates.append(monthDay(month.year(), month.month(), d));
        } else if (!m_rule.byDay.isEmpty()) {
            for (const RecurrenceRule::WeekdayNum &w : m_rule.byDay)
                dates.append(weekdaysInMonth(month.year(), month.month(), w.ordinal, w.day));
        } else {
            dates.append(monthDay(month.year(), month.month(), s.day()));
        }
        break;
    }
    case RecurrenceRule::Frequency::Yearly:
        dates.append(QDate(s.year() + int(step), s.month(), s.day()));
        break;
    }
    // BYDAY limits the days BYMONTHDAY (or DAILY) produced.
    const bool limitByDay = !m_rule.byDay.isEmpty() &&
                            (m_rule.frequency == RecurrenceRule::Frequency::Daily || !m_rule.byMonthDay.isEmpty());
    const bool limitByMonthDay = !m_rule.byMonthDay.isEmpty() && m_rule.frequency == RecurrenceRule::Frequency::Daily;
    dates.erase(std::remove_if(dates.begin(), dates.end(),
                               [&](const QDate &d) {
                                   if (!d.isValid())
                                       return true;
                                   if (limitByDay && std::none_of(m_rule.byDay.cbegin(), m_rule.byDay.cend(),
                                                                  [&](const RecurrenceRule::WeekdayNum &w) {
                                                                      return w.day == d.dayOfWeek();
                                                                  }))
                                       return true;
                                   return limitByMonthDay &&
                                          std::none_of(m_rule.byMonthDay.cbegin(), m_rule.byMonthDay.cend(),
                                                       [&](int md) { return monthDay(d.year(), d.month(), md) == d; });
                               }),
                dates.end());
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

QList<QDateTime> Recurrence::occurrences(const QDate &from, const QDate &to, qsizetype limit, qint64 *budget) const
{
    QList<QDateTime> result;
    if (!m_start.isValid() || !from.isValid() || !to.isValid() || to < from)
        return result;
    const QDate s = m_start.date();
    const auto keep = [&](const QDateTime &occurrence) {
        if (occurrence.date() >= from && !isException(occurrence))
            result.append(occurrence);
    };
    // One past the limit is enough to know the limit was passed.
    const auto full = [&] { return limit >= 0 && result.size() > limit; };
    if (s > to)
        return result;
    keep(m_start); // DTSTART is always the first occurrence.
    if (full())
        return result;
    int produced = 1;

    // Without COUNT, whole periods before the window cannot matter: jump close to it.
    int period = 0;
    if (m_rule.count == 0 && from > s) {
        qint64 units = 0;
        switch (m_rule.frequency) {
        case RecurrenceRule::Frequency::Daily:
            units = s.daysTo(from);
            break;
        case RecurrenceRule::Frequency::Weekly:
            units = s.daysTo(from) / 7;
            break;
        case RecurrenceRule::Frequency::Monthly:
            units = (from.year() - s.year()) * 12 + from.month() - s.month();
            break;
        case RecurrenceRule::Frequency::Yearly:
            units = from.year() - s.year();
            break;
        }
        period = int(std::max<qint64>(0, units / m_rule.interval - 1));
    }
    for (;; ++period) {
        if (budget && --*budget < 0)
            return result;
        const QList<QDate> dates = periodDates(period);
        // Periods only move forward; stop once a whole period lies past the window.
        const qint64 step = qint64(period) * m_rule.interval;
        QDate periodBegin;
        switch (m_rule.frequency) {
        case RecurrenceRule::Frequency::Daily:
            periodBegin = s.addDays(step);
            break;
        case RecurrenceRule::Frequency::Weekly:
            periodBegin = s.addDays(-((s.dayOfWeek() - m_rule.weekStart + 7) % 7) + 7 * step);
            break;
        case RecurrenceRule::Frequency::Monthly:
            periodBegin = QDate(s.year(), s.month(), 1).addMonths(int(step));
            break;
        case RecurrenceRule::Frequency::Yearly:
            periodBegin = QDate(s.year() + int(step), 1, 1);
            break;
        }
        if (!periodBegin.isValid() || periodBegin > to)
            return result;
        for (const QDate &d : dates) {
            if (d <= s)
                continue;
            QDateTime occurrence = m_start;
            occurrence.setDate(d);
            if (d > to || isPastUntil(occurrence) || (m_rule.count > 0 && ++produced > m_rule.count))
                return result;
            keep(occurrence);
            if (full())
                return result;
        }
    }
}

} // namespace Humas
