#include "ppid/ppidstatistics.h"

#include "ppid/ppidrecords.h"
#include "ppid/workingcalendar.h"
#include "store/database.h"

#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <vector>

namespace Humas {

namespace {

/**
 * Working days counted by a prefix sum over a span of days, so that the days to decision of
 * a hundred thousand requests cost one array lookup each instead of a walk through the
 * calendar. Days outside the span fall back to the calendar itself.
 */
class WorkingDayCounter
{
public:
    WorkingDayCounter(const WorkingCalendar &calendar, const QDate &first, const QDate &last)
        : m_calendar(calendar), m_first(first.toJulianDay())
    {
        const qint64 days = first.isValid() && last.isValid() ? last.toJulianDay() - m_first + 1 : 0;
        m_prefix.resize(size_t(std::max<qint64>(days, 0)) + 1, 0);
        for (qint64 i = 0; i < days; ++i)
            m_prefix[size_t(i + 1)] = m_prefix[size_t(i)] + (calendar.isWorkingDay(first.addDays(i)) ? 1 : 0);
    }

    /** Working days after @p from up to and including @p to. */
    int between(qint64 fromJd, qint64 toJd) const
    {
        if (toJd <= fromJd)
            return 0;
        const qint64 a = fromJd - m_first + 1; // prefix index just after @p from
        const qint64 b = toJd - m_first + 1;
        if (a < 0 || b >= qint64(m_prefix.size()))
            return m_calendar.workingDaysBetween(QDate::fromJulianDay(fromJd), QDate::fromJulianDay(toJd));
        return m_prefix[size_t(b)] - m_prefix[size_t(a)];
    }

private:
    const WorkingCalendar &m_calendar;
    qint64 m_first = 0;
    std::vector<int> m_prefix;
};

QJsonObject mapToJson(const QMap<QString, int> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

const char *const ChannelCodes[] = {"langsung", "surat", "email", "website", "telepon"};

const QString PeriodRequests = QStringLiteral(" FROM ppid_requests INDEXED BY ppid_requests_stats "
                                              "WHERE deleted = 0 AND received_at >= ? AND received_at < ?");

/** The viewer's scope (PpidRecords::scopeSql) as SQL appended to a WHERE and its values. */
struct Scope
{
    QString sql;
    QVariantList values;
};

void bindScope(QSqlQuery &q, const Scope &scope)
{
    for (const QVariant &v : scope.values)
        q.addBindValue(v);
}

/** Refusals of the period by reason ("pasal17_a" … for Article 17), grouped inside SQLite. */
void countRefusals(Database &db, PpidStatistics *s, const QString &from, const QString &to, const Scope &scope)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT decision_reason, pasal17_letter, count(*)") + PeriodRequests + scope.sql +
              QStringLiteral(" AND decision = 'ditolak' GROUP BY 1, 2"));
    q.addBindValue(from);
    q.addBindValue(to);
    bindScope(q, scope);
    if (!q.exec())
        return;
    while (q.next()) {
        const QString reason = q.value(0).toString();
        const QString letter = q.value(1).toString();
        s->refusedByReason[reason == QLatin1String("pasal17") && !letter.isEmpty() ? QStringLiteral("pasal17_") + letter
                                                                                   : reason] += q.value(2).toInt();
    }
}

/** "YYYY-MM-DD…" as a Julian day number, 0 when malformed; no locale-aware parsing. */
qint64 julianOf(QStringView text)
{
    if (text.size() < 10)
        return 0;
    const auto number = [text](int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; ++i)
            n = n * 10 + (text[i].unicode() - '0');
        return n;
    };
    const QDate d(number(0, 4), number(5, 2), number(8, 2));
    return d.isValid() ? d.toJulianDay() : 0;
}

/** The regency's local Julian day of a stored UTC time "YYYY-MM-DDTHH:MM…". */
qint64 localJulianOf(QStringView utc, int offsetMinutes)
{
    const qint64 jd = julianOf(utc);
    if (jd == 0 || utc.size() < 16)
        return jd;
    const int minutes = (utc[11].unicode() - '0') * 600 + (utc[12].unicode() - '0') * 60 +
                        (utc[14].unicode() - '0') * 10 + (utc[15].unicode() - '0') + offsetMinutes;
    // Indonesian offsets are positive and below a day: at most one day forward.
    return jd + (minutes >= 1440 ? 1 : 0);
}

/**
 * One pass over the period's requests, read from the covering index ppid_requests_stats.
 * SQLite hands back a small code (channel + 6 × decision + 24 × open state) and the OPD;
 * decided requests also bring their receipt time, decision time and due date as one text,
 * parsed here (SQLite's date functions cost more than the scan itself).
 */
void computeRequests(Database &db, PpidStatistics *s, const PpidRecords::Zone &zone, const Scope &scope)
{
    const QString from = PpidRecords::utcText(zone.startOfDay(s->from));
    const QString to = PpidRecords::utcText(zone.startOfDay(s->to.addDays(1)));
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT CASE channel WHEN 'langsung' THEN 0 WHEN 'surat' THEN 1 WHEN 'email' THEN 2 "
                             "  WHEN 'website' THEN 3 WHEN 'telepon' THEN 4 ELSE 5 END "
                             "+ 6 * CASE decision WHEN '' THEN 0 WHEN 'dikabulkan_seluruhnya' THEN 1 "
                             "  WHEN 'dikabulkan_sebagian' THEN 2 ELSE 3 END "
                             "+ 24 * CASE WHEN status NOT IN ('diterima', 'diproses', 'diperpanjang') THEN 0 "
                             "  WHEN due_date < ? THEN 2 ELSE 1 END, "
                             "ifnull(opd_id, ''), "
                             "CASE WHEN decision <> '' THEN received_at || '|' || ifnull(decided_at, '') || '|' "
                             "  || ifnull(due_date, '') END") +
              PeriodRequests + scope.sql);
    q.addBindValue(zone.today().toString(Qt::ISODate));
    q.addBindValue(from);
    q.addBindValue(to);
    bindScope(q, scope);
    if (!q.exec())
        return;
    // Decisions may come up to a year after the period's last receipt.
    const WorkingCalendar calendar = WorkingCalendar::load(db);
    const WorkingDayCounter counter(calendar, s->from, s->to.addDays(400));
    const int offsetMinutes = zone.offsetSeconds() / 60;
    int codes[72] = {};
    QHash<QString, int> opds;
    qint64 totalDays = 0;
    while (q.next()) {
        const int code = q.value(0).toInt();
        if (code < 0 || code >= 72)
            continue;
        ++codes[code];
        ++opds[q.value(1).toString()];
        if ((code / 6) % 4 == 0)
            continue;
        // One text per decided row ("received|decided|due"): a third of the conversions.
        const QString times = q.value(2).toString();
        const qsizetype bar1 = times.indexOf(QLatin1Char('|'));
        const qsizetype bar2 = times.indexOf(QLatin1Char('|'), bar1 + 1);
        if (bar1 < 0 || bar2 < 0)
            continue;
        const QStringView view(times);
        const qint64 decidedOn = localJulianOf(view.mid(bar1 + 1, bar2 - bar1 - 1), offsetMinutes);
        const qint64 due = julianOf(view.mid(bar2 + 1));
        const int days = counter.between(localJulianOf(view.left(bar1), offsetMinutes), decidedOn);
        totalDays += days;
        s->maxWorkingDaysToDecision = std::max(s->maxWorkingDaysToDecision, days);
        if (due > 0 && decidedOn > due)
            ++s->decidedLate;
    }
    int channels[6] = {};
    int decisions[4] = {};
    for (int code = 0; code < 72; ++code) {
        const int n = codes[code];
        channels[code % 6] += n;
        decisions[(code / 6) % 4] += n;
        s->open += code >= 24 ? n : 0;
        s->overdue += code >= 48 ? n : 0;
    }
    for (int c = 0; c < 5; ++c) {
        if (channels[c] > 0)
            s->byChannel.insert(QLatin1String(ChannelCodes[c]), channels[c]);
    }
    if (channels[5] > 0)
        s->byChannel.insert(QStringLiteral("other"), channels[5]);
    for (auto it = opds.cbegin(); it != opds.cend(); ++it)
        s->byOpd.insert(it.key(), it.value());
    s->grantedFully = decisions[1];
    s->grantedPartly = decisions[2];
    s->refused = decisions[3];
    s->decided = decisions[1] + decisions[2] + decisions[3];
    s->received = s->decided + decisions[0];
    if (s->decided > 0)
        s->meanWorkingDaysToDecision = double(totalDays) / s->decided;
    countRefusals(db, s, from, to, scope);
}

void computeObjections(Database &db, PpidStatistics *s, const PpidRecords::Zone &zone, const Scope &scope)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ground, atasan_decision, dispute_stage, count(*) FROM ppid_objections o "
                             "WHERE deleted = 0 AND filed_at >= ? AND filed_at < ? ") +
              scope.sql + QStringLiteral(" GROUP BY 1, 2, 3"));
    q.addBindValue(PpidRecords::utcText(zone.startOfDay(s->from)));
    q.addBindValue(PpidRecords::utcText(zone.startOfDay(s->to.addDays(1))));
    bindScope(q, scope);
    if (!q.exec())
        return;
    while (q.next()) {
        const int n = q.value(3).toInt();
        s->objections += n;
        s->objectionsByGround[q.value(0).toString()] += n;
        const QString outcome = q.value(1).toString();
        s->objectionsByOutcome[outcome.isEmpty() ? QStringLiteral("pending") : outcome] += n;
        if (!q.value(2).toString().isEmpty())
            s->disputes += n;
    }
}

} // namespace

PpidStatistics PpidStatistics::compute(Database &db, const QDate &from, const QDate &to)
{
    return compute(db, from, to, Actor::system());
}

PpidStatistics PpidStatistics::compute(Database &db, const QDate &from, const QDate &to, const Actor &viewer)
{
    PpidStatistics s;
    s.from = from;
    s.to = to;
    if (!from.isValid() || !to.isValid() || to < from)
        return s;
    const PpidRecords::Zone zone(db);
    Scope requests;
    requests.sql = PpidRecords::scopeSql(viewer, QStringLiteral("opd_id"), &requests.values);
    Scope objections;
    objections.sql = PpidRecords::scopeSql(
        viewer, QStringLiteral("(SELECT r.opd_id FROM ppid_requests r WHERE r.id = o.request_id)"), &objections.values);
    computeRequests(db, &s, zone, requests);
    computeObjections(db, &s, zone, objections);
    return s;
}

QJsonObject PpidStatistics::toJson() const
{
    return {
        {QStringLiteral("from"), from.toString(Qt::ISODate)},
        {QStringLiteral("to"), to.toString(Qt::ISODate)},
        {QStringLiteral("received"), received},
        {QStringLiteral("byChannel"), mapToJson(byChannel)},
        {QStringLiteral("byOpd"), mapToJson(byOpd)},
        {QStringLiteral("decided"), decided},
        {QStringLiteral("grantedFully"), grantedFully},
        {QStringLiteral("grantedPartly"), grantedPartly},
        {QStringLiteral("refused"), refused},
        {QStringLiteral("refusedByReason"), mapToJson(refusedByReason)},
        {QStringLiteral("meanWorkingDaysToDecision"), meanWorkingDaysToDecision},
        {QStringLiteral("maxWorkingDaysToDecision"), maxWorkingDaysToDecision},
        {QStringLiteral("decidedLate"), decidedLate},
        {QStringLiteral("open"), open},
        {QStringLiteral("overdue"), overdue},
        {QStringLiteral("objections"), objections},
        {QStringLiteral("objectionsByGround"), mapToJson(objectionsByGround)},
        {QStringLiteral("objectionsByOutcome"), mapToJson(objectionsByOutcome)},
        {QStringLiteral("disputes"), disputes},
    };
}

} // namespace Humas
