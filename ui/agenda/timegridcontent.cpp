#include "timegridcontent.h"

#include "agenda/agendamodel.h"
#include "agenda/columnlayout.h"
#include "agenda/eventspan.h"

#include <QAbstractItemModel>
#include <QBrush>

#include <algorithm>
#include <numeric>

namespace HumasUi {

using Humas::AgendaModel;

namespace {

QColor colorOf(const QVariant &value)
{
    if (value.userType() == QMetaType::QBrush)
        return value.value<QBrush>().color();
    if (value.userType() == QMetaType::QColor)
        return value.value<QColor>();
    return {};
}

/** Black or white, whichever reads better on @p fill. */
QColor contrastingText(const QColor &fill)
{
    return qGray(fill.rgb()) > 140 ? QColor(Qt::black) : QColor(Qt::white);
}

TimeGridEntry readEntry(const QModelIndex &index)
{
    TimeGridEntry e;
    e.row = index.row();
    e.id = index.data(AgendaModel::IdRole).toString();
    e.title = index.data(AgendaModel::TitleRole).toString();
    if (e.title.isEmpty())
        e.title = index.data(Qt::DisplayRole).toString();
    e.venue = index.data(AgendaModel::VenueNameRole).toString();
    e.start = index.data(AgendaModel::StartRole).toDateTime();
    e.end = index.data(AgendaModel::EndRole).toDateTime();
    e.startMs = e.start.toMSecsSinceEpoch();
    e.endMs = e.end.toMSecsSinceEpoch();
    e.allDay = index.data(AgendaModel::AllDayRole).toBool();
    e.firstDate = index.data(AgendaModel::FirstDateRole).toDate();
    e.lastDate = index.data(AgendaModel::LastDateRole).toDate();
    if (!e.firstDate.isValid())
        e.firstDate = e.start.date();
    if (!e.lastDate.isValid())
        e.lastDate = e.end > e.start ? e.end.addMSecs(-1).date() : e.firstDate;
    e.officialIds = index.data(AgendaModel::OfficialIdsRole).toStringList();
    e.conflict = index.data(AgendaModel::ConflictRole).toBool();
    e.conflictText = index.data(AgendaModel::ConflictTextRole).toString();
    const int status = index.data(AgendaModel::StatusRole).toInt();
    e.status = status;
    e.inactive =
        status == int(Humas::EventSpan::Status::Ditunda) || status == int(Humas::EventSpan::Status::Dibatalkan);
    e.background = colorOf(index.data(Qt::BackgroundRole));
    if (!e.background.isValid())
        e.background = e.conflict ? AgendaModel::conflictColor() : AgendaModel::statusColor(status);
    e.foreground = colorOf(index.data(Qt::ForegroundRole));
    if (!e.foreground.isValid())
        e.foreground = contrastingText(e.background);
    e.toolTip = index.data(Qt::ToolTipRole).toString();
    if (e.toolTip.isEmpty()) {
        e.toolTip = e.title;
        if (!e.conflictText.isEmpty())
            e.toolTip += QStringLiteral("\n\n") + e.conflictText;
    }
    return e;
}

} // namespace

void TimeGridContent::read(const QAbstractItemModel *model)
{
    m_entries.clear();
    m_index.clear();
    if (!model)
        return;
    const int rows = model->rowCount();
    m_entries.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        TimeGridEntry e = readEntry(model->index(row, 0));
        if (e.id.isEmpty() || (!e.allDay && (!e.start.isValid() || !e.end.isValid())))
            continue;
        m_index.insert(e.id, int(m_entries.size()));
        m_entries.append(e);
    }
}

qint64 TimeGridContent::msInDay(const QDateTime &local, const QDate &day)
{
    return day.daysTo(local.date()) * DayMs + local.time().msecsSinceStartOfDay();
}

bool TimeGridContent::belongsTo(const TimeGridEntry &entry, const TimeGridColumn &column)
{
    return column.officialId.isEmpty() || entry.officialIds.contains(column.officialId);
}

void TimeGridContent::layout(const QList<TimeGridColumn> &columns, qint64 minimumMs)
{
    layoutTimed(columns, minimumMs);
    layoutAllDay(columns);
}

void TimeGridContent::layoutTimed(const QList<TimeGridColumn> &columns, qint64 minimumMs)
{
    m_boxes.clear();
    for (int c = 0; c < columns.size(); ++c) {
        const TimeGridColumn &column = columns.at(c);
        const int first = int(m_boxes.size());
        QList<Humas::ColumnLayout::Item> items;
        for (int i = 0; i < m_entries.size(); ++i) {
            const TimeGridEntry &e = m_entries.at(i);
            if (e.allDay || !belongsTo(e, column))
                continue;
            const qint64 from = msInDay(e.start, column.date);
            const qint64 to = msInDay(e.end, column.date);
            if (to <= 0 || from >= DayMs)
                continue;
            TimeGridBox box;
            box.entry = i;
            box.column = c;
            box.fromMs = std::max<qint64>(0, from);
            box.toMs = std::min(DayMs, to);
            box.continuesBefore = from < 0;
            box.continuesAfter = to > DayMs;
            box.drawFromMs = box.fromMs;
            box.drawToMs = std::max(box.toMs, box.fromMs + minimumMs);
            if (box.drawToMs > DayMs) {
                box.drawToMs = DayMs;
                box.drawFromMs = std::min(box.fromMs, DayMs - minimumMs);
            }
            // Lay out what is drawn, so that short events drawn taller never overlap.
            items.append({e.id, box.drawFromMs, box.drawToMs});
            m_boxes.append(box);
        }
        const QList<Humas::ColumnLayout::Placement> placed = Humas::ColumnLayout::layout(items);
        for (int k = 0; k < placed.size(); ++k) {
            m_boxes[first + k].left = placed.at(k).left();
            m_boxes[first + k].width = placed.at(k).width();
        }
    }
}

void TimeGridContent::layoutAllDay(const QList<TimeGridColumn> &columns)
{
    m_allDay.clear();
    for (int i = 0; i < m_entries.size(); ++i) {
        const TimeGridEntry &e = m_entries.at(i);
        if (!e.allDay)
            continue;
        // One box per run of adjacent columns: days in a row, or officials side by side.
        int runStart = -1;
        for (int c = 0; c <= columns.size(); ++c) {
            const bool in = c < columns.size() && belongsTo(e, columns.at(c)) && columns.at(c).date >= e.firstDate &&
                            columns.at(c).date <= e.lastDate;
            if (in && runStart < 0)
                runStart = c;
            if (!in && runStart >= 0) {
                m_allDay.append({i, runStart, c - 1, 0});
                runStart = -1;
            }
        }
    }
    std::stable_sort(m_allDay.begin(), m_allDay.end(), [this](const TimeGridAllDayBox &a, const TimeGridAllDayBox &b) {
        if (a.firstColumn != b.firstColumn)
            return a.firstColumn < b.firstColumn;
        if (a.lastColumn != b.lastColumn)
            return a.lastColumn > b.lastColumn;
        return m_entries.at(a.entry).title < m_entries.at(b.entry).title;
    });
    // First free row, column by column; rows hold the last column they use.
    QList<int> rowEnds;
    for (TimeGridAllDayBox &box : m_allDay) {
        int row = 0;
        while (row < rowEnds.size() && rowEnds.at(row) >= box.firstColumn)
            ++row;
        if (row == rowEnds.size())
            rowEnds.append(-1);
        rowEnds[row] = box.lastColumn;
        box.row = row;
    }
    m_allDayRows = int(rowEnds.size());
}

} // namespace HumasUi
