#include "ppid/ppidregistermodel.h"

#include "common/clock.h"
#include "common/datetext.h"
#include "common/logging.h"
#include "ppid/personaldata.h"
#include "ppid/ppidrecords.h"
#include "ppid/ppidregisterquery.h"
#include "settings/appsettings.h"
#include "store/changefeed.h"
#include "store/database.h"

#include <QScopedValueRollback>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTimer>

#include <utility>

namespace Humas {

PpidRegisterModel::PpidRegisterModel(Database &db, const Actor &actor, QObject *parent)
    : QAbstractTableModel(parent), m_db(db), m_actor(actor), m_canSee(PersonalData::canSee(actor.role)),
      m_countTimer(new QTimer(this))
{
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(CountDelayMs);
    connect(m_countTimer, &QTimer::timeout, this, &PpidRegisterModel::countNow);
    reload();
    // The register follows every commit that can change what it shows: requests (a save, a
    // status step, a recompute, rows from sync), OPD names, and the working days.
    connect(m_db.changeFeed(), &ChangeFeed::committed, this, [this](const ChangeSet &changes) {
        if (changes.containsAny({QStringLiteral("ppid_requests"), QStringLiteral("opd"), QStringLiteral("holidays"),
                                 QStringLiteral("settings")}))
            reload();
    });
}

PpidRegisterModel::~PpidRegisterModel() = default;

bool PpidRegisterModel::canSeePersonalData() const
{
    return m_canSee;
}

int PpidRegisterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PpidRegisterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PpidRegisterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == InformationColumn || index.column() == RequesterColumn)
            return displayData(row, index.column());
        if (index.column() == OpdColumn)
            return opdName(row.opdId);
        if (index.column() == ReceivedColumn)
            return DateText::dateTime(row.receivedAt.toTimeZone(m_zone), m_zoneCode);
        if (index.column() == DueDateColumn && row.dueDate.isValid())
            return DateText::longDate(row.dueDate);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DaysLeftColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return row.id;
    case RegNumberRole:
        return row.regNumber;
    case ReceivedAtRole:
        return row.receivedAt;
    case StatusRole:
        return int(row.status);
    case ChannelRole:
        return int(row.channel);
    case OpdIdRole:
        return row.opdId;
    case DueDateRole:
        return row.dueDate;
    case DaysLeftRole:
        return row.open && row.dueDate.isValid() ? QVariant(row.daysLeft) : QVariant();
    case OpenRole:
        return row.open;
    case OverdueRole:
        return row.overdue;
    case DueSoonRole:
        return row.dueSoon;
    default:
        return {};
    }
}

QVariant PpidRegisterModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case NumberColumn:
        return row.regNumber;
    case ReceivedColumn: {
        // Compact in the table ("20/11/2026 09.30"); the tooltip writes it out.
        const QDateTime local = row.receivedAt.toTimeZone(m_zone);
        return QString(local.date().toString(QStringLiteral("dd/MM/yyyy")) + QLatin1Char(' ') +
                       DateText::time(local.time()));
    }
    case RequesterColumn:
        return row.requesterName;
    case NikColumn:
        return row.nik;
    case InformationColumn:
        return row.information;
    case OpdColumn:
        return opdShortName(row.opdId);
    case ChannelColumn:
        return Ppid::displayName(row.channel);
    case StatusColumn:
        return Ppid::displayName(row.status);
    case DueDateColumn:
        return row.dueDate.isValid() ? row.dueDate.toString(QStringLiteral("dd/MM/yyyy")) : QString();
    case DaysLeftColumn:
        return row.open && row.dueDate.isValid() ? daysLeftText(row.daysLeft) : QString();
    default:
        return {};
    }
}

QVariant PpidRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Number");
    case ReceivedColumn:
        return tr("Received");
    case RequesterColumn:
        return tr("Requester");
    case NikColumn:
        return tr("NIK / deed no.");
    case InformationColumn:
        return tr("Information requested");
    case OpdColumn:
        return tr("OPD");
    case ChannelColumn:
        return tr("Channel");
    case StatusColumn:
        return tr("Status");
    case DueDateColumn:
        return tr("Due date");
    case DaysLeftColumn:
        return tr("Working days left");
    default:
        return {};
    }
}

QHash<int, QByteArray> PpidRegisterModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(RegNumberRole, "regNumber");
    names.insert(ReceivedAtRole, "receivedAt");
    names.insert(StatusRole, "status");
    names.insert(ChannelRole, "channel");
    names.insert(OpdIdRole, "opdId");
    names.insert(DueDateRole, "dueDate");
    names.insert(DaysLeftRole, "daysLeft");
    names.insert(OpenRole, "open");
    names.insert(OverdueRole, "overdue");
    names.insert(DueSoonRole, "dueSoon");
    return names;
}

QString PpidRegisterModel::daysLeftText(int workingDays)
{
    if (workingDays == 0)
        return tr("today");
    if (workingDays < 0)
        return tr("%n day(s) late", nullptr, -workingDays);
    return tr("%n day(s)", nullptr, workingDays);
}

// ---------------------------------------------------------------------------------------------
// Fetching

bool PpidRegisterModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_fetching;
}

void PpidRegisterModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_fetching)
        return;
    // A view (or QAbstractItemModelTester) may ask for more from inside the insertion or reset signals.
    const QScopedValueRollback<bool> guard(m_fetching, true);
    QString error;
    const QList<Row> page = readPage(int(m_rows.size()), PageSize, &error);
    if (!error.isEmpty())
        qCWarning(lcModels) << "ppid register: next page:" << error;
    m_exhausted = page.size() < PageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void PpidRegisterModel::reload()
{
    const AppSettings settings(m_db, Actor::system());
    m_zone = settings.timeZone();
    m_zoneCode = settings.timeZoneCode();
    m_calendar = WorkingCalendar::load(m_db);
    m_today = Clock::instance()->nowUtc().toTimeZone(m_zone).date();
    m_dueSoonLimit = m_calendar.addWorkingDays(m_today, DueSoonWorkingDays);
    // "This week" ends on Sunday; on a Saturday or Sunday the desk means the coming week.
    m_weekEnd = m_today.addDays(7 - m_today.dayOfWeek() + (m_today.dayOfWeek() >= 6 ? 7 : 0));

    m_opdNames.clear();
    m_opdShortNames.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT id, name, short_name FROM opd WHERE deleted = 0"))) {
        while (q.next()) {
            const QString id = q.value(0).toString();
            const QString name = q.value(1).toString();
            const QString shortName = q.value(2).toString().trimmed();
            m_opdNames.insert(id, name);
            m_opdShortNames.insert(id, shortName.isEmpty() ? name : shortName);
        }
    } else {
        qCWarning(lcModels) << "ppid register: opd names:" << q.lastError().text();
    }
    requery();
}

PpidRegisterQuery PpidRegisterModel::query() const
{
    PpidRegisterQuery::Context context;
    context.canSeeNik = m_canSee;
    const PpidRecords::Scope scope = PpidRecords::scopeOf(m_actor);
    context.scopedToOpd = scope != PpidRecords::Scope::All;
    context.scopeOpdId = scope == PpidRecords::Scope::OwnOpd ? m_actor.opdId : QString();
    context.zone = m_zone;
    context.today = m_today;
    context.dueSoonLimit = m_dueSoonLimit;
    context.opdSortNames = m_opdShortNames;
    return PpidRegisterQuery(m_filter, m_sortColumn, m_sortOrder, context);
}

int PpidRegisterModel::count(const QString &sql, const QVariantList &values) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qCWarning(lcModels) << "ppid register: count:" << q.lastError().text();
        return -1;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qCWarning(lcModels) << "ppid register: count:" << q.lastError().text();
        return -1;
    }
    return q.value(0).toInt();
}

void PpidRegisterModel::requery()
{
    using Plan = PpidRegisterQuery::Plan;
    using Part = PpidRegisterQuery::Part;
    m_countTimer->stop();
    // Choose the plan (see PpidRegisterQuery) from two counts capped at NarrowLimit + 1, each
    // touching at most that many index entries: how many rows the search words alone match
    // (straight from the trigram index), and how many the other filters alone select.
    const PpidRegisterQuery q = query();
    QVariantList values;
    const int searchCap = q.searchMatch().isEmpty() ? -1 : count(q.searchCountSql(NarrowLimit + 1, &values), values);
    values.clear();
    const int othersCap = count(q.countSql(Part::WithoutSearch, Plan::Plain, NarrowLimit + 1, &values), values);
    if (searchCap >= 0 && searchCap <= NarrowLimit)
        m_plan = Plan::SearchFirst;
    else if (othersCap >= 0 && othersCap <= NarrowLimit)
        m_plan = Plan::FilterIndexes;
    else if (q.hasOrderIndex())
        m_plan = Plan::WalkOrderIndex;
    else
        m_plan = Plan::Plain;
    // Few candidates: the exact count is as cheap as the page.
    int narrowTotal = -1;
    if (m_plan == Plan::SearchFirst || m_plan == Plan::FilterIndexes) {
        values.clear();
        narrowTotal = count(q.countSql(Part::All, m_plan, -1, &values), values);
    }
    QString error;
    QList<Row> page = readPage(0, PageSize, &error);
    if (!error.isEmpty())
        qCWarning(lcModels) << "ppid register: first page:" << error;
    const bool full = page.size() >= PageSize;
    {
        // No fetchMore from inside the reset signals: the new first page is not in place yet
        // for those listening to modelAboutToBeReset, nor is the reset over for the others.
        const QScopedValueRollback<bool> guard(m_fetching, true);
        beginResetModel();
        m_rows = std::move(page);
        m_exhausted = !full;
        endResetModel();
    }
    int total = -1;
    if (!full)
        total = int(m_rows.size()); // a short first page is the whole result
    else if (narrowTotal >= 0)
        total = narrowTotal;
    else
        m_countTimer->start(); // the exact count waits until typing pauses
    if (total != m_total) {
        m_total = total;
        Q_EMIT totalCountChanged(m_total);
    }
    Q_EMIT reloaded();
}

void PpidRegisterModel::countNow()
{
    m_countTimer->stop();
    QVariantList values;
    const PpidRegisterQuery q = query();
    const int total =
        count(q.countSql(PpidRegisterQuery::Part::All, PpidRegisterQuery::Plan::Plain, -1, &values), values);
    if (total < 0)
        return;
    if (total != m_total) {
        m_total = total;
        Q_EMIT totalCountChanged(m_total);
    }
}

QList<PpidRegisterModel::Row> PpidRegisterModel::readPage(int offset, int limit, QString *error) const
{
    QList<Row> rows;
    QVariantList values;
    const QString sql = query().pageSql(m_plan, &values);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return rows;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        *error = q.lastError().text();
        return rows;
    }
    rows.reserve(limit);
    while (q.next())
        rows.append(rowFrom(q));
    return rows;
}

PpidRegisterModel::Row PpidRegisterModel::rowFrom(const QSqlQuery &q) const
{
    using C = PpidRegisterQuery::PageColumn;
    Row row;
    row.id = q.value(C::Id).toString();
    row.regNumber = q.value(C::RegNumber).toString();
    row.receivedAt = QDateTime::fromString(q.value(C::ReceivedAt).toString(), Qt::ISODate);
    row.requesterName = q.value(C::RequesterName).toString();
    const QString nik = q.value(C::RequesterNik).toString();
    row.nik = m_canSee ? nik : PersonalData::maskNik(nik);
    const QString information = q.value(C::Information).toString();
    row.information = m_canSee ? information : PersonalData::maskFreeText(information);
    row.opdId = q.value(C::OpdId).toString();
    Ppid::fromCode(q.value(C::Status).toString(), &row.status);
    Ppid::fromCode(q.value(C::Channel).toString(), &row.channel);
    row.dueDate = QDate::fromString(q.value(C::DueDate).toString(), Qt::ISODate);
    row.open = Ppid::isOpen(row.status);
    if (row.open && row.dueDate.isValid()) {
        row.daysLeft = row.dueDate >= m_today ? m_calendar.workingDaysBetween(m_today, row.dueDate)
                                              : -m_calendar.workingDaysBetween(row.dueDate, m_today);
        row.overdue = row.dueDate < m_today;
        row.dueSoon = !row.overdue && row.dueDate <= m_dueSoonLimit;
    }
    return row;
}

PpidRegisterSummary PpidRegisterModel::summary() const
{
    PpidRegisterSummary result;
    QVariantList values;
    const QString sql = query().summarySql(m_weekEnd, &values);
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qCWarning(lcModels) << "ppid register: summary:" << q.lastError().text();
        return result;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qCWarning(lcModels) << "ppid register: summary:" << q.lastError().text();
        return result;
    }
    result.overdue = q.value(0).toInt();
    result.dueThisWeek = q.value(1).toInt();
    return result;
}

QString PpidRegisterModel::summaryText() const
{
    return summaryText(summary());
}

QString PpidRegisterModel::summaryText(const PpidRegisterSummary &summary)
{
    //: %1 is "4 overdue", %2 "9 due this week"
    return tr("%1 · %2").arg(tr("%n overdue", nullptr, summary.overdue),
                             tr("%n due this week", nullptr, summary.dueThisWeek));
}

// ---------------------------------------------------------------------------------------------
// Filters and order

void PpidRegisterModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        column = ReceivedColumn;
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    requery();
}

void PpidRegisterModel::setFilter(const PpidRegisterFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    requery();
}

void PpidRegisterModel::setStatusFilter(std::optional<Ppid::Status> status)
{
    PpidRegisterFilter f = m_filter;
    f.status = status;
    setFilter(f);
}

void PpidRegisterModel::setOpdFilter(const QString &opdId)
{
    PpidRegisterFilter f = m_filter;
    f.opdId = opdId;
    setFilter(f);
}

void PpidRegisterModel::setChannelFilter(std::optional<Ppid::Channel> channel)
{
    PpidRegisterFilter f = m_filter;
    f.channel = channel;
    setFilter(f);
}

void PpidRegisterModel::setMonthFilter(int year, int month)
{
    PpidRegisterFilter f = m_filter;
    f.year = year > 0 ? year : 0;
    f.month = f.year > 0 && month >= 1 && month <= 12 ? month : 0;
    setFilter(f);
}

void PpidRegisterModel::setYearFilter(int year)
{
    setMonthFilter(year, 0);
}

void PpidRegisterModel::setOverdueOnly(bool on)
{
    PpidRegisterFilter f = m_filter;
    f.overdueOnly = on;
    setFilter(f);
}

void PpidRegisterModel::setDueSoonOnly(bool on)
{
    PpidRegisterFilter f = m_filter;
    f.dueSoonOnly = on;
    setFilter(f);
}

void PpidRegisterModel::setSearchText(const QString &text)
{
    PpidRegisterFilter f = m_filter;
    f.text = text.simplified();
    // Only the words that filter count: "Abdul S" and "Abdul" read the same rows.
    if (searchWords(f.text) == searchWords(m_filter.text)) {
        m_filter.text = f.text;
        return;
    }
    setFilter(f);
}

// ---------------------------------------------------------------------------------------------
// Lookups

int PpidRegisterModel::rowOfId(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString PpidRegisterModel::opdName(const QString &opdId) const
{
    return m_opdNames.value(opdId);
}

QString PpidRegisterModel::opdShortName(const QString &opdId) const
{
    return m_opdShortNames.value(opdId);
}

QList<int> PpidRegisterModel::years() const
{
    QList<int> result;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT min(received_at), max(received_at) FROM ppid_requests WHERE deleted = 0")) ||
        !q.next() || q.value(0).isNull())
        return result;
    const int first = QDateTime::fromString(q.value(0).toString(), Qt::ISODate).toTimeZone(m_zone).date().year();
    const int last = QDateTime::fromString(q.value(1).toString(), Qt::ISODate).toTimeZone(m_zone).date().year();
    for (int y = last; y >= first && y > 0; --y)
        result.append(y);
    return result;
}

} // namespace Humas
