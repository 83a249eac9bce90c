#pragma once

#include "ppid/ppidrequest.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariantList>

#include <optional>

namespace Humas {

/** What the request register shows: every field empty/unset means "all live requests". */
struct PpidRegisterFilter
{
    std::optional<Ppid::Status> status;
    QString opdId; ///< the PPID Pembantu assigned; empty = any
    std::optional<Ppid::Channel> channel;
    int year = 0;  ///< year received (local); 0 = any
    int month = 0; ///< 1–12 together with year; 0 = the whole year
    /** Open and past the due date ("terlambat"). */
    bool overdueOnly = false;
    /** Open and due within 3 working days ("jatuh tempo ≤ 3 hari kerja"). Both switches on = either. */
    bool dueSoonOnly = false;
    /** Words that must each occur (as substrings, any case) in the number, the requester's name
     *  or the information requested (or the NIK, for roles that may see it). Words shorter than
     *  PpidRegisterQuery::MinSearchWord characters are ignored. */
    QString text;

    bool operator==(const PpidRegisterFilter &other) const;
    bool operator!=(const PpidRegisterFilter &other) const { return !(*this == other); }
};

/**
 * The SQL that PpidRegisterModel runs for one filter and one order: bound values only, the
 * search words through the trigram index `ppid_search` (migration 0003).
 *
 * SQLite keeps no statistics here, so it cannot tell whether walking the sort key's index
 * (cheap when many rows match: it stops after one page) or finding the matches first and
 * sorting them (cheap when few match) is better. The caller decides with two capped counts
 * and picks a Plan; a unary + in front of a column keeps SQLite off that column's index.
 */
class PpidRegisterQuery
{
public:
    /** Shorter search words are ignored (the trigram index needs three characters). */
    static constexpr int MinSearchWord = 3;

    /** Which indexes the query should use. */
    enum class Plan {
        Plain,          ///< let SQLite choose (counts, unindexed sort keys)
        WalkOrderIndex, ///< many matches: walk the sort key's index and stop after one page
        FilterIndexes,  ///< the filters select few rows: find them through their indexes, then sort
        SearchFirst,    ///< the search words match few rows: find them in the trigram index, then sort
    };
    /** Which conditions a count or a summary takes. */
    enum class Part {
        All,              ///< the whole filter
        WithoutSearch,    ///< everything but the search words
        WithoutDeadlines, ///< everything but the overdue/due-soon switches (the summary line)
    };

    /** What the query needs to know besides the filter. */
    struct Context
    {
        bool canSeeNik = false; ///< searching and sorting by NIK only for those who may see it
        /** Only the requests assigned to scopeOpdId (a PPID Pembantu); an empty id then selects none. */
        bool scopedToOpd = false;
        QString scopeOpdId;
        QTimeZone zone; ///< the regency's zone: months and years are local
        QDate today;
        QDate dueSoonLimit;                   ///< the last day that counts as due soon
        QHash<QString, QString> opdSortNames; ///< OPD id -> the name the OPD column shows
    };

    /** @p sortColumn is a PpidRegisterModel::Column. */
    PpidRegisterQuery(const PpidRegisterFilter &filter, int sortColumn, Qt::SortOrder order, const Context &context);

    /** The words of @p text that take part in a search (MinSearchWord characters or more). */
    static QStringList searchWords(const QString &text);

    /** The FTS5 MATCH expression of the search words, or empty when there are none. */
    QString searchMatch() const { return m_match; }
    /** Whether an index delivers the sort order (so that Plan::WalkOrderIndex makes sense). */
    bool hasOrderIndex() const { return !orderIndexColumn().isEmpty(); }

    /** One page: the caller binds @p values, then the limit and the offset. */
    QString pageSql(Plan plan, QVariantList *values) const;
    /** COUNT(*) of @p part read as @p plan; with @p cap >= 0 at most @p cap rows are counted. */
    QString countSql(Part part, Plan plan, int cap, QVariantList *values) const;
    /** Rows of the trigram index matching searchMatch(), at most @p cap (tombstones included). */
    QString searchCountSql(int cap, QVariantList *values) const;
    /**
     * Overdue and due-from-today-to-@p weekEnd counts (two columns) of the open requests the
     * filter selects, ignoring the deadline switches.
     */
    QString summarySql(const QDate &weekEnd, QVariantList *values) const;

    /** The page query's columns, in this order. */
    enum PageColumn {
        Id,
        RegNumber,
        ReceivedAt,
        RequesterName,
        RequesterNik,
        Information,
        OpdId,
        Status,
        Channel,
        DueDate
    };

    /** The status codes of open requests. */
    static QStringList openCodes();

private:
    /** One condition; "%1" in sql is where a unary + goes to keep SQLite off an index. */
    struct Term
    {
        QString sql;
        QVariantList values;
        QString column; ///< the indexed column it tests ("rowid" for the search), or empty
    };

    QList<Term> terms(Part part) const;
    QString whereSql(Part part, Plan plan, QVariantList *values) const;
    /** The sort key's column ("received_at", …) when an index can deliver that order, else empty. */
    QString orderIndexColumn() const;
    QString orderSql(Plan plan, QVariantList *values) const;

    PpidRegisterFilter m_filter;
    int m_sortColumn;
    Qt::SortOrder m_order;
    Context m_context;
    QString m_match;
};

} // namespace Humas
