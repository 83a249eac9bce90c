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
     */
    bool parse(const QByteArray &utf8, const QDate &expandFrom, const QDate &expandTo, QList<IcalEvent> *out,
               QString *error) const;

private:
    QTimeZone m_floatingZone;
};

} // namespace Humas
