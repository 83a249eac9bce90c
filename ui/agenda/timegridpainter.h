#pragma once

#include "timegridcontent.h"
#include "timegridgeometry.h"

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QRectF>
#include <QString>

class QFont;
class QPainter;
class QWidget;

namespace HumasUi {

/** What a TimeGridView paints besides the events: selection, today, a drag in progress. */
struct TimeGridPaintState
{
    QDate today;
    qint64 workStartMs = 0;
    qint64 workEndMs = 0;
    QString selectedId;
    int selectionColumn = -1;
    qint64 selectionFromMs = 0;
    qint64 selectionToMs = 0;
    QString draggedId;        ///< drawn faded while its ghost is shown
    QList<QRectF> ghostRects; ///< the dragged event at its new place
    QString ghostTime;        ///< "09.15–10.15"
    QString ghostConflict;    ///< the probe's text; non-empty turns the ghost into the conflict colour
    QColor ghostColor;        ///< the event's own fill
    QColor ghostForeground;
    QString allDayLabel; ///< drawn in the gutter beside the all-day strip
    QString cornerText;  ///< drawn above the hour labels (the zone, "WITA")
};

/**
 * Paints a TimeGridView: the grid with hour lines and office hours, the events, the hour
 * labels, the column headers and the all-day strip, and a drag ghost with its conflict text.
 * Stateless between paints; the view hands it everything.
 */
class TimeGridPainter
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::TimeGridPainter)
public:
    TimeGridPainter(QPainter &painter, const QWidget &widget, const TimeGridGeometry &geometry,
                    const QList<TimeGridColumn> &columns, const TimeGridContent &content,
                    const TimeGridPaintState &state);

    void paint();

    /** "08.00–10.00". */
    static QString timeRange(const QDateTime &start, const QDateTime &end);
    /** Where the conflict text @p text of a drag ghost at @p ghost goes: beside it, or below. */
    static QRectF conflictNoteRect(const TimeGridGeometry &geometry, const QRectF &ghost, const QString &text,
                                   const QFont &font);

private:
    void paintGrid();
    void paintEvents();
    void paintBox(const TimeGridBox &box);
    void paintSelection();
    void paintGhost();
    void paintConflictNote(const QRectF &ghost);
    void paintGutter();
    void paintHeader();
    void paintAllDay();

    QPainter &m_painter;
    const QWidget &m_widget;
    const TimeGridGeometry &m_g;
    const QList<TimeGridColumn> &m_columns;
    const TimeGridContent &m_content;
    const TimeGridPaintState &m_state;
};

} // namespace HumasUi
