#pragma once

#include "icalevent.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Humas {

/**
 * Writes IcalEvent values as an iCalendar (RFC 5545) file: VCALENDAR with PRODID, VERSION and
 * CALSCALE, one VTIMEZONE for the regency's zone, one VEVENT per event. Lines end in CRLF and
 * are folded at 75 octets without splitting a UTF-8 sequence; text values are escaped.
 * Officials and OPD travel in X-HUMAS-OFFICIALS and X-HUMAS-OPD, which IcalReader reads back.
 */
class IcalWriter
{
public:
    /**
     * Serialises @p events with timed values as local times of @p tzid (an IANA id such as
     * "Asia/Makassar"; the Indonesian zones WIB, WITA and WIT have no daylight saving, so the
     * VTIMEZONE is a single STANDARD offset). An unknown @p tzid writes times in UTC. With
     * @p publicOnly, private, confidential and cancelled events are left out. DTSTAMP comes from
     * the event's dtstamp, else its lastModified, else its start, so the output is
     * reproducible.
     */
    static QByteArray write(const QList<IcalEvent> &events, const QString &tzid, bool publicOnly);

    /** Escapes a TEXT value (backslash, semicolon, comma, newline). */
    static QString escapeText(const QString &text);
    /** Appends @p line folded at 75 octets, with CRLF, to @p out. */
    static void appendFolded(QByteArray *out, const QByteArray &line);
};

} // namespace Humas
