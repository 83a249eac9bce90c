#include "ppid/ppidregisterquery.h"

#include "ppid/ppidregistermodel.h"

#include <QCollator>
#include <QDateTime>

#include <algorithm>

namespace Humas {

namespace {

/** "?, ?, ?" for @p n values. */
QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QString isoUtc(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODate);
}

} // namespace

bool PpidRegisterFilter::operator==(const PpidRegisterFilter &other) const
{
    return status == other.status && opdId == other.opdId && channel == other.channel && year == other.year &&
           month == other.month && overdueOnly == other.overdueOnly && dueSoonOnly == other.dueSoonOnly &&
           text == other.text;
}

PpidRegisterQuery::PpidRegisterQuery(const PpidRegisterFilter &filter, int sortColumn, Qt::SortOrder order,
                                     const Context &context)
    : m_filter(filter), m_sortColumn(sortColumn), m_order(order), m_context(context)
{
    // Each word must occur in the number, the name or the information (or the NIK, for those
    // who may see it: for others a hit would reveal it). Every word is a quoted phrase, so
    // FTS5 syntax typed by the user ("OR", "*", quotes) is taken literally. Shorter words are
    // left out: no index can find them, and a LIKE over every row would make a keystroke cost
    // as much as reading the whole register.
    QStringList phrases;
    for (const QString &word : searchWords(filter.text))
        phrases.append(QLatin1Char('"') + QString(word).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                       QLatin1Char('"'));
    if (!phrases.isEmpty()) {
        const QString columns = context.canSeeNik
                                    ? QStringLiteral("{reg_number requester_name information requester_nik}")
                                    : QStringLiteral("{reg_number requester_name information}");
        m_match = columns + QStringLiteral(" : ") + phrases.join(QStringLiteral(" AND "));
    }
}

QStringList PpidRegisterQuery::searchWords(const QString &text)
{
    QStringList words;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word.size() >= MinSearchWord)
            words.append(word);
    }
    return words;
}

QStringList PpidRegisterQuery::openCodes()
{
    QStringList codes;
    for (const Ppid::Status s : Ppid::allStatuses()) {
        if (Ppid::isOpen(s))
            codes.append(Ppid::code(s));
    }
    return codes;
}

QString PpidRegisterQuery::pageSql(Plan plan, QVariantList *values) const
{
    const QString where = whereSql(Part::All, plan, values);
    const QString order = orderSql(plan, values);
    // The columns in the order of PageColumn.
    return QStringLiteral("SELECT r.id, r.reg_number, r.received_at, r.requester_name, r.requester_nik, "
                          "r.information, r.opd_id, r.status, r.channel, r.due_date FROM ppid_requests r WHERE ") +
           where + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ? OFFSET ?");
}

QString PpidRegisterQuery::countSql(Part part, Plan plan, int cap, QVariantList *values) const
{
    const QString where = whereSql(part, plan, values);
    if (cap < 0)
        return QStringLiteral("SELECT count(*) FROM ppid_requests r WHERE ") + where;
    values->append(cap);
    return QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM ppid_requests r WHERE ") + where +
           QStringLiteral(" LIMIT ?)");
}

QString PpidRegisterQuery::searchCountSql(int cap, QVariantList *values) const
{
    values->append(m_match);
    values->append(cap);
    return QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM ppid_search WHERE ppid_search MATCH ? LIMIT ?)");
}

QString PpidRegisterQuery::summarySql(const QDate &weekEnd, QVariantList *values) const
{
    const QString today = m_context.today.toString(Qt::ISODate);
    values->append(today);
    values->append(today);
    const QString where = whereSql(Part::WithoutDeadlines, Plan::Plain, values);
    const QStringList open = openCodes();
    for (const QString &code : open)
        values->append(code);
    values->append(weekEnd.toString(Qt::ISODate));
    // Only open requests due by the end of the week can count: the (status, due_date) index
    // narrows the scan to those before the other conditions are tested.
    return QStringLiteral("SELECT coalesce(sum(r.due_date < ?), 0), coalesce(sum(r.due_date >= ?), 0) "
                          "FROM ppid_requests r WHERE ") +
           where + QStringLiteral(" AND r.status IN (") + placeholders(open.size()) +
           QStringLiteral(") AND r.due_date <= ?");
}

QList<PpidRegisterQuery::Term> PpidRegisterQuery::terms(Part part) const
{
    QList<Term> list;
    // The role's scope is part of every count and every page, whatever the filter says.
    if (m_context.scopedToOpd) {
        if (m_context.scopeOpdId.isEmpty())
            list.append({QStringLiteral("0"), {}, QString()});
        else
            list.append({QStringLiteral("%1r.opd_id = ?"), {m_context.scopeOpdId}, QStringLiteral("opd_id")});
    }
    if (m_filter.status)
        list.append({QStringLiteral("%1r.status = ?"), {Ppid::code(*m_filter.status)}, QStringLiteral("status")});
    if (!m_filter.opdId.isEmpty())
        list.append({QStringLiteral("%1r.opd_id = ?"), {m_filter.opdId}, QStringLiteral("opd_id")});
    if (m_filter.channel)
        list.append({QStringLiteral("%1r.channel = ?"), {Ppid::code(*m_filter.channel)}, QStringLiteral("channel")});
    if (m_filter.year > 0) {
        // Months and years are the regency's local ones; received_at is stored in UTC.
        const bool oneMonth = m_filter.month >= 1 && m_filter.month <= 12;
        const QDate first = oneMonth ? QDate(m_filter.year, m_filter.month, 1) : QDate(m_filter.year, 1, 1);
        const QDate next = oneMonth ? first.addMonths(1) : first.addYears(1);
        list.append({QStringLiteral("%1r.received_at >= ? AND %1r.received_at < ?"),
                     {isoUtc(QDateTime(first, QTime(0, 0), m_context.zone)),
                      isoUtc(QDateTime(next, QTime(0, 0), m_context.zone))},
                     QStringLiteral("received_at")});
    }
    if (part != Part::WithoutDeadlines && (m_filter.overdueOnly || m_filter.dueSoonOnly)) {
        const QStringList open = openCodes();
        QVariantList codes;
        for (const QString &code : open)
            codes.append(code);
        list.append({QStringLiteral("%1r.status IN (") + placeholders(open.size()) + QLatin1Char(')'), codes,
                     QStringLiteral("status")});
        const QString today = m_context.today.toString(Qt::ISODate);
        const QString limit = m_context.dueSoonLimit.toString(Qt::ISODate);
        if (m_filter.overdueOnly && m_filter.dueSoonOnly)
            list.append({QStringLiteral("%1r.due_date <= ?"), {limit}, QStringLiteral("due_date")});
        else if (m_filter.overdueOnly)
            list.append({QStringLiteral("%1r.due_date < ?"), {today}, QStringLiteral("due_date")});
        else
            list.append({QStringLiteral("%1r.due_date >= ? AND %1r.due_date <= ?"),
                         {today, limit},
                         QStringLiteral("due_date")});
    }
    if (part != Part::WithoutSearch && !m_match.isEmpty()) {
        list.append({QStringLiteral("%1r.rowid IN (SELECT rowid FROM ppid_search WHERE ppid_search MATCH ?)"),
                     {m_match},
                     QStringLiteral("rowid")});
    }
    return list;
}

QString PpidRegisterQuery::whereSql(Part part, Plan plan, QVariantList *values) const
{
    QStringList parts{QStringLiteral("r.deleted = 0")};
    const QString orderColumn = orderIndexColumn();
    for (const Term &term : terms(part)) {
        // A unary + keeps SQLite off the index of a term, so that the plan's index drives.
        bool hide = false;
        const bool isText = term.column == QLatin1String("rowid");
        switch (plan) {
        case Plan::WalkOrderIndex:
            // A term on the sort key itself (a month range when sorting by date) narrows the walk.
            hide = !term.column.isEmpty() && term.column != orderColumn;
            break;
        case Plan::FilterIndexes:
            hide = isText; // the search words are only checked, on the few rows the filters find
            break;
        case Plan::SearchFirst:
            hide = !term.column.isEmpty() && !isText;
            break;
        case Plan::Plain:
            break;
        }
        parts.append(term.sql.contains(QLatin1String("%1")) ? term.sql.arg(hide ? QStringLiteral("+") : QString())
                                                            : term.sql);
        values->append(term.values);
    }
    return parts.join(QStringLiteral(" AND "));
}

QString PpidRegisterQuery::orderIndexColumn() const
{
    switch (m_sortColumn) {
    case PpidRegisterModel::NumberColumn:
    case PpidRegisterModel::ReceivedColumn:
        return QStringLiteral("received_at");
    case PpidRegisterModel::RequesterColumn:
        return QStringLiteral("requester_name");
    case PpidRegisterModel::ChannelColumn:
        return QStringLiteral("channel");
    case PpidRegisterModel::StatusColumn:
        return QStringLiteral("status_flow");
    case PpidRegisterModel::DueDateColumn:
    case PpidRegisterModel::DaysLeftColumn:
        return QStringLiteral("due_date");
    case PpidRegisterModel::NikColumn:
        return m_context.canSeeNik ? QString() : QStringLiteral("received_at");
    default:
        return {};
    }
}

QString PpidRegisterQuery::orderSql(Plan plan, QVariantList *values) const
{
    const QString dir = m_order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // Few matches: a unary + keeps SQLite from walking the sort key's index over every row.
    const QString plus = plan == Plan::FilterIndexes || plan == Plan::SearchFirst ? QStringLiteral("+") : QString();
    QString key;
    switch (m_sortColumn) {
    case PpidRegisterModel::RequesterColumn:
        key = plus + QStringLiteral("r.requester_name COLLATE NOCASE") + dir;
        break;
    case PpidRegisterModel::NikColumn:
        // Roles that may not see the NIK may not sort by it either.
        key = m_context.canSeeNik ? QString(QStringLiteral("r.requester_nik") + dir)
                                  : QString(plus + QStringLiteral("r.received_at") + dir);
        break;
    case PpidRegisterModel::InformationColumn:
        key = QStringLiteral("r.information COLLATE NOCASE") + dir;
        break;
    case PpidRegisterModel::OpdColumn: {
        // In the order of the names shown (a handful of OPDs, ranked here).
        QList<QPair<QString, QString>> byName;
        for (auto it = m_context.opdSortNames.cbegin(); it != m_context.opdSortNames.cend(); ++it)
            byName.append({it.value(), it.key()});
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::sort(byName.begin(), byName.end(),
                  [&collator](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
        QString cases = QStringLiteral("CASE r.opd_id");
        for (int i = 0; i < byName.size(); ++i) {
            cases += QStringLiteral(" WHEN ? THEN ") + QString::number(i);
            values->append(byName.at(i).second);
        }
        key = cases + QStringLiteral(" ELSE -1 END") + dir;
        break;
    }
    case PpidRegisterModel::ChannelColumn:
        key = plus + QStringLiteral("r.channel") + dir;
        break;
    case PpidRegisterModel::StatusColumn: {
        // The order of the status flow; this exact expression is indexed by migration 0003.
        QString cases = QStringLiteral("CASE r.status");
        const QList<Ppid::Status> all = Ppid::allStatuses();
        for (int i = 0; i < all.size(); ++i)
            cases += QStringLiteral(" WHEN '%1' THEN %2").arg(Ppid::code(all.at(i))).arg(i);
        key = plus + cases + QStringLiteral(" END") + dir + QStringLiteral(", r.due_date") + dir;
        break;
    }
    case PpidRegisterModel::DueDateColumn:
    case PpidRegisterModel::DaysLeftColumn:
        key = plus + QStringLiteral("r.due_date") + dir;
        break;
    case PpidRegisterModel::NumberColumn: // the register's order is the order of receipt
    case PpidRegisterModel::ReceivedColumn:
    default:
        key = plus + QStringLiteral("r.received_at") + dir;
        break;
    }
    // rowid breaks ties, so pages never overlap; every index ends with it.
    return key + QStringLiteral(", r.rowid") + dir;
}

} // namespace Humas
