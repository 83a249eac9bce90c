#pragma once

#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QAbstractItemModel;

namespace HumasUi {

/** One column of a TimeGridView: a day, or one official on a day. */
struct TimeGridColumn
{
    QDate date;
    QString officialId; ///< empty in the days mode: every event of the day belongs here
    QString header;     ///< the text drawn above the column
};

/** One event of the model as the time grid needs it, read once per model change. */
struct TimeGridEntry
{
    int row = -1;
    QString id;
    QString title;
    QString venue;
    QString toolTip;
    QString conflictText;
    QDateTime start; ///< local
    QDateTime end;   ///< local, exclusive
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool allDay = false;
    QDate firstDate;
    QDate lastDate; ///< inclusive
    QStringList officialIds;
    int status = 0; ///< EventSpan::Status as int
    bool conflict = false;
    bool inactive = false; ///< postponed or cancelled: never clashes, drawn struck out
    QColor background;
    QColor foreground;
};

/** A timed event as drawn in one column; times are milliseconds after the column's local midnight. */
struct TimeGridBox
{
    int entry = -1;
    int column = -1;
    qint64 fromMs = 0;     ///< clipped start
    qint64 toMs = 0;       ///< clipped end
    qint64 drawFromMs = 0; ///< drawn top: short events are drawn with a minimum height
    qint64 drawToMs = 0;
    bool continuesBefore = false; ///< started on an earlier day
    bool continuesAfter = false;  ///< ends on a later day
    double left = 0.0;            ///< ColumnLayout fraction of the column
    double width = 1.0;
};

/** An all-day event in the strip above the grid, over adjacent columns. */
struct TimeGridAllDayBox
{
    int entry = -1;
    int firstColumn = 0;
    int lastColumn = 0;
    int row = 0;
};

/**
 * What a TimeGridView shows, independent of its size: the events read from the model, each
 * timed event cut into the columns it falls in and placed side by side with
 * Humas::ColumnLayout, and the all-day events stacked in rows of the strip.
 */
class TimeGridContent
{
public:
    static constexpr qint64 DayMs = 24LL * 3600 * 1000;

    /** Reads the events of column 0 of @p model through the Humas::AgendaModel roles. */
    void read(const QAbstractItemModel *model);
    /**
     * Cuts the events into @p columns. @p minimumMs is the shortest duration drawn (so that a
     * title fits); events shorter than that are laid out as if they lasted that long.
     */
    void layout(const QList<TimeGridColumn> &columns, qint64 minimumMs);

    const QList<TimeGridEntry> &entries() const { return m_entries; }
    const QList<TimeGridBox> &boxes() const { return m_boxes; }
    const QList<TimeGridAllDayBox> &allDayBoxes() const { return m_allDay; }
    /** Rows the all-day strip needs (0 when there is no all-day event). */
    int allDayRows() const { return m_allDayRows; }
    /** The entry of event @p id, or -1. */
    int indexOf(const QString &id) const { return m_index.value(id, -1); }

    /** Milliseconds from local midnight of @p day to @p local (negative before, beyond DayMs after). */
    static qint64 msInDay(const QDateTime &local, const QDate &day);
    /** Whether @p entry is shown in @p column (the official attends, or the days mode). */
    static bool belongsTo(const TimeGridEntry &entry, const TimeGridColumn &column);

private:
    void layoutTimed(const QList<TimeGridColumn> &columns, qint64 minimumMs);
    void layoutAllDay(const QList<TimeGridColumn> &columns);

    QList<TimeGridEntry> m_entries;
    QHash<QString, int> m_index;
    QList<TimeGridBox> m_boxes;
    QList<TimeGridAllDayBox> m_allDay;
    int m_allDayRows = 0;
};

} // namespace HumasUi
