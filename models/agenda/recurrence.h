#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimeZone>

namespace Humas {

/**
 * Parses an iCalendar DATE ("20261123") or DATE-TIME ("20261123T083000", with a trailing 'Z'
 * for UTC) value. A DATE-TIME without 'Z' is read in @p zone; a DATE becomes midnight in
 * @p zone and sets @p isDate. Returns false for anything else, including impossible dates.
 */
bool parseIcalDateTime(QStringView text, const QTimeZone &zone, QDateTime *result, bool *isDate);

/**
 * A parsed RRULE (RFC 5545 section 3.3.10), limited to what agenda files use: FREQ=DAILY,
 * WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, UNTIL, WKST, BYDAY (with ordinals such as
 * 1MO or -1FR in MONTHLY rules) and BYMONTHDAY. Rules using other BY parts are refused rather
 * than expanded wrongly.
 */
struct RecurrenceRule
{
    Q_DECLARE_TR_FUNCTIONS(Humas::RecurrenceRule)
public:
    enum class Frequency { Daily, Weekly, Monthly, Yearly };
    /** One BYDAY entry: @c ordinal 0 means every such weekday of the period. */
    struct WeekdayNum
    {
        int ordinal = 0;
        Qt::DayOfWeek day = Qt::Monday;
    };

    Frequency frequency = Frequency::Daily;
    int interval = 1;
    /** Number of occurrences including DTSTART; 0 when unlimited. */
    int count = 0;
    /** Last allowed start (inclusive); invalid when unlimited. */
    QDateTime until;
    /** True when UNTIL was a DATE value: compared by day in the event's zone. */
    bool untilIsDate = false;
    QList<WeekdayNum> byDay;
    QList<int> byMonthDay;
    Qt::DayOfWeek weekStart = Qt::Monday;

    /**
     * Parses the value of an RRULE property. A floating UNTIL is read in @p floatingZone.
     * On failure returns false and sets @p error (translated, without a line number).
     */
    static bool parse(const QString &value, const QTimeZone &floatingZone, RecurrenceRule *rule, QString *error);
};

/**
 * Expands a recurrence rule anchored at DTSTART into occurrence start times. DTSTART is always
 * the first occurrence; COUNT counts occurrences before exceptions (EXDATE) are removed, as
 * RFC 5545 requires. Occurrences keep the wall-clock time of DTSTART in its zone.
 */
class Recurrence
{
public:
    Recurrence(const RecurrenceRule &rule, const QDateTime &start);

    /** Removes the occurrence starting at exactly this instant (EXDATE with a time). */
    void addException(const QDateTime &start);
    /** Removes every occurrence on this day in the event's zone (EXDATE;VALUE=DATE). */
    void addException(const QDate &day);

    /**
     * Occurrence starts whose day (in the event's zone) lies in [@p from, @p to], in order.
     *
     * With @p limit of 0 or more, expansion stops as soon as more than @p limit occurrences
     * were found: the result then holds @p limit + 1 of them, so a caller can tell "too many"
     * from "exactly @p limit" while memory stays bounded by the limit, whatever the rule.
     *
     * With @p budget, each period of the rule looked at (a day, week, month or year from
     * DTSTART on; a rule without COUNT skips to the window) uses one unit of it; expansion
     * stops when it is used up, which leaves it below 0. This bounds the time a rule with COUNT
     * anchored centuries before the window can take.
     */
    QList<QDateTime> occurrences(const QDate &from, const QDate &to, qsizetype limit = -1,
                                 qint64 *budget = nullptr) const;

private:
    QList<QDate> periodDates(int period) const;
    bool isException(const QDateTime &occurrence) const;
    bool isPastUntil(const QDateTime &occurrence) const;

    RecurrenceRule m_rule;
    QDateTime m_start;
    QList<QDateTime> m_exceptionTimes;
    QSet<QDate> m_exceptionDays;
};

} // namespace Humas
