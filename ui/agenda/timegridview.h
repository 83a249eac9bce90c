#pragma once

#include "timegridcontent.h"
#include "timegridgeometry.h"

#include <QAbstractScrollArea>
#include <QBasicTimer>
#include <QDate>
#include <QDateTime>
#include <QPointer>
#include <QRectF>
#include <QStringList>
#include <QTime>

#include <functional>

class QAbstractItemModel;

namespace Humas {
class AgendaModel;
}

namespace HumasUi {

/**
 * The agenda as a time grid: hours down the side, an all-day strip at the top and one
 * column per day (week view: seven days from Monday; day view: one day) or one column per
 * official on one day (the per-official day view: Bupati | Wakil Bupati | Sekretaris Daerah …;
 * an event two officials attend shows in both columns).
 *
 * Reads any model with the Humas::AgendaModel roles in column 0, normally AgendaModel →
 * AgendaFilterProxy → AgendaColorProxy. Overlapping events of a column sit side by side in
 * the fewest columns (Humas::ColumnLayout) and widen into free neighbours; an event crossing
 * midnight is drawn, clipped, in each day it touches. A conflicting event is filled with its
 * Qt::BackgroundRole (the conflict colour) and carries a warning mark, so colour is never the
 * only signal; its tooltip names the clash.
 *
 * Editing gestures are requests; the view never writes: double-click or Enter on an event
 * emits eventActivated(); dragging across empty time (snapped to snapMinutes()) emits
 * createRequested(); dragging an event's body moves it (to another day in the days mode) and
 * dragging its bottom edge resizes it, and on release eventMoveRequested() carries the new
 * UTC times. While an event is dragged a ghost shows the new place, and the conflict probe
 * (setConflictProbe()) is asked what the new place would clash with: the ghost then turns the
 * conflict colour and shows the probe's text. Esc cancels a drag.
 *
 * The view does not load data: the owner sets the model's range to firstDate()..lastDate().
 */
class TimeGridView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Mode {
        Days,      ///< one column per day
        Officials, ///< one column per official on one day
    };
    /** Describes what an event would clash with at [startMs, endMs) (UTC); empty when nothing. */
    using ConflictProbe = std::function<QString(const QString &eventId, qint64 startMs, qint64 endMs)>;

    explicit TimeGridView(QWidget *parent = nullptr);
    ~TimeGridView() override;

    /** The events; the view does not take ownership. */
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;

    /** One column per day: @p count days from @p first (7 from a Monday for a week, 1 for a day). */
    void setDays(const QDate &first, int count);
    /** One column per official on @p day, headed by @p headers (positions such as "Bupati"). */
    void setOfficialColumns(const QDate &day, const QStringList &officialIds, const QStringList &headers);
    Mode mode() const { return m_mode; }
    int columnCount() const { return int(m_columns.size()); }
    QDate columnDate(int column) const;
    /** The official of @p column; empty in the days mode. */
    QString columnOfficialId(int column) const;
    QString columnHeader(int column) const;
    QDate firstDate() const;
    QDate lastDate() const;

    /** The regency's offset from UTC for times without an event (default WITA, +08.00). */
    void setUtcOffsetSeconds(int seconds);
    int utcOffsetSeconds() const { return m_utcOffsetSeconds; }
    /** The date drawn as today; injected so that the view never reads the clock. */
    void setToday(const QDate &today);
    QDate today() const { return m_today; }
    /** Office hours, drawn lighter than the rest of the day (default 07.30–16.00). */
    void setWorkingHours(const QTime &start, const QTime &end);
    int hourHeight() const { return m_hourHeight; }
    /** Height of one hour in pixels (at least 24). */
    void setHourHeight(int pixels);
    int snapMinutes() const { return m_snapMinutes; }
    /** Granularity of dragging and range selection (default 15 minutes). */
    void setSnapMinutes(int minutes);
    /** Scrolls so that @p time is at the top of the grid (default 07.00). */
    void scrollToTime(const QTime &time);
    /** The time at the top edge of the visible grid. */
    QTime topTime() const;

    /** Asked during a drag what the new place would clash with. */
    void setConflictProbe(ConflictProbe probe);

    /** Where event @p id is drawn (viewport coordinates) in @p column, or its first box when -1. */
    QRectF eventRect(const QString &id, int column = -1) const;
    /** The columns in which event @p id is drawn as a timed box. */
    QList<int> columnsOf(const QString &id) const;
    /** Timed events of @p column by start, then all-day events of the strip. */
    QStringList eventsInColumn(int column) const;
    /** All-day events drawn above @p column. */
    QStringList allDayEventsInColumn(int column) const;
    /** The event under viewport point @p pos (grid or all-day strip), or an empty string. */
    QString eventAt(const QPoint &pos) const;
    /** The column under viewport point @p pos, or -1. */
    int columnAt(const QPoint &pos) const;
    /** The local time under viewport point @p pos in the grid (not snapped), or invalid. */
    QDateTime timeAt(const QPoint &pos) const;
    /** The whole day of @p column in viewport coordinates (partly scrolled out of view). */
    QRectF columnRect(int column) const;
    /** The viewport point in the middle of @p column at local @p time (scrolls nothing). */
    QPoint pointAt(int column, const QTime &time) const;
    /** The tooltip the view shows at @p pos: an event's (naming its clashes) or a column's full header. */
    QString toolTipAt(const QPoint &pos) const;

    /** The event selected by a click or the keyboard, or empty. */
    QString selectedEventId() const { return m_selectedId; }
    void setSelectedEventId(const QString &id);
    /** The selected time range (a cell after a click, a range after a drag); invalid when none. */
    QDateTime selectionStart() const;
    QDateTime selectionEnd() const;
    int selectionColumn() const { return m_selection.column; }

    /** Whether an event is being moved or resized. */
    bool isDragging() const;
    /** Where the ghost of the dragged event is drawn (first column), or an empty rectangle. */
    QRectF ghostRect() const;
    /** The ghost in every column it is drawn in (each day it touches; each official's column). */
    QList<QRectF> ghostRects() const;
    /** Where the probe's conflict text is drawn beside the ghost, or an empty rectangle. */
    QRectF ghostNoteRect() const;
    /** The new UTC times of the dragged event. */
    qint64 ghostStartMs() const { return m_drag.newStartMs; }
    qint64 ghostEndMs() const { return m_drag.newEndMs; }
    /** What the probe said about the ghost's place; empty when it clashes with nothing. */
    QString ghostConflictText() const { return m_drag.conflictText; }

    QSize sizeHint() const override;

Q_SIGNALS:
    /** Double-click or Enter on an event: open it. */
    void eventActivated(const QString &id);
    /** A time range was selected (drag, double-click or Enter on empty time). @p officialId is
     *  the column's official in the per-official mode, else empty. */
    void createRequested(const QDateTime &startLocal, const QDateTime &endLocal, const QString &officialId);
    /** An event was dropped at a new place; the owner writes it (with undo). */
    void eventMoveRequested(const QString &id, qint64 newStartMs, qint64 newEndMs);
    /** The selected event changed (empty: none). */
    void selectedEventChanged(const QString &id);

protected:
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void timerEvent(QTimerEvent *event) override;

private:
    enum class DragMode { None, Select, Move, Resize, Cancelled };
    struct Drag
    {
        DragMode mode = DragMode::None;
        bool started = false;
        QPoint pressPos;
        QString id;
        int column = -1;
        qint64 grabOffsetMs = 0; ///< press time minus event start (move)
        qint64 anchorMs = 0;     ///< ms in day where a range selection began
        qint64 newStartMs = 0;
        qint64 newEndMs = 0;
        QString conflictText;
        bool probed = false;
    };
    struct Selection
    {
        int column = -1;
        qint64 fromMs = 0; ///< in the column's day
        qint64 toMs = 0;
    };

    void modelChanged();
    void relayout();
    void updateHeaders();
    qint64 minimumBoxMs() const;
    void updateGeometries();
    const TimeGridBox *boxAt(const QPoint &pos) const;
    const TimeGridAllDayBox *allDayBoxAt(const QPoint &pos) const;
    qint64 localMidnightMs(const QDate &date) const;
    QDateTime localTime(const QDate &date, qint64 msInDay) const;
    qint64 snap(qint64 utcMs) const;
    void updateDrag(const QPoint &pos);
    void updateAutoScroll(const QPoint &pos);
    void finishDrag();
    void cancelDrag();
    void setSelection(int column, qint64 fromMs, qint64 toMs);
    void moveSelection(int columnDelta, int cellDelta);
    void ensureVisible(qint64 fromMs, qint64 toMs);
    void requestCreate(int column, qint64 fromMs, qint64 toMs);
    bool isResizeHandle(const TimeGridBox &box, const QPoint &pos) const;

    QPointer<QAbstractItemModel> m_model;
    QPointer<Humas::AgendaModel> m_agenda; ///< the source behind the proxies, for the zone
    QString m_zoneCode;
    QList<QMetaObject::Connection> m_modelConnections;
    Mode m_mode = Mode::Days;
    QList<TimeGridColumn> m_columns;
    TimeGridContent m_content;
    TimeGridGeometry m_geometry;
    int m_utcOffsetSeconds = 8 * 3600;
    QDate m_today;
    QTime m_workStart = QTime(7, 30);
    QTime m_workEnd = QTime(16, 0);
    int m_hourHeight = 48;
    int m_snapMinutes = 15;
    ConflictProbe m_probe;
    QString m_selectedId;
    Selection m_selection;
    Drag m_drag;
    QBasicTimer m_autoScroll; ///< scrolls while a drag is held at the top or bottom edge
    QPoint m_lastDragPos;
};

} // namespace HumasUi
