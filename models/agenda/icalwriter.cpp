#include "icalwriter.h"

#include <QTimeZone>

namespace Humas {

namespace {

constexpr qsizetype MaxLineOctets = 75;

struct ZoneInfo
{
    QTimeZone zone;
    int offset = 0;
    const char *abbreviation = nullptr;
};

/** The regency zone; the Indonesian zones are known even without a tz database. */
ZoneInfo zoneInfo(const QString &tzid)
{
    static const struct
    {
        const char *id;
        int offset;
        const char *abbreviation;
    } indonesian[] = {
        {"Asia/Jakarta", 7 * 3600, "WIB"},   {"Asia/Pontianak", 7 * 3600, "WIB"},
        {"Asia/Makassar", 8 * 3600, "WITA"}, {"Asia/Ujung_Pandang", 8 * 3600, "WITA"},
        {"Asia/Jayapura", 9 * 3600, "WIT"},
    };
    for (const auto &z : indonesian) {
        if (tzid == QLatin1String(z.id))
            return {QTimeZone(z.offset), z.offset, z.abbreviation};
    }
    const QTimeZone zone(tzid.toUtf8());
    if (!zone.isValid())
        return {};
    // Without a clock there is no "now": the standard offset of a fixed reference day is used.
    const QDateTime reference(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    return {zone, zone.standardTimeOffset(reference), nullptr};
}

QByteArray formatOffset(int seconds)
{
    const int abs = qAbs(seconds);
    return (seconds < 0 ? "-" : "+") + QByteArray::number(abs / 3600).rightJustified(2, '0') +
           QByteArray::number(abs % 3600 / 60).rightJustified(2, '0');
}

/** Appends @p value as @p width decimal digits (QDateTime::toString is far slower). */
void appendDigits(QByteArray *out, int value, int width)
{
    char digits[8];
    for (int i = width - 1; i >= 0; --i, value /= 10)
        digits[i] = char('0' + value % 10);
    out->append(digits, width);
}

QByteArray formatDate(const QDate &date)
{
    QByteArray out;
    out.reserve(8);
    appendDigits(&out, date.year(), 4);
    appendDigits(&out, date.month(), 2);
    appendDigits(&out, date.day(), 2);
    return out;
}

QByteArray formatLocal(const QDateTime &time)
{
    QByteArray out = formatDate(time.date());
    const QTime t = time.time();
    out += 'T';
    appendDigits(&out, t.hour(), 2);
    appendDigits(&out, t.minute(), 2);
    appendDigits(&out, t.second(), 2);
    return out;
}

QByteArray formatUtc(const QDateTime &time)
{
    return formatLocal(time.toUTC()) + 'Z';
}

} // namespace

QString IcalWriter::escapeText(const QString &text)
{
    QString result;
    result.reserve(text.size() + 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            result += QLatin1String("\\\\");
            break;
        case ';':
            result += QLatin1String("\\;");
            break;
        case ',':
            result += QLatin1String("\\,");
            break;
        case '\n':
            result += QLatin1String("\\n");
            break;
        case '\r':
            break; // CRLF inside text becomes one \n.
        default:
            result += c;
        }
    }
    return result;
}

void IcalWriter::appendFolded(QByteArray *out, const QByteArray &line)
{
    qsizetype pos = 0;
    qsizetype room = MaxLineOctets;
    while (line.size() - pos > room) {
        qsizetype cut = pos + room;
        // Never cut before a UTF-8 continuation byte (10xxxxxx).
        while (cut > pos + 1 && (uchar(line.at(cut)) & 0xC0) == 0x80)
            --cut;
        out->append(line.constData() + pos, cut - pos);
        out->append("\r\n ");
        pos = cut;
        room = MaxLineOctets - 1; // the leading space counts
    }
    out->append(line.constData() + pos, line.size() - pos);
    out->append("\r\n");
}

QByteArray IcalWriter::write(const QList<IcalEvent> &events, const QString &tzid, bool publicOnly)
{
    const ZoneInfo info = zoneInfo(tzid);
    const QByteArray id = tzid.toUtf8();
    QByteArray out;
    out.reserve(256 + events.size() * 400);
    const auto line = [&out](const QByteArray &text) { appendFolded(&out, text); };
    const auto text = [&line](const char *name, const QString &value) {
        if (!value.isEmpty())
            line(name + (':' + escapeText(value).toUtf8()));
    };
    line("BEGIN:VCALENDAR");
    line("PRODID:-//HumasDesk//HumasDesk Agenda//ID");
    line("VERSION:2.0");
    line("CALSCALE:GREGORIAN");
    if (info.zone.isValid()) {
        const QByteArray offset = formatOffset(info.offset);
        line("BEGIN:VTIMEZONE");
        line("TZID:" + id);
        line("BEGIN:STANDARD");
        line("DTSTART:19700101T000000");
        line("TZOFFSETFROM:" + offset);
        line("TZOFFSETTO:" + offset);
        if (info.abbreviation)
            line(QByteArray("TZNAME:") + info.abbreviation);
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }
    const auto timed = [&](const char *name, const QDateTime &time) {
        if (info.zone.isValid())
            line(name + (";TZID=" + id) + ':' + formatLocal(time.toTimeZone(info.zone)));
        else
            line(name + (':' + formatUtc(time)));
    };
    for (const IcalEvent &e : events) {
        if (publicOnly && (!e.isPublic() || e.status == IcalEvent::Status::Cancelled))
            continue;
        line("BEGIN:VEVENT");
        text("UID", e.uid);
        const QDateTime stamp = e.dtstamp.isValid() ? e.dtstamp : e.lastModified.isValid() ? e.lastModified : e.start;
        line("DTSTAMP:" + formatUtc(stamp));
        if (e.allDay) {
            line("DTSTART;VALUE=DATE:" + formatDate(e.firstDay()));
            line("DTEND;VALUE=DATE:" + formatDate(e.lastDay().addDays(1)));
        } else {
            timed("DTSTART", e.start);
            if (e.end.isValid())
                timed("DTEND", e.end);
        }
        if (e.lastModified.isValid())
            line("LAST-MODIFIED:" + formatUtc(e.lastModified));
        text("SUMMARY", e.summary);
        text("LOCATION", e.location);
        text("DESCRIPTION", e.description);
        switch (e.status) {
        case IcalEvent::Status::Tentative:
            line("STATUS:TENTATIVE");
            break;
        case IcalEvent::Status::Confirmed:
            line("STATUS:CONFIRMED");
            break;
        case IcalEvent::Status::Cancelled:
            line("STATUS:CANCELLED");
            break;
        case IcalEvent::Status::Unspecified:
            break;
        }
        switch (e.classification) {
        case IcalEvent::Classification::Public:
            line("CLASS:PUBLIC");
            break;
        case IcalEvent::Classification::Private:
            line("CLASS:PRIVATE");
            break;
        case IcalEvent::Classification::Confidential:
            line("CLASS:CONFIDENTIAL");
            break;
        }
        if (!e.officials.isEmpty()) {
            QStringList escaped;
            escaped.reserve(e.officials.size());
            for (const QString &code : e.officials)
                escaped.append(escapeText(code));
            line("X-HUMAS-OFFICIALS:" + escaped.join(QLatin1Char(',')).toUtf8());
        }
        text("X-HUMAS-OPD", e.opd);
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

} // namespace Humas
