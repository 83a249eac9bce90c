#include "icalreader.h"

#include "recurrence.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <utility>

namespace Humas {

namespace {

/** One unfolded property line: NAME;PARAM=VALUE:value. */
struct ContentLine
{
    int line = 0;
    QString name;
    QList<std::pair<QString, QString>> params;
    QString value;

    QString param(QLatin1String key) const
    {
        for (const auto &p : params) {
            if (p.first == key)
                return p.second;
        }
        return QString();
    }
};

struct RawEvent
{
    int beginLine = 0;
    QList<ContentLine> props;

    const ContentLine *find(QLatin1String name) const
    {
        for (const ContentLine &p : props) {
            if (p.name == name)
                return &p;
        }
        return nullptr;
    }
};

/**
 * Unfolds at byte level, so a fold inside a UTF-8 sequence (which some producers write) still
 * joins. Unfolded lines point into @p data, which must outlive the result.
 */
QList<std::pair<int, QByteArray>> unfold(const QByteArray &data)
{
    QList<std::pair<int, QByteArray>> lines;
    qsizetype pos = 0;
    int lineNo = 0;
    while (pos < data.size()) {
        qsizetype nl = data.indexOf('\n', pos);
        if (nl < 0)
            nl = data.size();
        qsizetype len = nl - pos;
        if (len > 0 && data.at(pos + len - 1) == '\r')
            --len;
        ++lineNo;
        if (len > 0) {
            const char first = data.at(pos);
            if ((first == ' ' || first == '\t') && !lines.isEmpty())
                lines.last().second.append(data.constData() + pos + 1, len - 1);
            else
                lines.append({lineNo, QByteArray::fromRawData(data.constData() + pos, len)}); // copied on fold
        }
        pos = nl + 1;
    }
    return lines;
}

bool parseContentLine(const QString &text, ContentLine *cl)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    const auto isNameChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('-'); };
    while (i < n && isNameChar(text.at(i)))
        ++i;
    if (i == 0)
        return false;
    cl->name = text.left(i).toUpper();
    while (i < n && text.at(i) == QLatin1Char(';')) {
        const qsizetype eq = text.indexOf(QLatin1Char('='), i + 1);
        if (eq < 0)
            return false;
        const QString key = text.mid(i + 1, eq - i - 1).toUpper();
        QString value;
        i = eq + 1;
        for (;;) {
            if (i < n && text.at(i) == QLatin1Char('"')) {
                const qsizetype close = text.indexOf(QLatin1Char('"'), i + 1);
                if (close < 0)
                    return false;
                value += text.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype begin = i;
                while (i < n && text.at(i) != QLatin1Char(',') && text.at(i) != QLatin1Char(';') &&
                       text.at(i) != QLatin1Char(':'))
                    ++i;
                value += QStringView(text).mid(begin, i - begin);
            }
            if (i < n && text.at(i) == QLatin1Char(',')) {
                value += QLatin1Char(',');
                ++i;
                continue;
            }
            break;
        }
        cl->params.append({key, value});
    }
    if (i >= n || text.at(i) != QLatin1Char(':'))
        return false;
    cl->value = text.mid(i + 1);
    return true;
}

/** Undoes TEXT escaping; splits on unescaped commas when @p items is given. */
QString unescape(QStringView text, QStringList *items = nullptr)
{
    if (!items && !text.contains(QLatin1Char('\\')))
        return text.toString();
    QString result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar next = text.at(++i);
            result += (next == QLatin1Char('n') || next == QLatin1Char('N')) ? QChar(QLatin1Char('\n')) : next;
        } else if (items && c == QLatin1Char(',')) {
            items->append(result);
            result.clear();
        } else {
            result += c;
        }
    }
    if (items)
        items->append(result);
    return result;
}

/** Parses a DURATION value into whole days and seconds. */
bool parseDuration(QStringView text, qint64 *days, qint64 *seconds)
{
    int sign = 1;
    if (text.startsWith(QLatin1Char('+')) || text.startsWith(QLatin1Char('-'))) {
        sign = text.startsWith(QLatin1Char('-')) ? -1 : 1;
        text = text.mid(1);
    }
    if (!text.startsWith(QLatin1Char('P')) || text.size() < 3)
        return false;
    bool timePart = false;
    bool any = false;
    qint64 number = -1;
    *days = 0;
    *seconds = 0;
    for (const QChar c : text.mid(1)) {
        if (c.isDigit()) {
            number = (number < 0 ? 0 : number) * 10 + c.digitValue();
            if (number > 100000000)
                return false;
            continue;
        }
        const char u = char(c.toUpper().unicode());
        if (u == 'T' && !timePart && number < 0) {
            timePart = true;
            continue;
        }
        if (number < 0)
            return false;
        if (!timePart && u == 'W')
            *days += 7 * number;
        else if (!timePart && u == 'D')
            *days += number;
        else if (timePart && (u == 'H' || u == 'M' || u == 'S'))
            *seconds += number * (u == 'H' ? 3600 : u == 'M' ? 60 : 1);
        else
            return false;
        number = -1;
        any = true;
    }
    *days *= sign;
    *seconds *= sign;
    return any && number < 0;
}

/** "+0800", "-0530" or "+070000" as seconds east of UTC. */
bool parseUtcOffset(QStringView text, int *seconds)
{
    if ((text.size() != 5 && text.size() != 7) || (text.at(0) != QLatin1Char('+') && text.at(0) != QLatin1Char('-')))
        return false;
    bool okH = false, okM = false, okS = true;
    const int h = text.mid(1, 2).toInt(&okH);
    const int m = text.mid(3, 2).toInt(&okM);
    const int s = text.size() == 7 ? text.mid(5, 2).toInt(&okS) : 0;
    if (!okH || !okM || !okS || h > 23 || m > 59 || s > 59)
        return false;
    *seconds = (text.at(0) == QLatin1Char('-') ? -1 : 1) * (h * 3600 + m * 60 + s);
    return true;
}

/** The state of one parse() call; everything is discarded on error. */
class Parser
{
public:
    Parser(const QTimeZone &floatingZone, const QDate &from, const QDate &to)
        : m_floating(floatingZone), m_from(from), m_to(to)
    {
    }

    bool read(const QByteArray &data);
    bool build(QList<IcalEvent> *out);
    QString error() const { return m_error; }

private:
    bool fail(int line, const QString &message)
    {
        m_error = IcalReader::tr("Line %1: %2").arg(line).arg(message);
        return false;
    }
    bool failTooManyEvents(int line)
    {
        return fail(line, IcalReader::tr("The file gives more than %L1 events (a repeating event counts once per "
                                         "occurrence); at most %L1 can be imported at once. Split the file.")
                              .arg(IcalReader::MaxEventsPerFile));
    }
    bool zoneFor(const ContentLine &cl, QTimeZone *zone);
    bool timeOf(const ContentLine &cl, QDateTime *time, bool *isDate);
    bool buildEvent(const RawEvent &raw, IcalEvent *event, bool *isOverride, QDateTime *recurrenceId);
    bool expand(const RawEvent &raw, const IcalEvent &event, QList<IcalEvent> *out);

    QTimeZone m_floating;
    QDate m_from;
    QDate m_to;
    QString m_error;
    QList<RawEvent> m_events;
    QHash<QString, QTimeZone> m_fileZones;
    QHash<QString, QTimeZone> m_zoneCache;
    /** What is left of IcalReader::MaxRecurrenceSteps. */
    qint64 m_steps = IcalReader::MaxRecurrenceSteps;
    /** RECURRENCE-ID instants per UID: those occurrences are replaced by their override. */
    QHash<QString, QList<std::pair<QDateTime, bool>>> m_overridden;
};

bool Parser::read(const QByteArray &data)
{
    QStringList stack;
    QList<int> stackLines;
    RawEvent current;
    QString tzid;
    int tzOffset = 0;
    bool hasTzOffset = false;
    bool standardSeen = false;
    bool calendarSeen = false;
    const QList<std::pair<int, QByteArray>> lines = unfold(data);
    for (const auto &[lineNo, bytes] : lines) {
        if (!bytes.isValidUtf8())
            return fail(lineNo, IcalReader::tr("The text is not valid UTF-8."));
        ContentLine cl;
        cl.line = lineNo;
        if (!parseContentLine(QString::fromUtf8(bytes), &cl))
            return fail(lineNo, IcalReader::tr("The line is not a property of the form NAME:value."));
        const bool isBegin = cl.name == QLatin1String("BEGIN");
        if (stack.isEmpty() && !(isBegin && cl.value.compare(QLatin1String("VCALENDAR"), Qt::CaseInsensitive) == 0))
            return fail(lineNo, calendarSeen ? IcalReader::tr("Only BEGIN:VCALENDAR may follow END:VCALENDAR.")
                                             : IcalReader::tr("The calendar does not begin with BEGIN:VCALENDAR."));
        const QString parent = stack.isEmpty() ? QString() : stack.last();
        if (isBegin) {
            const QString component = cl.value.trimmed().toUpper();
            if (component == QLatin1String("VEVENT") && parent == QLatin1String("VCALENDAR")) {
                current = RawEvent{lineNo, {}};
            } else if (component == QLatin1String("VTIMEZONE")) {
                tzid.clear();
                hasTzOffset = false;
                standardSeen = false;
            }
            calendarSeen = true;
            stack.append(component);
            stackLines.append(lineNo);
        } else if (cl.name == QLatin1String("END")) {
            const QString component = cl.value.trimmed().toUpper();
            if (component != parent)
                return fail(lineNo, IcalReader::tr("END:%1 does not close %2 begun on line %3.")
                                        .arg(component, parent)
                                        .arg(stackLines.last()));
            stack.removeLast();
            stackLines.removeLast();
            if (component == QLatin1String("VEVENT") && stack.size() == 1) {
                // Every VEVENT gives at least one event (or replaces one occurrence): stop
                // reading as soon as the file cannot be imported anyway.
                if (m_events.size() >= IcalReader::MaxEventsPerFile)
                    return failTooManyEvents(current.beginLine);
                m_events.append(current);
            } else if (component == QLatin1String("VTIMEZONE") && !tzid.isEmpty() && hasTzOffset)
                m_fileZones.insert(tzid, QTimeZone(tzOffset));
        } else if (parent == QLatin1String("VEVENT")) {
            current.props.append(cl);
        } else if (parent == QLatin1String("VTIMEZONE") && cl.name == QLatin1String("TZID")) {
            tzid = cl.value;
        } else if ((parent == QLatin1String("STANDARD") || parent == QLatin1String("DAYLIGHT")) &&
                   cl.name == QLatin1String("TZOFFSETTO")) {
            // Without rules for daylight saving, the standard offset is the best single answer.
            const bool standard = parent == QLatin1String("STANDARD");
            int offset = 0;
            if (!parseUtcOffset(cl.value.trimmed(), &offset))
                return fail(lineNo, IcalReader::tr("\"%1\" is not a valid UTC offset.").arg(cl.value));
            if (standard || !standardSeen) {
                tzOffset = offset;
                hasTzOffset = true;
                standardSeen = standardSeen || standard;
            }
        }
    }
    if (!stack.isEmpty())
        return fail(stackLines.last(), IcalReader::tr("%1 is never closed with END:%1.").arg(stack.last()));
    if (!calendarSeen)
        return fail(1, IcalReader::tr("The calendar does not begin with BEGIN:VCALENDAR."));
    return true;
}

bool Parser::zoneFor(const ContentLine &cl, QTimeZone *zone)
{
    QString id = cl.param(QLatin1String("TZID"));
    if (id.isEmpty()) {
        *zone = m_floating;
        return true;
    }
    const auto cached = m_zoneCache.constFind(id);
    if (cached != m_zoneCache.cend()) {
        *zone = *cached;
        return true;
    }
    const QByteArray ianaId = (id.startsWith(QLatin1Char('/')) ? id.mid(1) : id).toUtf8();
    QTimeZone found(ianaId);
    if (!found.isValid())
        found = m_fileZones.value(id);
    if (!found.isValid() && !QTimeZone::windowsIdToDefaultIanaId(ianaId).isEmpty())
        found = QTimeZone(QTimeZone::windowsIdToDefaultIanaId(ianaId));
    if (!found.isValid())
        return fail(cl.line, IcalReader::tr("The time zone \"%1\" is unknown and not defined in the file.").arg(id));
    m_zoneCache.insert(id, found);
    *zone = found;
    return true;
}

bool Parser::timeOf(const ContentLine &cl, QDateTime *time, bool *isDate)
{
    QTimeZone zone;
    if (!zoneFor(cl, &zone))
        return false;
    const QString value = cl.value.trimmed();
    const bool wantsDate = cl.param(QLatin1String("VALUE")).compare(QLatin1String("DATE"), Qt::CaseInsensitive) == 0;
    if (!parseIcalDateTime(value, zone, time, isDate) || (wantsDate && !*isDate))
        return fail(cl.line, IcalReader::tr("\"%1\" is not a valid date or date-time.").arg(value));
    return true;
}

bool Parser::buildEvent(const RawEvent &raw, IcalEvent *e, bool *isOverride, QDateTime *recurrenceId)
{
    const ContentLine *uid = raw.find(QLatin1String("UID"));
    const ContentLine *dtstart = raw.find(QLatin1String("DTSTART"));
    if (!uid || uid->value.trimmed().isEmpty())
        return fail(raw.beginLine, IcalReader::tr("The event has no UID."));
    if (!dtstart)
        return fail(raw.beginLine, IcalReader::tr("The event has no start (DTSTART)."));
    e->uid = unescape(uid->value.trimmed());
    if (!timeOf(*dtstart, &e->start, &e->allDay))
        return false;
    if (e->allDay)
        e->start = QDateTime(e->start.date(), QTime(0, 0), m_floating);
    if (const ContentLine *dtend = raw.find(QLatin1String("DTEND"))) {
        bool endIsDate = false;
        if (!timeOf(*dtend, &e->end, &endIsDate))
            return false;
        if (endIsDate != e->allDay)
            return fail(dtend->line, IcalReader::tr("DTSTART and DTEND must both be dates or both be date-times."));
        if (e->allDay)
            e->end = QDateTime(e->end.date(), QTime(0, 0), m_floating);
        if (e->end < e->start)
            return fail(dtend->line, IcalReader::tr("The event ends before it starts."));
    } else if (const ContentLine *duration = raw.find(QLatin1String("DURATION"))) {
        qint64 days = 0, seconds = 0;
        if (!parseDuration(duration->value.trimmed(), &days, &seconds))
            return fail(duration->line, IcalReader::tr("\"%1\" is not a valid duration.").arg(duration->value));
        if (days < 0 || seconds < 0)
            return fail(duration->line, IcalReader::tr("The event ends before it starts."));
        e->end = e->start.addDays(days).addSecs(seconds);
    } else {
        e->end = e->allDay ? e->start.addDays(1) : e->start;
    }
    // An all-day event always covers at least its first day.
    if (e->allDay && e->end.date() <= e->start.date())
        e->end = e->start.addDays(1);

    for (const ContentLine &p : raw.props) {
        if (p.name == QLatin1String("SUMMARY"))
            e->summary = unescape(p.value);
        else if (p.name == QLatin1String("DESCRIPTION"))
            e->description = unescape(p.value);
        else if (p.name == QLatin1String("LOCATION"))
            e->location = unescape(p.value);
        else if (p.name == QLatin1String("X-HUMAS-OPD"))
            e->opd = unescape(p.value);
        else if (p.name == QLatin1String("X-HUMAS-OFFICIALS")) {
            QStringList items;
            unescape(p.value, &items);
            items.removeAll(QString());
            e->officials = items;
        } else if (p.name == QLatin1String("STATUS")) {
            const QString v = p.value.trimmed().toUpper();
            e->status = v == QLatin1String("TENTATIVE")   ? IcalEvent::Status::Tentative
                        : v == QLatin1String("CONFIRMED") ? IcalEvent::Status::Confirmed
                        : v == QLatin1String("CANCELLED") ? IcalEvent::Status::Cancelled
                                                          : IcalEvent::Status::Unspecified;
        } else if (p.name == QLatin1String("CLASS")) {
            // RFC 5545: an unrecognised class is treated as PRIVATE.
            const QString v = p.value.trimmed().toUpper();
            e->classification = v == QLatin1String("PUBLIC")         ? IcalEvent::Classification::Public
                                : v == QLatin1String("CONFIDENTIAL") ? IcalEvent::Classification::Confidential
                                                                     : IcalEvent::Classification::Private;
        } else if (p.name == QLatin1String("LAST-MODIFIED") || p.name == QLatin1String("DTSTAMP")) {
            QDateTime t;
            bool isDate = false;
            if (!timeOf(p, &t, &isDate))
                return false;
            (p.name == QLatin1String("DTSTAMP") ? e->dtstamp : e->lastModified) = t;
        }
    }
    const ContentLine *rid = raw.find(QLatin1String("RECURRENCE-ID"));
    *isOverride = rid != nullptr;
    if (rid) {
        bool isDate = false;
        if (!timeOf(*rid, recurrenceId, &isDate))
            return false;
        m_overridden[e->uid].append({*recurrenceId, isDate});
    }
    return true;
}

QString occurrenceUid(const QString &uid, const QDate &day)
{
    return uid + QLatin1Char('_') + day.toString(QStringLiteral("yyyyMMdd"));
}

bool Parser::expand(const RawEvent &raw, const IcalEvent &event, QList<IcalEvent> *out)
{
    const ContentLine *rrule = raw.find(QLatin1String("RRULE"));
    if (!rrule) {
        if (out->size() >= IcalReader::MaxEventsPerFile)
            return failTooManyEvents(raw.beginLine);
        out->append(event);
        return true;
    }
    if (!m_from.isValid() || !m_to.isValid() || m_to < m_from)
        return fail(rrule->line, IcalReader::tr("A repeating event needs a valid expansion window."));
    RecurrenceRule rule;
    QString message;
    if (!RecurrenceRule::parse(rrule->value.trimmed(), event.start.timeZone(), &rule, &message))
        return fail(rrule->line, message);
    Recurrence recurrence(rule, event.start);
    for (const ContentLine &p : raw.props) {
        if (p.name != QLatin1String("EXDATE"))
            continue;
        for (const QString &item : p.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            ContentLine single = p;
            single.value = item;
            QDateTime t;
            bool isDate = false;
            if (!timeOf(single, &t, &isDate))
                return false;
            isDate ? recurrence.addException(t.date()) : recurrence.addException(t);
        }
    }
    for (const auto &[time, isDate] : m_overridden.value(event.uid))
        isDate ? recurrence.addException(time.date()) : recurrence.addException(time);
    const qint64 days = event.start.date().daysTo(event.end.date());
    const qint64 seconds = event.start.secsTo(event.end);
    // Expand no further than the tighter of the two limits, plus one to see it passed.
    const qsizetype room = IcalReader::MaxEventsPerFile - out->size();
    const qsizetype limit = std::min<qsizetype>(IcalReader::MaxOccurrencesPerRule, room);
    const QList<QDateTime> starts = recurrence.occurrences(m_from, m_to, limit, &m_steps);
    if (m_steps < 0)
        return fail(rrule->line, IcalReader::tr("The repeating events of this file take too long to expand: this "
                                                "rule counts its occurrences (COUNT) from a start long before %1. "
                                                "Give it a start closer to the events it is meant for.")
                                     .arg(m_from.toString(Qt::ISODate)));
    if (starts.size() > IcalReader::MaxOccurrencesPerRule)
        return fail(rrule->line,
                    IcalReader::tr("The repeating event gives more than %L1 occurrences between %2 and %3; at most "
                                   "%L1 are imported per rule. Give the rule an end (UNTIL or COUNT).")
                        .arg(IcalReader::MaxOccurrencesPerRule)
                        .arg(m_from.toString(Qt::ISODate), m_to.toString(Qt::ISODate)));
    if (starts.size() > room)
        return failTooManyEvents(rrule->line);
    for (const QDateTime &start : starts) {
        IcalEvent occurrence = event;
        occurrence.uid = occurrenceUid(event.uid, start.date());
        occurrence.start = start;
        occurrence.end = event.allDay ? start.addDays(days) : start.addSecs(seconds);
        out->append(occurrence);
    }
    return true;
}

bool Parser::build(QList<IcalEvent> *out)
{
    QList<IcalEvent> built(m_events.size());
    QList<bool> overrides(m_events.size());
    for (qsizetype i = 0; i < m_events.size(); ++i) {
        QDateTime recurrenceId;
        bool isOverride = false;
        if (!buildEvent(m_events.at(i), &built[i], &isOverride, &recurrenceId))
            return false;
        overrides[i] = isOverride;
        if (isOverride) {
            const QDate day = recurrenceId.date();
            built[i].uid = occurrenceUid(built[i].uid, day);
            // A moved occurrence belongs to the window its original day lies in.
            if (m_from.isValid() && m_to.isValid() && (day < m_from || day > m_to))
                built[i].uid.clear();
        }
    }
    QList<IcalEvent> result;
    result.reserve(built.size());
    for (qsizetype i = 0; i < built.size(); ++i) {
        if (overrides.at(i)) {
            if (built.at(i).uid.isEmpty())
                continue;
            if (result.size() >= IcalReader::MaxEventsPerFile)
                return failTooManyEvents(m_events.at(i).beginLine);
            result.append(built.at(i));
        } else if (!expand(m_events.at(i), built.at(i), &result)) {
            return false;
        }
    }
    *out = result;
    return true;
}

} // namespace

IcalReader::IcalReader(const QTimeZone &floatingZone) : m_floatingZone(floatingZone) {}

QString IcalReader::fileTooLargeMessage(qint64 bytes)
{
    const QLocale locale;
    return tr("The file is %1 MB; at most %2 MB can be imported at once. Split it into smaller files.")
        .arg(locale.toString(double(bytes) / (1024 * 1024), 'f', 1), locale.toString(MaxFileBytes / (1024 * 1024)));
}

bool IcalReader::parse(const QByteArray &utf8, const QDate &expandFrom, const QDate &expandTo, QList<IcalEvent> *out,
                       QString *error) const
{
    if (utf8.size() > MaxFileBytes) {
        if (error)
            *error = fileTooLargeMessage(utf8.size());
        return false;
    }
    Parser parser(m_floatingZone, expandFrom, expandTo);
    QList<IcalEvent> events;
    if (!parser.read(utf8) || !parser.build(&events)) {
        if (error)
            *error = parser.error();
        return false;
    }
    if (out)
        *out = events;
    return true;
}

} // namespace Humas
