#include "timegridview.h"

#include "agenda/agendamodel.h"
#include "common/datetext.h"
#include "timegridpainter.h"

#include <QAbstractProxyModel>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace HumasUi {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = TimeGridContent::DayMs;

qint64 floorTo(qint64 value, qint64 step)
{
    return value - ((value % step) + step) % step;
}
} // namespace

TimeGridView::TimeGridView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Time grid"));
    updateGeometries();
    scrollToTime(QTime(7, 0));
}

TimeGridView::~TimeGridView() = default;

void TimeGridView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &c : std::as_const(m_modelConnections))
        disconnect(c);
    m_modelConnections.clear();
    m_model = model;
    m_agenda = nullptr;
    if (model) {
        const auto changed = &TimeGridView::modelChanged;
        m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, changed)
                           << connect(model, &QAbstractItemModel::layoutChanged, this, changed)
                           << connect(model, &QAbstractItemModel::rowsInserted, this, changed)
                           << connect(model, &QAbstractItemModel::rowsRemoved, this, changed)
                           << connect(model, &QAbstractItemModel::rowsMoved, this, changed)
                           << connect(model, &QAbstractItemModel::dataChanged, this, changed);
        // The zone of new times comes from the AgendaModel behind the proxies, when there is one.
        QAbstractItemModel *source = model;
        while (const auto *proxy = qobject_cast<QAbstractProxyModel *>(source))
            source = proxy->sourceModel();
        m_agenda = qobject_cast<Humas::AgendaModel *>(source);
    }
    modelChanged();
}

QAbstractItemModel *TimeGridView::model() const
{
    return m_model;
}

void TimeGridView::setDays(const QDate &first, int count)
{
    cancelDrag();
    m_mode = Mode::Days;
    m_columns.clear();
    for (int i = 0; i < std::max(0, count); ++i)
        m_columns.append({first.addDays(i), QString(), QString()});
    updateHeaders();
    if (m_selection.column >= m_columns.size())
        m_selection = Selection();
    relayout();
}

void TimeGridView::setOfficialColumns(const QDate &day, const QStringList &officialIds, const QStringList &headers)
{
    cancelDrag();
    m_mode = Mode::Officials;
    m_columns.clear();
    for (int i = 0; i < officialIds.size(); ++i)
        m_columns.append({day, officialIds.at(i), headers.value(i, officialIds.at(i))});
    if (m_selection.column >= m_columns.size())
        m_selection = Selection();
    relayout();
}

void TimeGridView::updateHeaders()
{
    if (m_mode != Mode::Days)
        return;
    for (TimeGridColumn &column : m_columns) {
        column.header = m_columns.size() == 1 ? Humas::DateText::longDate(column.date)
                                              : QLocale().toString(column.date, QStringLiteral("ddd d MMM"));
    }
}

QDate TimeGridView::columnDate(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).date : QDate();
}

QString TimeGridView::columnOfficialId(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).officialId : QString();
}

QString TimeGridView::columnHeader(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column).header : QString();
}

QDate TimeGridView::firstDate() const
{
    return m_columns.isEmpty() ? QDate() : m_columns.constFirst().date;
}

QDate TimeGridView::lastDate() const
{
    return m_columns.isEmpty() ? QDate() : m_columns.constLast().date;
}

void TimeGridView::setUtcOffsetSeconds(int seconds)
{
    m_utcOffsetSeconds = seconds;
    viewport()->update();
}

void TimeGridView::setToday(const QDate &today)
{
    m_today = today;
    viewport()->update();
}

void TimeGridView::setWorkingHours(const QTime &start, const QTime &end)
{
    if (!start.isValid() || !end.isValid() || end <= start)
        return;
    m_workStart = start;
    m_workEnd = end;
    viewport()->update();
}

void TimeGridView::setHourHeight(int pixels)
{
    const QTime top = topTime();
    m_hourHeight = std::max(24, pixels);
    relayout();
    scrollToTime(top);
}

void TimeGridView::setSnapMinutes(int minutes)
{
    m_snapMinutes = std::clamp(minutes, 1, 60);
}

void TimeGridView::scrollToTime(const QTime &time)
{
    if (time.isValid())
        verticalScrollBar()->setValue(int(std::lround(time.msecsSinceStartOfDay() * double(m_hourHeight) / 3600000.0)));
}

QTime TimeGridView::topTime() const
{
    const qint64 ms = std::min<qint64>(DayMs - 1, qint64(verticalScrollBar()->value()) * 3600000 / m_hourHeight);
    return QTime::fromMSecsSinceStartOfDay(int(ms));
}

void TimeGridView::setConflictProbe(ConflictProbe probe)
{
    m_probe = std::move(probe);
}

// ---------------------------------------------------------------------------------------------
// Content and geometry

void TimeGridView::modelChanged()
{
    if (m_agenda) {
        m_utcOffsetSeconds = m_agenda->utcOffsetSeconds();
        m_zoneCode = m_agenda->zoneCode();
    }
    m_content.read(m_model);
    if (!m_drag.id.isEmpty() && m_content.indexOf(m_drag.id) < 0)
        cancelDrag();
    if (!m_selectedId.isEmpty() && m_content.indexOf(m_selectedId) < 0) {
        m_selectedId.clear();
        Q_EMIT selectedEventChanged(m_selectedId);
    }
    relayout();
}

qint64 TimeGridView::minimumBoxMs() const
{
    // One line of the small event text plus the box's margins.
    const int pixels = fontMetrics().height() + 4;
    return qint64(pixels) * 3600000 / m_hourHeight;
}

void TimeGridView::relayout()
{
    m_content.layout(m_columns, minimumBoxMs());
    updateGeometries();
    viewport()->update();
}

void TimeGridView::updateGeometries()
{
    const QFontMetrics fm(font());
    TimeGridGeometry &g = m_geometry;
    g.gutterWidth =
        std::max(fm.horizontalAdvance(Humas::DateText::time(QTime(23, 0))), fm.horizontalAdvance(m_zoneCode)) + 16;
    g.headerHeight = fm.height() + 12;
    g.allDayRowHeight = fm.height() + 6;
    g.allDayRows = std::max(1, m_content.allDayRows());
    g.hourHeight = m_hourHeight;
    g.columnCount = int(m_columns.size());
    g.viewport = viewport()->size();
    const int available = std::max(0, g.viewport.width() - g.gutterWidth);
    const int minimum = fm.horizontalAdvance(QLatin1Char('0')) * (m_mode == Mode::Days ? 9 : 14);
    g.columnWidth = g.columnCount > 0 ? std::max<double>(minimum, double(available) / g.columnCount) : available;

    const int hiddenWidth = std::max(0, int(std::ceil(g.contentWidth())) - available);
    horizontalScrollBar()->setRange(0, hiddenWidth);
    horizontalScrollBar()->setPageStep(std::max(1, available));
    horizontalScrollBar()->setSingleStep(std::max(1, int(g.columnWidth / 4)));
    const int visibleHeight = std::max(0, g.viewport.height() - g.gridTop());
    verticalScrollBar()->setRange(0, std::max(0, g.contentHeight() - visibleHeight));
    verticalScrollBar()->setPageStep(std::max(1, visibleHeight));
    verticalScrollBar()->setSingleStep(std::max(1, m_hourHeight / 4));
    g.scrollX = horizontalScrollBar()->value();
    g.scrollY = verticalScrollBar()->value();
}

qint64 TimeGridView::localMidnightMs(const QDate &date) const
{
    return QDateTime(date, QTime(0, 0), Qt::OffsetFromUTC, m_utcOffsetSeconds).toMSecsSinceEpoch();
}

QDateTime TimeGridView::localTime(const QDate &date, qint64 msInDay) const
{
    return QDateTime(date, QTime(0, 0), Qt::OffsetFromUTC, m_utcOffsetSeconds).addMSecs(msInDay);
}

qint64 TimeGridView::snap(qint64 utcMs) const
{
    // Snap on the local clock (the zone offset need not be a multiple of the step).
    const qint64 step = m_snapMinutes * MinuteMs;
    const qint64 local = utcMs + m_utcOffsetSeconds * 1000LL;
    return floorTo(local + step / 2, step) - m_utcOffsetSeconds * 1000LL;
}

// ---------------------------------------------------------------------------------------------
// Queries

const TimeGridBox *TimeGridView::boxAt(const QPoint &pos) const
{
    if (!m_geometry.gridRect().contains(pos))
        return nullptr;
    const QList<TimeGridBox> &boxes = m_content.boxes();
    for (auto it = boxes.crbegin(); it != boxes.crend(); ++it) {
        if (m_geometry.boxRect(*it).contains(pos))
            return &*it;
    }
    return nullptr;
}

const TimeGridAllDayBox *TimeGridView::allDayBoxAt(const QPoint &pos) const
{
    if (pos.x() < m_geometry.gutterWidth)
        return nullptr;
    for (const TimeGridAllDayBox &box : m_content.allDayBoxes()) {
        if (m_geometry.allDayRect(box).contains(pos))
            return &box;
    }
    return nullptr;
}

QRectF TimeGridView::eventRect(const QString &id, int column) const
{
    const int entry = m_content.indexOf(id);
    if (entry < 0)
        return {};
    for (const TimeGridBox &box : m_content.boxes()) {
        if (box.entry == entry && (column < 0 || box.column == column))
            return m_geometry.boxRect(box);
    }
    for (const TimeGridAllDayBox &box : m_content.allDayBoxes()) {
        if (box.entry == entry && (column < 0 || (box.firstColumn <= column && column <= box.lastColumn)))
            return m_geometry.allDayRect(box);
    }
    return {};
}

QList<int> TimeGridView::columnsOf(const QString &id) const
{
    const int entry = m_content.indexOf(id);
    QList<int> columns;
    for (const TimeGridBox &box : m_content.boxes()) {
        if (box.entry == entry && entry >= 0)
            columns.append(box.column);
    }
    return columns;
}

QStringList TimeGridView::eventsInColumn(int column) const
{
    QList<const TimeGridBox *> boxes;
    for (const TimeGridBox &box : m_content.boxes()) {
        if (box.column == column)
            boxes.append(&box);
    }
    std::stable_sort(boxes.begin(), boxes.end(),
                     [](const TimeGridBox *a, const TimeGridBox *b) { return a->fromMs < b->fromMs; });
    QStringList ids;
    for (const TimeGridBox *box : std::as_const(boxes))
        ids.append(m_content.entries().at(box->entry).id);
    return ids + allDayEventsInColumn(column);
}

QStringList TimeGridView::allDayEventsInColumn(int column) const
{
    QStringList ids;
    for (const TimeGridAllDayBox &box : m_content.allDayBoxes()) {
        if (box.firstColumn <= column && column <= box.lastColumn)
            ids.append(m_content.entries().at(box.entry).id);
    }
    return ids;
}

QString TimeGridView::eventAt(const QPoint &pos) const
{
    if (const TimeGridBox *box = boxAt(pos))
        return m_content.entries().at(box->entry).id;
    if (const TimeGridAllDayBox *box = allDayBoxAt(pos))
        return m_content.entries().at(box->entry).id;
    return {};
}

int TimeGridView::columnAt(const QPoint &pos) const
{
    return m_geometry.columnAt(pos.x());
}

QDateTime TimeGridView::timeAt(const QPoint &pos) const
{
    const int column = m_geometry.columnAt(pos.x());
    if (column < 0 || !m_geometry.gridRect().contains(pos))
        return {};
    return localTime(m_columns.at(column).date, m_geometry.msForY(pos.y()));
}

QRectF TimeGridView::columnRect(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_geometry.columnRect(column) : QRectF();
}

QPoint TimeGridView::pointAt(int column, const QTime &time) const
{
    return QPointF(m_geometry.columnX(column) + m_geometry.columnWidth / 2,
                   m_geometry.yForMs(time.msecsSinceStartOfDay()))
        .toPoint();
}

QString TimeGridView::toolTipAt(const QPoint &pos) const
{
    // Column headers may be elided ("Asisten Pemerintahan da…"): the tooltip has them whole.
    if (pos.y() < m_geometry.headerHeight)
        return columnHeader(m_geometry.columnAt(pos.x()));
    const QString id = eventAt(pos);
    return id.isEmpty() ? QString() : m_content.entries().at(m_content.indexOf(id)).toolTip;
}

void TimeGridView::setSelectedEventId(const QString &id)
{
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    viewport()->update();
    Q_EMIT selectedEventChanged(id);
}

QDateTime TimeGridView::selectionStart() const
{
    return m_selection.column < 0 ? QDateTime() : localTime(m_columns.at(m_selection.column).date, m_selection.fromMs);
}

QDateTime TimeGridView::selectionEnd() const
{
    return m_selection.column < 0 ? QDateTime() : localTime(m_columns.at(m_selection.column).date, m_selection.toMs);
}

bool TimeGridView::isDragging() const
{
    return m_drag.started && (m_drag.mode == DragMode::Move || m_drag.mode == DragMode::Resize);
}

QRectF TimeGridView::ghostRect() const
{
    const QList<QRectF> rects = ghostRects();
    return rects.isEmpty() ? QRectF() : rects.constFirst();
}

QRectF TimeGridView::ghostNoteRect() const
{
    return TimeGridPainter::conflictNoteRect(m_geometry, ghostRect(), m_drag.conflictText, font());
}

QList<QRectF> TimeGridView::ghostRects() const
{
    QList<QRectF> rects;
    const int entry = m_content.indexOf(m_drag.id);
    if (!isDragging() || entry < 0)
        return rects;
    for (int c = 0; c < m_columns.size(); ++c) {
        if (!TimeGridContent::belongsTo(m_content.entries().at(entry), m_columns.at(c)))
            continue;
        const qint64 midnight = localMidnightMs(m_columns.at(c).date);
        const qint64 from = m_drag.newStartMs - midnight;
        const qint64 to = m_drag.newEndMs - midnight;
        if (to <= 0 || from >= DayMs)
            continue;
        rects.append(m_geometry.bandRect(c, std::max<qint64>(0, from), std::min(DayMs, to)));
    }
    return rects;
}

QSize TimeGridView::sizeHint() const
{
    return QSize(760, 560);
}

// ---------------------------------------------------------------------------------------------
// Events

bool TimeGridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = isDragging() ? QString() : toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport(), eventRect(eventAt(help->pos())).toRect());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimeGridView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
        setAccessibleName(tr("Time grid"));
        updateHeaders();
        modelChanged(); // conflict texts and tooltips come translated from the model
        break;
    case QEvent::FontChange:
        relayout();
        break;
    default:
        break;
    }
    QAbstractScrollArea::changeEvent(event);
}

void TimeGridView::paintEvent(QPaintEvent *)
{
    TimeGridPaintState state;
    state.today = m_today;
    state.workStartMs = m_workStart.msecsSinceStartOfDay();
    state.workEndMs = m_workEnd.msecsSinceStartOfDay();
    state.selectedId = m_selectedId;
    state.selectionColumn = m_selection.column;
    state.selectionFromMs = m_selection.fromMs;
    state.selectionToMs = m_selection.toMs;
    state.allDayLabel = tr("All day");
    state.cornerText = m_zoneCode;
    const int entry = m_content.indexOf(m_drag.id);
    if (isDragging() && entry >= 0) {
        const TimeGridEntry &e = m_content.entries().at(entry);
        state.draggedId = e.id;
        state.ghostRects = ghostRects();
        state.ghostTime = TimeGridPainter::timeRange(
            QDateTime::fromMSecsSinceEpoch(m_drag.newStartMs, Qt::OffsetFromUTC, m_utcOffsetSeconds),
            QDateTime::fromMSecsSinceEpoch(m_drag.newEndMs, Qt::OffsetFromUTC, m_utcOffsetSeconds));
        state.ghostConflict = m_drag.conflictText;
        // The ghost shows the event's own colour unless the new place clashes; an event
        // that clashed where it was is drawn in its status colour once moved clear.
        state.ghostColor = e.conflict ? Humas::AgendaModel::statusColor(e.status) : e.background;
        state.ghostForeground = e.conflict ? QColor(0x1A, 0x1A, 0x1A) : e.foreground;
    }
    QPainter painter(viewport());
    TimeGridPainter(painter, *this, m_geometry, m_columns, m_content, state).paint();
}

void TimeGridView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateGeometries();
}

void TimeGridView::scrollContentsBy(int, int)
{
    m_geometry.scrollX = horizontalScrollBar()->value();
    m_geometry.scrollY = verticalScrollBar()->value();
    viewport()->update();
}

} // namespace HumasUi
