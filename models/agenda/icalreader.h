#pragma once

#include "icalevent.h"

#include <QCoreApplication>
#include <QList>
#include <QTimeZone>

namespace Humas {

/**
 * Reads iCalendar (RFC 5545) data into IcalEvent values.
 *
 * Handles line unfolding (CRLF or LF), parameters (quoted or not), text unescaping, UTF-8,
 * DTSTART with DTEND or DURATION, DATE values (all-day), UTC, floating and TZID times. A TZID
 * is resolved as an IANA id, else from the file's VTIMEZONE (its STANDARD offset, which is
 * exact for zones without daylight saving such as WIB/WITA/WIT), else as a Windows zone name.
 * Floating times are read in floatingZone(). Recurring events (RRULE with EXDATE and
 * RECURRENCE-ID overrides) are expanded into one IcalEvent per occurrence, see parse().
 * Other components (VTODO, VJOURNAL, VALARM inside a VEVENT) and unknown properties are
 * ignored.
 */
class IcalReader
{
    Q_DECLARE_TR_FUNCTIONS(Humas::IcalReader)
public:
    // Limits that keep one parse() bounded in time and memory. A file beyond any of them is
    // refused as a whole; expansion stops as soon as a limit is passed (it never expands first
    // and counts later), so memory stays bounded whatever the rules ask for.

    /**
     * The largest file read: 16 MiB. A full HumasDesk export takes well under 800 bytes an
     * event, so a file of MaxEventsPerFile events fits; more is not an agenda.
     */
    static constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;
    /**
     * Occurrences one RRULE may give within the expansion window: 1,000. The window is three
     * years (1,097 days at most) and a rule gives at most one occurrence a day, so only a rule
     * repeating (nearly) daily over the whole window passes it: in practice an RRULE whose
     * UNTIL or COUNT was forgotten. A working-day rule over the whole window gives 784 at most.
     */
    static constexpr int MaxOccurrencesPerRule = 1000;
    /**
     * Events one file may give, each occurrence of a repeating event counted: 20,000, twice
     * the 10,000-event import whose write phase is benchmarked (bench/bench_import.cpp). A
     * year of the regency's agenda holds a few thousand events.
     */
    static constexpr int MaxEventsPerFile = 20000;
    /**
     * Periods of recurrence rules one file may make the reader look at: 4,000,000 (about 1.2 s
     * of CPU here). A rule without COUNT skips straight to the window; only rules with COUNT must be
     * counted from DTSTART, so only such rules begun long before the window use much of it: 2,000
     * daily rules begun five years before the window fit, one begun in year 1 does not.
     */
    static constexpr qint64 MaxRecurrenceSteps = 4000000;

    /** The message for data larger than MaxFileBytes (@p bytes long), translated. */
    static QString fileTooLargeMessage(qint64 bytes);

    /** @p floatingZone is the zone floating times belong to, normally the regency's zone. */
    explicit IcalReader(const QTimeZone &floatingZone = QTimeZone::utc());

    QTimeZone floatingZone() const { return m_floatingZone; }
    void setFloatingZone(const QTimeZone &zone) { m_floatingZone = zone; }

    /**
     * Parses @p utf8 and replaces the contents of @p out with its events.
     *
     * Single events are returned whatever their date. Each occurrence of a recurring event
     * whose start day (in the event's zone) lies in [@p expandFrom, @p expandTo] becomes its
     * own event, with the UID suffixed by "_YYYYMMDD" of its original start day; a file with an
     * RRULE needs a valid window.
     *
     * All or nothing: on any error (missing BEGIN:VCALENDAR, unterminated component, invalid
     * UTF-8, bad date, end before start, unsupported RRULE, ...) returns false, leaves @p out
     * untouched and sets @p error to a translated message starting with the 1-based line number.
     * Data larger than MaxFileBytes, a rule giving more than MaxOccurrencesPerRule occurrences
     * in the window and a file giving more than MaxEventsPerFile events are refused too (the
     * last two naming the line of the rule or event that passed the limit).
     */
    bool parse(const QByteArray &utf8, const QDate &expandFrom, const QDate &expandTo, QList<IcalEvent> *out,
               QString *error) const;

private:
    QTimeZone m_floatingZone;
};

} // namespace Humas
