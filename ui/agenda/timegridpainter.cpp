#include "timegridpainter.h"

#include "agenda/agendamodel.h"
#include "agenda/warningmark.h"
#include "common/datetext.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QWidget>

namespace HumasUi {

using Humas::AgendaModel;

namespace {
constexpr qint64 HourMs = 3600 * 1000;
constexpr double Padding = 3.0;
constexpr double Radius = 3.0;
constexpr double NoteWidth = 300.0;

QFont smallFont(const QFont &base)
{
    QFont font = base;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.88);
    else
        font.setPixelSize(std::max(8, font.pixelSize() * 88 / 100));
    return font;
}

QFont boldFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    return font;
}
} // namespace

TimeGridPainter::TimeGridPainter(QPainter &painter, const QWidget &widget, const TimeGridGeometry &geometry,
                                 const QList<TimeGridColumn> &columns, const TimeGridContent &content,
                                 const TimeGridPaintState &state)
    : m_painter(painter), m_widget(widget), m_g(geometry), m_columns(columns), m_content(content), m_state(state)
{
}

void TimeGridPainter::paint()
{
    m_painter.fillRect(QRect(QPoint(0, 0), m_g.viewport), m_widget.palette().base());
    m_painter.save();
    m_painter.setClipRect(m_g.gridRect());
    paintGrid();
    paintSelection();
    paintEvents();
    paintGhost();
    m_painter.restore();
    paintGutter();
    paintHeader();
    paintAllDay();
    if (!m_state.ghostRects.isEmpty() && !m_state.ghostConflict.isEmpty())
        paintConflictNote(m_state.ghostRects.constFirst());
}

QString TimeGridPainter::timeRange(const QDateTime &start, const QDateTime &end)
{
    //: A time range in the time grid: %1 start, %2 end ("08.00–10.00")
    return tr("%1–%2").arg(Humas::DateText::time(start.time()), Humas::DateText::time(end.time()));
}

void TimeGridPainter::paintGrid()
{
    const QPalette &pal = m_widget.palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor offHours = base.darker(106);
    const QColor weekend = base.darker(110);
    QColor today = pal.color(QPalette::Highlight);
    today.setAlpha(28);
    const QRectF grid = m_g.gridRect();
    for (int c = 0; c < m_columns.size(); ++c) {
        const QRectF col = m_g.columnRect(c);
        if (col.right() < grid.left() || col.left() > grid.right())
            continue;
        const bool isWeekend = m_columns.at(c).officialId.isEmpty() && m_columns.at(c).date.dayOfWeek() >= 6;
        if (isWeekend) {
            m_painter.fillRect(col, weekend);
        } else {
            const double workTop = m_g.yForMs(m_state.workStartMs);
            const double workBottom = m_g.yForMs(m_state.workEndMs);
            m_painter.fillRect(QRectF(col.left(), col.top(), col.width(), workTop - col.top()), offHours);
            m_painter.fillRect(QRectF(col.left(), workBottom, col.width(), col.bottom() - workBottom), offHours);
        }
        if (m_state.today.isValid() && m_columns.at(c).date == m_state.today && m_columns.at(c).officialId.isEmpty())
            m_painter.fillRect(col, today);
    }

    const QColor hourLine = pal.color(QPalette::Mid).lighter(125);
    QColor halfLine = hourLine;
    halfLine.setAlpha(110);
    for (int h = 0; h <= 24; ++h) {
        const double y = std::floor(m_g.yForMs(h * HourMs)) + 0.5;
        m_painter.setPen(QPen(hourLine, 1));
        m_painter.drawLine(QPointF(grid.left(), y), QPointF(grid.right(), y));
        if (h < 24) {
            const double half = std::floor(m_g.yForMs(h * HourMs + HourMs / 2)) + 0.5;
            m_painter.setPen(QPen(halfLine, 1, Qt::DotLine));
            m_painter.drawLine(QPointF(grid.left(), half), QPointF(grid.right(), half));
        }
    }
    m_painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    for (int c = 1; c <= m_columns.size(); ++c) {
        const double x = std::floor(m_g.columnX(c)) + 0.5;
        m_painter.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()));
    }
}

void TimeGridPainter::paintEvents()
{
    const QRectF grid = m_g.gridRect();
    for (const TimeGridBox &box : m_content.boxes()) {
        if (m_g.boxRect(box).intersects(grid))
            paintBox(box);
    }
}

void TimeGridPainter::paintBox(const TimeGridBox &box)
{
    const TimeGridEntry &e = m_content.entries().at(box.entry);
    const QRectF r = m_g.boxRect(box);
    m_painter.save();
    if (!m_state.draggedId.isEmpty() && e.id == m_state.draggedId)
        m_painter.setOpacity(0.35);
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(QPen(e.background.darker(e.conflict ? 170 : 135), e.conflict ? 2.0 : 1.0));
    m_painter.setBrush(e.background);
    m_painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
    if (e.id == m_state.selectedId) {
        m_painter.setPen(QPen(m_widget.palette().color(QPalette::Highlight), 2.0));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRoundedRect(r.adjusted(-1, -1, 1, 1), Radius, Radius);
    }
    m_painter.setRenderHint(QPainter::Antialiasing, false);
    m_painter.setClipRect(r.adjusted(1, 1, -1, -1), Qt::IntersectClip);

    const QFont small = smallFont(m_widget.font());
    QFont title = boldFont(m_widget.font());
    title.setStrikeOut(e.inactive);
    const QFontMetricsF smallFm(small);
    const QFontMetricsF titleFm(title);
    const QRectF text = r.adjusted(Padding, 1, -Padding, -1);
    double x = text.left();
    double y = text.top();
    if (e.conflict) {
        const double size = smallFm.height() - 1;
        WarningMark::paint(m_painter, QRectF(x, y + 1, size, size), e.foreground, e.background);
        x += size + 2;
    }
    m_painter.setPen(e.foreground);
    const QString time = timeRange(e.start, e.end);
    if (text.height() < smallFm.height() + titleFm.height()) {
        // Too short for two lines: "08.00–08.30 Title" on one.
        m_painter.setFont(small);
        m_painter.drawText(QPointF(x, y + smallFm.ascent()), time);
        const double after = x + smallFm.horizontalAdvance(time) + 4;
        m_painter.setFont(title);
        m_painter.drawText(QPointF(after, y + smallFm.ascent()),
                           titleFm.elidedText(e.title, Qt::ElideRight, text.right() - after));
    } else {
        m_painter.setFont(small);
        m_painter.drawText(QPointF(x, y + smallFm.ascent()),
                           smallFm.elidedText(time, Qt::ElideRight, text.right() - x));
        y += smallFm.height();
        m_painter.setFont(title);
        QRectF used;
        const QRectF titleRect(text.left(), y, text.width(), text.bottom() - y);
        m_painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, e.title, &used);
        y += used.height();
        if (!e.venue.isEmpty() && y + smallFm.height() <= text.bottom() + 1) {
            m_painter.setFont(small);
            m_painter.drawText(QPointF(text.left(), y + smallFm.ascent()),
                               smallFm.elidedText(e.venue, Qt::ElideRight, text.width()));
        }
    }
    // Arrows where the event goes on past midnight.
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(e.foreground);
    const double cx = r.right() - 8;
    if (box.continuesBefore)
        m_painter.drawPolygon(
            QPolygonF({QPointF(cx, r.top() + 2), QPointF(cx + 4, r.top() + 6), QPointF(cx - 4, r.top() + 6)}));
    if (box.continuesAfter)
        m_painter.drawPolygon(
            QPolygonF({QPointF(cx, r.bottom() - 2), QPointF(cx + 4, r.bottom() - 6), QPointF(cx - 4, r.bottom() - 6)}));
    m_painter.restore();
}

void TimeGridPainter::paintSelection()
{
    if (m_state.selectionColumn < 0 || m_state.selectionColumn >= m_columns.size())
        return;
    const QRectF r = m_g.bandRect(m_state.selectionColumn, m_state.selectionFromMs, m_state.selectionToMs);
    QColor fill = m_widget.palette().color(QPalette::Highlight);
    const QColor border = fill;
    fill.setAlpha(60);
    m_painter.fillRect(r, fill);
    m_painter.setPen(QPen(border, 1));
    m_painter.setBrush(Qt::NoBrush);
    m_painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
}

void TimeGridPainter::paintGhost()
{
    if (m_state.ghostRects.isEmpty())
        return;
    const bool conflict = !m_state.ghostConflict.isEmpty();
    QColor fill = conflict ? AgendaModel::conflictColor() : m_state.ghostColor;
    const QColor foreground = conflict ? QColor(Qt::white) : m_state.ghostForeground;
    const QColor border = fill.darker(160);
    const QFont small = smallFont(boldFont(m_widget.font()));
    const QFontMetricsF fm(small);
    for (const QRectF &r : m_state.ghostRects) {
        m_painter.save();
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setPen(QPen(border, 2.0, Qt::DashLine));
        m_painter.setBrush(fill);
        m_painter.drawRoundedRect(r.adjusted(1, 1, -1, -1), Radius, Radius);
        m_painter.setClipRect(r.adjusted(2, 2, -2, -2), Qt::IntersectClip);
        double x = r.left() + Padding + 1;
        if (conflict) {
            const double size = fm.height() - 1;
            WarningMark::paint(m_painter, QRectF(x, r.top() + 3, size, size), foreground, fill);
            x += size + 2;
        }
        m_painter.setFont(small);
        m_painter.setPen(foreground);
        m_painter.drawText(QPointF(x, r.top() + 2 + fm.ascent()), m_state.ghostTime);
        m_painter.restore();
    }
}

QRectF TimeGridPainter::conflictNoteRect(const TimeGridGeometry &g, const QRectF &ghost, const QString &text,
                                         const QFont &font)
{
    if (text.isEmpty() || ghost.isEmpty())
        return {};
    const QFontMetricsF fm(font);
    const double mark = fm.height();
    const double width = std::min(NoteWidth, std::max(120.0, g.viewport.width() - g.gutterWidth - 8.0));
    const QRectF textBounds =
        fm.boundingRect(QRectF(0, 0, width - mark - 3 * Padding - 4, 10000), Qt::TextWordWrap, text);
    const QSizeF size(width, textBounds.height() + 2 * Padding + 4);
    // Beside the ghost where there is room, else on its other side, else below it.
    double x = ghost.right() + 6;
    if (x + size.width() > g.viewport.width())
        x = ghost.left() - 6 - size.width();
    double y = ghost.top();
    if (x < g.gutterWidth) {
        x = std::max<double>(g.gutterWidth, g.viewport.width() - size.width() - 2);
        y = ghost.bottom() + 4;
    }
    y = std::clamp<double>(y, g.gridTop(), std::max<double>(g.gridTop(), g.viewport.height() - size.height()));
    return QRectF(QPointF(x, y), size);
}

void TimeGridPainter::paintConflictNote(const QRectF &ghost)
{
    const QPalette &pal = m_widget.palette();
    const double mark = QFontMetricsF(m_widget.font()).height();
    const QRectF note = conflictNoteRect(m_g, ghost, m_state.ghostConflict, m_widget.font());
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    m_painter.setPen(QPen(AgendaModel::conflictColor(), 2.0));
    m_painter.setBrush(pal.color(QPalette::ToolTipBase));
    m_painter.drawRoundedRect(note.adjusted(1, 1, -1, -1), Radius, Radius);
    WarningMark::paint(m_painter, QRectF(note.left() + Padding + 1, note.top() + Padding + 2, mark - 2, mark - 2),
                       AgendaModel::conflictColor(), Qt::white);
    m_painter.setPen(pal.color(QPalette::ToolTipText));
    m_painter.setFont(m_widget.font());
    m_painter.drawText(note.adjusted(mark + 2 * Padding, Padding + 2, -Padding - 2, -Padding), Qt::TextWordWrap,
                       m_state.ghostConflict);
    m_painter.restore();
}

void TimeGridPainter::paintGutter()
{
    const QPalette &pal = m_widget.palette();
    const QRectF gutter(0, m_g.gridTop(), m_g.gutterWidth, m_g.viewport.height() - m_g.gridTop());
    m_painter.save();
    m_painter.setClipRect(gutter);
    m_painter.fillRect(gutter, pal.color(QPalette::Window));
    m_painter.setFont(smallFont(m_widget.font()));
    m_painter.setPen(pal.color(QPalette::WindowText));
    const QFontMetricsF fm(m_painter.font());
    for (int h = 0; h < 24; ++h) {
        const double y = m_g.yForMs(h * HourMs);
        const QRectF label(0, y + 1, m_g.gutterWidth - 6, fm.height());
        m_painter.drawText(label, Qt::AlignRight | Qt::AlignTop, Humas::DateText::time(QTime(h, 0)));
    }
    m_painter.setPen(pal.color(QPalette::Mid));
    m_painter.drawLine(QPointF(m_g.gutterWidth - 0.5, gutter.top()), QPointF(m_g.gutterWidth - 0.5, gutter.bottom()));
    m_painter.restore();
}

void TimeGridPainter::paintHeader()
{
    const QPalette &pal = m_widget.palette();
    m_painter.save();
    m_painter.fillRect(QRectF(0, 0, m_g.viewport.width(), m_g.headerHeight), pal.color(QPalette::Window));
    m_painter.setPen(pal.color(QPalette::WindowText));
    m_painter.setFont(smallFont(m_widget.font()));
    m_painter.drawText(QRectF(0, 0, m_g.gutterWidth - 6, m_g.headerHeight), Qt::AlignRight | Qt::AlignVCenter,
                       m_state.cornerText);
    m_painter.setClipRect(QRectF(m_g.gutterWidth, 0, m_g.viewport.width() - m_g.gutterWidth, m_g.headerHeight));
    for (int c = 0; c < m_columns.size(); ++c) {
        const QRectF r(m_g.columnX(c), 0, m_g.columnWidth, m_g.headerHeight);
        if (r.right() < m_g.gutterWidth || r.left() > m_g.viewport.width())
            continue;
        const TimeGridColumn &column = m_columns.at(c);
        const bool isToday = column.officialId.isEmpty() && column.date == m_state.today;
        QFont font = m_widget.font();
        font.setBold(isToday || !column.officialId.isEmpty());
        m_painter.setFont(font);
        m_painter.setPen(isToday ? pal.color(QPalette::Highlight) : pal.color(QPalette::WindowText));
        const QString text = QFontMetricsF(font).elidedText(column.header, Qt::ElideRight, r.width() - 6);
        m_painter.drawText(r, Qt::AlignCenter, text);
        m_painter.setPen(pal.color(QPalette::Mid));
        m_painter.drawLine(QPointF(std::floor(r.right()) + 0.5, r.top() + 4),
                           QPointF(std::floor(r.right()) + 0.5, r.bottom()));
    }
    m_painter.restore();
}

void TimeGridPainter::paintAllDay()
{
    const QPalette &pal = m_widget.palette();
    const QRectF strip(0, m_g.allDayTop(), m_g.viewport.width(), m_g.allDayHeight());
    m_painter.save();
    m_painter.fillRect(strip, pal.color(QPalette::Base).darker(104));
    m_painter.setFont(smallFont(m_widget.font()));
    m_painter.setPen(pal.color(QPalette::WindowText));
    m_painter.fillRect(QRectF(0, strip.top(), m_g.gutterWidth, strip.height()), pal.color(QPalette::Window));
    const QFontMetricsF labelFm(m_painter.font());
    m_painter.drawText(QRectF(2, strip.top(), m_g.gutterWidth - 8, m_g.allDayRowHeight),
                       Qt::AlignRight | Qt::AlignVCenter,
                       labelFm.elidedText(m_state.allDayLabel, Qt::ElideRight, m_g.gutterWidth - 8));
    m_painter.setPen(pal.color(QPalette::Mid));
    m_painter.drawLine(QPointF(0, strip.top() + 0.5), QPointF(strip.right(), strip.top() + 0.5));
    m_painter.drawLine(QPointF(0, strip.bottom() - 0.5), QPointF(strip.right(), strip.bottom() - 0.5));
    m_painter.setClipRect(QRectF(m_g.gutterWidth, strip.top(), strip.width() - m_g.gutterWidth, strip.height()));
    for (int c = 1; c <= m_columns.size(); ++c) {
        const double x = std::floor(m_g.columnX(c)) + 0.5;
        m_painter.drawLine(QPointF(x, strip.top()), QPointF(x, strip.bottom()));
    }
    const QFont font = m_widget.font();
    const QFontMetricsF fm(font);
    m_painter.setFont(font);
    for (const TimeGridAllDayBox &box : m_content.allDayBoxes()) {
        const TimeGridEntry &e = m_content.entries().at(box.entry);
        const QRectF r = m_g.allDayRect(box);
        m_painter.setRenderHint(QPainter::Antialiasing, true);
        m_painter.setPen(QPen(e.background.darker(e.conflict ? 170 : 135), e.conflict ? 2.0 : 1.0));
        m_painter.setBrush(e.background);
        m_painter.drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), Radius, Radius);
        if (e.id == m_state.selectedId) {
            m_painter.setPen(QPen(pal.color(QPalette::Highlight), 2.0));
            m_painter.setBrush(Qt::NoBrush);
            m_painter.drawRoundedRect(r.adjusted(-1, -1, 1, 1), Radius, Radius);
        }
        double x = r.left() + Padding;
        if (e.conflict) {
            const double size = r.height() - 4;
            WarningMark::paint(m_painter, QRectF(x, r.top() + 2, size, size), e.foreground, e.background);
            x += size + 2;
        }
        m_painter.setRenderHint(QPainter::Antialiasing, false);
        QFont titleFont = font;
        titleFont.setStrikeOut(e.inactive);
        m_painter.setFont(titleFont);
        m_painter.setPen(e.foreground);
        m_painter.drawText(QRectF(x, r.top(), r.right() - x - Padding, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                           fm.elidedText(e.title, Qt::ElideRight, r.right() - x - Padding));
    }
    m_painter.restore();
}

} // namespace HumasUi
