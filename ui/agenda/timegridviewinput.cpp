// TimeGridView, part two: mouse and keyboard — selecting time, moving and resizing events
// with live conflict feedback, keyboard navigation. Painting and queries are in
// timegridview.cpp.

#include "timegridview.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTimerEvent>

#include <algorithm>

namespace HumasUi {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 CellMs = 30 * MinuteMs; ///< the time cell a click or an arrow key selects
constexpr qint64 NewEventMs = 60 * MinuteMs;
constexpr qint64 DayMs = TimeGridContent::DayMs;
constexpr int ResizeHandle = 5;
constexpr int AutoScrollEdge = 16;     ///< pixels from the grid's top or bottom edge
constexpr int AutoScrollInterval = 40; ///< ms between scroll steps

qint64 floorTo(qint64 value, qint64 step)
{
    return value - ((value % step) + step) % step;
}
} // namespace

bool TimeGridView::isResizeHandle(const TimeGridBox &box, const QPoint &pos) const
{
    const QRectF r = m_geometry.boxRect(box);
    return !box.continuesAfter && r.height() >= 3 * ResizeHandle && pos.y() >= r.bottom() - ResizeHandle;
}

void TimeGridView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    m_drag = Drag();
    m_drag.pressPos = pos;
    if (const TimeGridBox *box = boxAt(pos)) {
        const TimeGridEntry &e = m_content.entries().at(box->entry);
        setSelectedEventId(e.id);
        m_drag.mode = isResizeHandle(*box, pos) ? DragMode::Resize : DragMode::Move;
        m_drag.id = e.id;
        m_drag.column = box->column;
        const qint64 pressed = localMidnightMs(m_columns.at(box->column).date) + m_geometry.msForY(pos.y());
        m_drag.grabOffsetMs = pressed - e.startMs;
        m_drag.newStartMs = e.startMs;
        m_drag.newEndMs = e.endMs;
        return;
    }
    if (const TimeGridAllDayBox *box = allDayBoxAt(pos)) {
        setSelectedEventId(m_content.entries().at(box->entry).id);
        return;
    }
    const int column = m_geometry.columnAt(pos.x());
    if (column < 0 || !m_geometry.gridRect().contains(pos))
        return;
    setSelectedEventId(QString());
    m_drag.mode = DragMode::Select;
    m_drag.column = column;
    m_drag.anchorMs = m_geometry.msForY(pos.y());
    const qint64 from = std::min(floorTo(m_drag.anchorMs, CellMs), DayMs - CellMs);
    setSelection(column, from, from + CellMs);
}

void TimeGridView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_drag.mode == DragMode::None || m_drag.mode == DragMode::Cancelled) {
        const TimeGridBox *box = boxAt(pos);
        if (box && isResizeHandle(*box, pos))
            viewport()->setCursor(Qt::SizeVerCursor);
        else
            viewport()->unsetCursor();
        return;
    }
    if (!m_drag.started) {
        if ((pos - m_drag.pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_drag.started = true;
        if (m_drag.mode == DragMode::Move)
            viewport()->setCursor(Qt::SizeAllCursor);
    }
    updateDrag(pos);
}

void TimeGridView::updateDrag(const QPoint &pos)
{
    updateAutoScroll(pos);
    const qint64 step = m_snapMinutes * MinuteMs;
    const qint64 cursorMs = m_geometry.msForY(pos.y());
    if (m_drag.mode == DragMode::Select) {
        const qint64 from = floorTo(std::min(m_drag.anchorMs, cursorMs), step);
        qint64 to = floorTo(std::max(m_drag.anchorMs, cursorMs) + step - 1, step);
        if (to <= from)
            to = from + step;
        setSelection(m_drag.column, from, std::min(to, DayMs));
        return;
    }
    const int entry = m_content.indexOf(m_drag.id);
    if (entry < 0) {
        cancelDrag();
        return;
    }
    const TimeGridEntry &e = m_content.entries().at(entry);
    // Across days in the days mode; the officials mode keeps the day (and the officials).
    int column = m_drag.column;
    if (m_mode == Mode::Days && !m_columns.isEmpty()) {
        const double right = m_geometry.columnX(columnCount()) - 1;
        const double x = std::clamp<double>(pos.x(), m_geometry.columnX(0), right);
        column = std::max(0, m_geometry.columnAt(std::max<double>(x, m_geometry.gutterWidth)));
    }
    const qint64 cursorUtc = localMidnightMs(m_columns.at(column).date) + cursorMs;
    qint64 start = e.startMs;
    qint64 end = e.endMs;
    if (m_drag.mode == DragMode::Move) {
        start = snap(cursorUtc - m_drag.grabOffsetMs);
        end = start + (e.endMs - e.startMs);
    } else {
        end = std::max(snap(cursorUtc), e.startMs + step);
    }
    if (!m_drag.probed || start != m_drag.newStartMs || end != m_drag.newEndMs) {
        m_drag.newStartMs = start;
        m_drag.newEndMs = end;
        m_drag.probed = true;
        m_drag.conflictText = m_probe ? m_probe(e.id, start, end) : QString();
    }
    viewport()->update();
}

void TimeGridView::updateAutoScroll(const QPoint &pos)
{
    m_lastDragPos = pos;
    const bool atEdge =
        pos.y() < m_geometry.gridTop() + AutoScrollEdge || pos.y() > m_geometry.viewport.height() - AutoScrollEdge;
    if (atEdge && !m_autoScroll.isActive())
        m_autoScroll.start(AutoScrollInterval, this);
    else if (!atEdge)
        m_autoScroll.stop();
}

void TimeGridView::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_autoScroll.timerId()) {
        QAbstractScrollArea::timerEvent(event);
        return;
    }
    if (!m_drag.started || m_drag.mode == DragMode::Cancelled || m_drag.mode == DragMode::None) {
        m_autoScroll.stop();
        return;
    }
    QScrollBar *bar = verticalScrollBar();
    const int step = std::max(1, m_hourHeight / 4);
    const int before = bar->value();
    bar->setValue(before + (m_lastDragPos.y() < m_geometry.gridTop() + AutoScrollEdge ? -step : step));
    if (bar->value() == before)
        m_autoScroll.stop();
    else
        updateDrag(m_lastDragPos);
}

void TimeGridView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    finishDrag();
}

void TimeGridView::finishDrag()
{
    const Drag drag = m_drag;
    m_drag = Drag();
    m_autoScroll.stop();
    viewport()->unsetCursor();
    viewport()->update();
    if (!drag.started)
        return;
    if (drag.mode == DragMode::Select) {
        requestCreate(m_selection.column, m_selection.fromMs, m_selection.toMs);
    } else if (drag.mode == DragMode::Move || drag.mode == DragMode::Resize) {
        const int entry = m_content.indexOf(drag.id);
        if (entry < 0)
            return;
        const TimeGridEntry &e = m_content.entries().at(entry);
        if (drag.newStartMs != e.startMs || drag.newEndMs != e.endMs)
            Q_EMIT eventMoveRequested(drag.id, drag.newStartMs, drag.newEndMs);
    }
}

void TimeGridView::cancelDrag()
{
    if (m_drag.mode == DragMode::None)
        return;
    // Stays "cancelled" until the button is released, so further moves do nothing.
    m_drag.mode = DragMode::Cancelled;
    m_drag.started = false;
    m_autoScroll.stop();
    m_drag.conflictText.clear();
    viewport()->unsetCursor();
    viewport()->update();
}

void TimeGridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseDoubleClickEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    m_drag = Drag();
    const QString id = eventAt(pos);
    if (!id.isEmpty()) {
        Q_EMIT eventActivated(id);
        return;
    }
    const int column = m_geometry.columnAt(pos.x());
    if (column < 0 || !m_geometry.gridRect().contains(pos))
        return;
    const qint64 from = std::min(floorTo(m_geometry.msForY(pos.y()), CellMs), DayMs - NewEventMs);
    setSelection(column, from, from + NewEventMs);
    requestCreate(column, from, from + NewEventMs);
}

void TimeGridView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_drag.mode != DragMode::None && m_drag.mode != DragMode::Cancelled) {
            cancelDrag();
            return;
        }
        break;
    case Qt::Key_Up:
        moveSelection(0, -1);
        return;
    case Qt::Key_Down:
        moveSelection(0, 1);
        return;
    case Qt::Key_Left:
        moveSelection(-1, 0);
        return;
    case Qt::Key_Right:
        moveSelection(1, 0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selectedId.isEmpty())
            Q_EMIT eventActivated(m_selectedId);
        else if (m_selection.column >= 0)
            requestCreate(m_selection.column, m_selection.fromMs, m_selection.toMs);
        return;
    case Qt::Key_Delete:
        // Deleting is the page's action (with confirmation and undo), not the view's.
        event->ignore();
        return;
    default:
        break;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

// ---------------------------------------------------------------------------------------------
// Selection

void TimeGridView::setSelection(int column, qint64 fromMs, qint64 toMs)
{
    m_selection = {column, fromMs, toMs};
    viewport()->update();
}

void TimeGridView::moveSelection(int columnDelta, int cellDelta)
{
    if (m_columns.isEmpty())
        return;
    Selection s = m_selection;
    if (s.column < 0) {
        // Start from the selected event, else from the top of the visible hours.
        const int entry = m_content.indexOf(m_selectedId);
        s = {0, floorTo(topTime().msecsSinceStartOfDay() + CellMs - 1, CellMs), 0};
        for (const TimeGridBox &box : m_content.boxes()) {
            if (box.entry == entry && entry >= 0) {
                s = {box.column, floorTo(box.fromMs, CellMs), 0};
                break;
            }
        }
        columnDelta = cellDelta = 0;
    }
    s.column = std::clamp(s.column + columnDelta, 0, columnCount() - 1);
    s.fromMs = std::clamp<qint64>(floorTo(s.fromMs, CellMs) + cellDelta * CellMs, 0, DayMs - CellMs);
    s.toMs = s.fromMs + CellMs;
    setSelectedEventId(QString());
    setSelection(s.column, s.fromMs, s.toMs);
    ensureVisible(s.fromMs, s.toMs);
}

void TimeGridView::ensureVisible(qint64 fromMs, qint64 toMs)
{
    const int top = int(fromMs * m_hourHeight / 3600000);
    const int bottom = int(toMs * m_hourHeight / 3600000);
    QScrollBar *v = verticalScrollBar();
    if (top < v->value())
        v->setValue(top);
    else if (bottom > v->value() + v->pageStep())
        v->setValue(bottom - v->pageStep());
    const int left = int(m_selection.column * m_geometry.columnWidth);
    const int right = int((m_selection.column + 1) * m_geometry.columnWidth);
    QScrollBar *h = horizontalScrollBar();
    if (left < h->value())
        h->setValue(left);
    else if (right > h->value() + h->pageStep())
        h->setValue(right - h->pageStep());
}

void TimeGridView::requestCreate(int column, qint64 fromMs, qint64 toMs)
{
    if (column < 0 || column >= m_columns.size())
        return;
    const TimeGridColumn &c = m_columns.at(column);
    Q_EMIT createRequested(localTime(c.date, fromMs), localTime(c.date, toMs), c.officialId);
}

} // namespace HumasUi
