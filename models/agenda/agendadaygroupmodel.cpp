#include "agenda/agendadaygroupmodel.h"

#include "agenda/agendamodel.h"
#include "common/datetext.h"

#include <QDateTime>
#include <QFont>
#include <QMap>

#include <algorithm>

namespace Humas {

namespace {
constexpr quintptr DayId = 0;

/** What ordering and grouping need of one source row. */
struct Item
{
    int row = -1;
    QDate first;
    QDate last;
    QDateTime start;
    bool spanning = false;
    QString title;
    QString id;
};

Item readItem(const QAbstractItemModel &model, int row)
{
    const QModelIndex index = model.index(row, 0);
    Item item;
    item.row = row;
    item.start = index.data(AgendaModel::StartRole).toDateTime();
    item.first = index.data(AgendaModel::FirstDateRole).toDate();
    item.last = index.data(AgendaModel::LastDateRole).toDate();
    if (!item.first.isValid())
        item.first = item.start.date();
    if (!item.last.isValid())
        item.last = item.first;
    item.spanning = index.data(AgendaModel::AllDayRole).toBool() || item.first != item.last;
    item.title = index.data(AgendaModel::TitleRole).toString();
    item.id = index.data(AgendaModel::IdRole).toString();
    return item;
}
} // namespace

AgendaDayGroupModel::AgendaDayGroupModel(QObject *parent) : QAbstractItemModel(parent) {}

AgendaDayGroupModel::~AgendaDayGroupModel() = default;

void AgendaDayGroupModel::setSourceModel(QAbstractItemModel *source)
{
    if (m_source == source)
        return;
    beginResetModel();
    m_resetting = true;
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (m_source) {
        using M = QAbstractItemModel;
        connect(m_source, &M::modelAboutToBeReset, this, &AgendaDayGroupModel::sourceAboutToChange);
        connect(m_source, &M::modelReset, this, &AgendaDayGroupModel::sourceChanged);
        connect(m_source, &M::layoutAboutToBeChanged, this, &AgendaDayGroupModel::sourceAboutToChange);
        connect(m_source, &M::layoutChanged, this, &AgendaDayGroupModel::sourceChanged);
        connect(m_source, &M::rowsAboutToBeInserted, this, &AgendaDayGroupModel::sourceAboutToChange);
        connect(m_source, &M::rowsInserted, this, &AgendaDayGroupModel::sourceChanged);
        connect(m_source, &M::rowsAboutToBeRemoved, this, &AgendaDayGroupModel::sourceAboutToChange);
        connect(m_source, &M::rowsRemoved, this, &AgendaDayGroupModel::sourceChanged);
        connect(m_source, &M::rowsAboutToBeMoved, this, &AgendaDayGroupModel::sourceAboutToChange);
        connect(m_source, &M::rowsMoved, this, &AgendaDayGroupModel::sourceChanged);
        connect(m_source, &M::dataChanged, this, &AgendaDayGroupModel::sourceDataChanged);
        connect(m_source, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_days.clear();
            endResetModel();
        });
    }
    sourceChanged();
}

QAbstractItemModel *AgendaDayGroupModel::sourceModel() const
{
    return m_source;
}

void AgendaDayGroupModel::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    sourceAboutToChange();
    m_from = from;
    m_to = to;
    sourceChanged();
}

QModelIndex AgendaDayGroupModel::indexOfDay(const QDate &date) const
{
    const auto it = std::lower_bound(m_days.cbegin(), m_days.cend(), date,
                                     [](const Day &day, const QDate &d) { return day.date < d; });
    if (it == m_days.cend() || it->date != date)
        return {};
    return index(int(it - m_days.cbegin()), 0);
}

QModelIndex AgendaDayGroupModel::mapToSource(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == DayId || !m_source)
        return {};
    const Day &day = m_days.at(int(index.internalId() - 1));
    return m_source->index(day.rows.at(index.row()), 0);
}

bool AgendaDayGroupModel::isDay(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() == DayId;
}

QModelIndex AgendaDayGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_days.size() ? createIndex(row, column, DayId) : QModelIndex();
    if (!isDay(parent) || parent.column() != 0 || row >= m_days.at(parent.row()).rows.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex AgendaDayGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == DayId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, DayId);
}

int AgendaDayGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_days.size());
    if (isDay(parent) && parent.column() == 0)
        return int(m_days.at(parent.row()).rows.size());
    return 0;
}

int AgendaDayGroupModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags AgendaDayGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!isDay(index))
        result |= Qt::ItemNeverHasChildren;
    return result;
}

QVariant AgendaDayGroupModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (isDay(index))
        return dayData(m_days.at(index.row()), index.column(), role);
    const Day &day = m_days.at(int(index.internalId() - 1));
    if (role == DateRole)
        return day.date;
    if (role == IsDayRole)
        return false;
    return eventData(mapToSource(index), day.date, index.column(), role);
}

QVariant AgendaDayGroupModel::dayData(const Day &day, int column, int role) const
{
    switch (role) {
    case DateRole:
        return day.date;
    case IsDayRole:
        return true;
    case Qt::DisplayRole:
        return column == 0 ? DateText::longDate(day.date) : QVariant();
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    default:
        return {};
    }
}

QVariant AgendaDayGroupModel::eventData(const QModelIndex &source, const QDate &date, int column, int role) const
{
    if (!source.isValid())
        return {};
    const bool conflict = source.data(AgendaModel::ConflictRole).toBool();
    if (role >= Qt::UserRole)
        return source.data(role);
    if (role == Qt::ToolTipRole) {
        return column == ConflictColumn && conflict ? source.data(AgendaModel::ConflictTextRole)
                                                    : source.data(Qt::ToolTipRole);
    }
    if (column == ConflictColumn && (role == Qt::BackgroundRole || role == Qt::ForegroundRole))
        return conflict ? source.data(role) : QVariant();
    if (column == ConflictColumn && role == Qt::DecorationRole)
        return conflict ? source.data(role) : QVariant();
    if (column == TimeColumn && role == Qt::DecorationRole)
        return source.data(Qt::BackgroundRole); // a swatch of the event's colour
    if (role != Qt::DisplayRole)
        return {};

    switch (column) {
    case TimeColumn:
        return timeText(source, date);
    case TitleColumn:
        return source.data(AgendaModel::TitleRole);
    case OfficialsColumn: {
        const QModelIndex officials = source.siblingAtColumn(AgendaModel::OfficialsColumn);
        return officials.isValid()
                   ? officials.data()
                   : source.data(AgendaModel::OfficialIdsRole).toStringList().join(QStringLiteral(", "));
    }
    case PlaceColumn: {
        const QString venue = source.data(AgendaModel::VenueNameRole).toString();
        const QString kecamatan = source.data(AgendaModel::KecamatanNameRole).toString();
        if (venue.isEmpty() || kecamatan.isEmpty())
            return venue.isEmpty() ? kecamatan : venue;
        return tr("%1, %2", "venue, kecamatan").arg(venue, kecamatan);
    }
    case StatusColumn:
        return source.data(AgendaModel::StatusTextRole);
    case ConflictColumn:
        return conflict ? tr("Clash") : QString();
    default:
        return {};
    }
}

QString AgendaDayGroupModel::timeText(const QModelIndex &source, const QDate &date) const
{
    if (source.data(AgendaModel::AllDayRole).toBool())
        return tr("All day");
    const QDateTime start = source.data(AgendaModel::StartRole).toDateTime();
    const QDateTime end = source.data(AgendaModel::EndRole).toDateTime();
    const bool startsToday = start.date() == date;
    const bool endsToday = source.data(AgendaModel::LastDateRole).toDate() == date || !end.isValid();
    if (startsToday && endsToday) {
        if (!end.isValid() || end == start)
            return DateText::time(start.time());
        return tr("%1–%2", "time range").arg(DateText::time(start.time()), DateText::time(end.time()));
    }
    if (startsToday)
        return tr("from %1").arg(DateText::time(start.time()));
    if (endsToday)
        return tr("until %1").arg(DateText::time(end.time()));
    return tr("All day");
}

QVariant AgendaDayGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TitleColumn:
        return tr("Event");
    case OfficialsColumn:
        return tr("Officials");
    case PlaceColumn:
        return tr("Place");
    case StatusColumn:
        return tr("Status");
    case ConflictColumn:
        return tr("Conflict");
    default:
        return {};
    }
}

QList<AgendaDayGroupModel::Day> AgendaDayGroupModel::build() const
{
    if (!m_source)
        return {};
    QList<Item> items;
    const int rows = m_source->rowCount();
    items.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        Item item = readItem(*m_source, row);
        if (!item.first.isValid())
            continue;
        if (m_from.isValid())
            item.first = std::max(item.first, m_from);
        if (m_to.isValid())
            item.last = std::min(item.last, m_to);
        if (item.first <= item.last)
            items.append(item);
    }
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        if (a.spanning != b.spanning)
            return a.spanning;
        if (a.start != b.start)
            return a.start < b.start;
        if (a.title != b.title)
            return a.title < b.title;
        return a.id < b.id;
    });
    QMap<QDate, QList<int>> byDay;
    for (const Item &item : std::as_const(items)) {
        for (QDate d = item.first; d <= item.last; d = d.addDays(1))
            byDay[d].append(item.row);
    }
    QList<Day> days;
    days.reserve(byDay.size());
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it)
        days.append(Day{it.key(), it.value()});
    return days;
}

void AgendaDayGroupModel::sourceAboutToChange()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void AgendaDayGroupModel::sourceChanged()
{
    if (!m_resetting)
        beginResetModel();
    m_days = build();
    m_resetting = false;
    endResetModel();
}

void AgendaDayGroupModel::sourceDataChanged()
{
    if (m_resetting)
        return;
    QList<Day> days = build();
    if (days != m_days) {
        beginResetModel();
        m_days = std::move(days);
        endResetModel();
        return;
    }
    for (int i = 0; i < m_days.size(); ++i) {
        const QModelIndex day = index(i, 0);
        Q_EMIT dataChanged(day, index(i, ColumnCount - 1));
        const int children = int(m_days.at(i).rows.size());
        Q_EMIT dataChanged(index(0, 0, day), index(children - 1, ColumnCount - 1, day));
    }
}

} // namespace Humas
