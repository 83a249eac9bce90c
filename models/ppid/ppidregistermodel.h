#pragma once

#include "auth/role.h"
#include "ppid/ppidregisterquery.h"
#include "ppid/ppidrequest.h"
#include "ppid/workingcalendar.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

class QSqlQuery;
class QTimer;

namespace Humas {

class Database;

/** The counts of the register's summary line. */
struct PpidRegisterSummary
{
    int overdue = 0;     ///< open and past the due date
    int dueThisWeek = 0; ///< open and due from today to Sunday of this week
};

/**
 * The request register (`ppid_requests`) as a table for 100,000+ rows: rows are fetched
 * lazily in pages (canFetchMore/fetchMore), and filtering and sorting happen in SQL with
 * bound values, so a filter change or a search keystroke reads only the first page (and a
 * count when that page is full).
 *
 * Columns follow the register: number, received, requester, NIK, information, OPD, channel,
 * status, due date, working days left. The NIK is masked (PersonalData::maskNik) unless the
 * actor's role may see personal data; such roles cannot search by NIK or sort by it either.
 * Overdue and near-due rows are marked by OverdueRole/DueSoonRole; their colours and icons
 * come from PpidRegisterColorProxy. Today comes from Clock::instance() in the regency's zone.
 */
class PpidRegisterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        ReceivedColumn,
        RequesterColumn,
        NikColumn,
        InformationColumn,
        OpdColumn,
        ChannelColumn,
        StatusColumn,
        DueDateColumn,
        DaysLeftColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1,
        RegNumberRole,
        ReceivedAtRole, ///< QDateTime, UTC
        StatusRole,     ///< int(Ppid::Status)
        ChannelRole,    ///< int(Ppid::Channel)
        OpdIdRole,
        DueDateRole,  ///< QDate (invalid when none)
        DaysLeftRole, ///< int working days to the due date, negative when late; invalid when closed or no due date
        OpenRole,     ///< bool: still running against a deadline
        OverdueRole,  ///< bool: open and past the due date
        DueSoonRole,  ///< bool: open, not late, due within DueSoonWorkingDays working days
    };
    Q_ENUM(Role)

    /** Rows read per page. */
    static constexpr int PageSize = 200;
    /** "jatuh tempo ≤ 3 hari kerja". */
    static constexpr int DueSoonWorkingDays = 3;
    /** Up to this many matches the page is read through the filters' indexes, above it by walking the sort index. */
    static constexpr int NarrowLimit = 1000;
    /** Shorter search words are ignored (the trigram index of migration 0003 needs three characters). */
    static constexpr int MinSearchWord = PpidRegisterQuery::MinSearchWord;
    /** A count above NarrowLimit is made exact this long after the last change (see totalCount()). */
    static constexpr int CountDelayMs = 300;

    PpidRegisterModel(Database &db, const Actor &actor, QObject *parent = nullptr);
    ~PpidRegisterModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    /** Re-reads the first page in the new order (ORDER BY in SQL). */
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QHash<int, QByteArray> roleNames() const override;

    bool canSeePersonalData() const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    PpidRegisterFilter filter() const { return m_filter; }
    /** Replaces every filter at once (one query). */
    void setFilter(const PpidRegisterFilter &filter);
    void setStatusFilter(std::optional<Ppid::Status> status);
    void setOpdFilter(const QString &opdId);
    void setChannelFilter(std::optional<Ppid::Channel> channel);
    /** Requests received in @p month of @p year (local time); month 0 = the whole year. */
    void setMonthFilter(int year, int month);
    /** Requests received in @p year; 0 = any year (clears a month too). */
    void setYearFilter(int year);
    void setOverdueOnly(bool on);
    void setDueSoonOnly(bool on);
    /** See PpidRegisterFilter::text; words shorter than MinSearchWord characters are ignored. */
    void setSearchText(const QString &text);
    /** The words of @p text that take part in a search (MinSearchWord characters or more). */
    static QStringList searchWords(const QString &text) { return PpidRegisterQuery::searchWords(text); }

    /**
     * How many rows the filter selects, or -1 while not yet known. Up to NarrowLimit matches
     * are counted with the first page; a larger count waits until CountDelayMs after the last
     * filter change (so each keystroke pays for one page only), or countNow(). Every change of
     * the value emits totalCountChanged().
     */
    int totalCount() const { return m_total; }
    /** Overdue and due-this-week counts over the current filter, ignoring the two deadline switches. */
    PpidRegisterSummary summary() const;
    /** "4 overdue · 9 due this week" (translated). */
    QString summaryText() const;
    static QString summaryText(const PpidRegisterSummary &summary);

    /** Today in the regency's zone (Clock::instance()). */
    QDate today() const { return m_today; }
    /** The last day that counts as "due soon" today. */
    QDate dueSoonLimit() const { return m_dueSoonLimit; }
    /** The row of request @p id among the rows fetched so far, or -1. */
    int rowOfId(const QString &id) const;
    /** The OPD's name (from the opd table as of the last reload). */
    QString opdName(const QString &opdId) const;
    /** The OPD's short name ("Bappelitbangda"; the name when it has none), as the OPD column shows it. */
    QString opdShortName(const QString &opdId) const;
    /** Live OPDs: id -> name, for filter lists. */
    QHash<QString, QString> opdNames() const { return m_opdNames; }
    /** The years that have requests (received, local), newest first. */
    QList<int> years() const;

    /** Translated "3 days", "today", "2 days late" for a DaysLeftRole value. */
    static QString daysLeftText(int workingDays);

public Q_SLOTS:
    /**
     * Re-reads today, the calendar, the OPD names and the first page. Writes need no call:
     * the model follows the store's ChangeFeed (requests, OPD, holidays, settings); this is
     * for a new day or the user's Refresh.
     */
    void reload();
    /** Counts the rows of the current filter now (see totalCount()). */
    void countNow();

Q_SIGNALS:
    /** The first page of a new query is in (after a filter, sort or reload). */
    void reloaded();
    /** totalCount() changed (-1: not known yet). */
    void totalCountChanged(int total);

private:
    struct Row
    {
        QString id;
        QString regNumber;
        QDateTime receivedAt;
        QString requesterName;
        QString nik; ///< already masked for roles that may not see it
        QString information;
        QString opdId;
        Ppid::Status status = Ppid::Status::Diterima;
        Ppid::Channel channel = Ppid::Channel::Langsung;
        QDate dueDate;
        int daysLeft = 0;
        bool open = false;
        bool overdue = false;
        bool dueSoon = false;
    };
    PpidRegisterQuery query() const;
    /** The single number a COUNT query returns, or -1 (logged) when it failed. */
    int count(const QString &sql, const QVariantList &values) const;
    QList<Row> readPage(int offset, int limit, QString *error) const;
    Row rowFrom(const QSqlQuery &q) const;
    void requery();
    QVariant displayData(const Row &row, int column) const;

    Database &m_db;
    Actor m_actor;
    bool m_canSee = false;
    PpidRegisterFilter m_filter;
    int m_sortColumn = ReceivedColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    QList<Row> m_rows;
    int m_total = 0;
    PpidRegisterQuery::Plan m_plan = PpidRegisterQuery::Plan::Plain;
    QTimer *m_countTimer = nullptr;
    bool m_exhausted = true;
    bool m_fetching = false;
    QDate m_today;
    QDate m_dueSoonLimit;
    QDate m_weekEnd;
    QTimeZone m_zone;
    QString m_zoneCode;
    WorkingCalendar m_calendar;
    QHash<QString, QString> m_opdNames;
    QHash<QString, QString> m_opdShortNames;
};

} // namespace Humas
