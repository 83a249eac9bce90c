#pragma once

#include <QAbstractItemModel>
#include <QColor>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QRect>
#include <QStaticText>
#include <QString>
#include <QWidget>

namespace HumasUi {

/**
 * The agenda as a month: a 6 × 7 grid of days, Monday first, each day showing its events as
 * chips ("08.00 Rapat koordinasi") coloured by the model's Qt::BackgroundRole, and "+N lagi"
 * when there are more than fit. Reads any model with the Humas::AgendaModel roles in column 0
 * (normally AgendaModel → AgendaFilterProxy → AgendaColorProxy).
 *
 * A conflicting event (ConflictRole) is drawn in its conflict colour and with a warning
 * triangle at the start of its chip; a day with a conflict gets a border and a corner mark in
 * the conflict colour, so colour is never the only signal. Tooltips name the clash.
 *
 * The events of each day are laid out once after a model change (and the chip rectangles
 * once per resize), not on every paint.
 *
 * The view does not load data: when the shown month changes (monthChanged()), the owner sets
 * the model's range to firstVisibleDate()..lastVisibleDate().
 */
class MonthView : public QWidget
{
    Q_OBJECT
public:
    /** One event chip as drawn in one day cell (for tests and accessibility). */
    struct Chip
    {
        QString id;
        QRect rect;
        QColor background;
        QColor foreground;
        QString text;          ///< as drawn, possibly elided
        bool conflict = false; ///< drawn with the warning mark
        bool continuesBefore = false;
        bool continuesAfter = false;
    };

    explicit MonthView(QWidget *parent = nullptr);
    ~MonthView() override;

    /** The events; the view does not take ownership. */
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const;

    /** Shows the month containing @p anyDayInMonth. */
    void setMonth(const QDate &anyDayInMonth);
    /** The first day of the shown month. */
    QDate month() const { return m_month; }
    /** The Monday in the first row of the grid. */
    QDate firstVisibleDate() const;
    /** The Sunday in the last row of the grid (41 days after firstVisibleDate()). */
    QDate lastVisibleDate() const;

    /** The day with the keyboard focus; shows its month if it is not in the grid. */
    void setCurrentDate(const QDate &date);
    QDate currentDate() const { return m_current; }
    /** The selected days (a single day after a click, a range after a drag). */
    QDate selectionStart() const { return m_selectionFrom; }
    QDate selectionEnd() const { return m_selectionTo; }

    /** The date drawn as today; injected so that the view never reads the clock. */
    void setToday(const QDate &today);
    QDate today() const { return m_today; }

    /** Names of holidays to show on their days (optional). */
    void setHolidays(const QHash<QDate, QString> &holidays);

    /** The cell of @p date, or an empty rectangle when it is not in the grid. */
    QRect dayRect(const QDate &date) const;
    /** The day under @p pos, or an invalid date. */
    QDate dateAt(const QPoint &pos) const;
    /** The id of the event whose chip is under @p pos, or an empty string. */
    QString eventIdAt(const QPoint &pos) const;
    /** The chips drawn on @p date, top to bottom. */
    QList<Chip> chipsOn(const QDate &date) const;
    /** How many events of @p date are not drawn (the N of "+N more"). */
    int hiddenCountOn(const QDate &date) const;
    /** Where "+N more" is drawn on @p date, or an empty rectangle. */
    QRect moreRectOn(const QDate &date) const;
    /** The text "+N more" of @p date as drawn, or an empty string. */
    QString moreTextOn(const QDate &date) const;
    /** Whether an event on @p date clashes (the day is marked). */
    bool hasConflictOn(const QDate &date) const;
    /** The tooltip the view shows at @p pos. */
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /** The shown month changed; @p month is its first day. */
    void monthChanged(const QDate &month);
    void currentDateChanged(const QDate &date);
    /** Enter on a day, or a click on "+N more": open that day. */
    void dayActivated(const QDate &date);
    /** Double-click on an event. */
    void eventActivated(const QString &id);
    /** Double-click on empty space of a day (from == to), or a drag across days. */
    void createRequested(const QDate &from, const QDate &to);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    /** One event of the model, read once per model change. */
    struct Entry
    {
        int row = -1;
        QString id;
        QString title;
        QDateTime start;
        qint64 startMs = 0;
        QDate first;
        QDate last;
        bool allDay = false;
        bool spanning = false; ///< all-day or over several days: drawn first
        bool conflict = false;
        bool inactive = false; ///< postponed or cancelled: struck out
        QColor background;
        QColor foreground;
    };
    /** The size-independent content of one day: entry indexes in drawing order. */
    struct DayContent
    {
        QList<int> entries;
        bool conflict = false;
    };
    /** A drawn chip plus what painting needs. */
    struct ChipGeometry
    {
        int entry = -1;
        QRect rect;
        QStaticText text;
        QString plainText;
        bool continuesBefore = false;
        bool continuesAfter = false;
    };
    /** The size-dependent geometry of one day cell. */
    struct CellGeometry
    {
        QRect rect;
        QRect numberRect;
        QString numberText;
        QStaticText holidayText;
        QList<ChipGeometry> chips;
        int hidden = 0;
        bool hiddenConflict = false;
        QRect moreRect;
        QString moreText;
    };

    static constexpr int Rows = 6;
    static constexpr int Columns = 7;
    static constexpr int Cells = Rows * Columns;

    void modelChanged();
    void invalidateGeometry();
    void ensureLayout() const;
    void readModel() const;
    bool readEntry(const QModelIndex &index, QModelRoleDataSpan roleData, Entry *entry) const;
    void layoutCells() const;
    void layoutWeekdays(int columnWidth) const;
    void layoutChips(CellGeometry &cell, const QList<int> &entries, const QDate &date) const;
    ChipGeometry layoutChip(int entryIndex, const QDate &date, const QRect &rect) const;
    QString chipText(const Entry &entry, const QDate &date) const;
    int cellIndex(const QDate &date) const;
    /** The laid-out cell of @p date, or nullptr outside the grid. */
    const CellGeometry *cellOn(const QDate &date) const;
    QDate dateOfCell(int index) const;
    int headerHeight() const;
    int chipHeight() const;
    QString weekdayName(int dayOfWeek, bool shortName) const;

    void paintHeader(QPainter &painter) const;
    void paintCell(QPainter &painter, int index) const;
    void paintDayNumber(QPainter &painter, const CellGeometry &cell, const QDate &date, bool inMonth) const;
    void paintMore(QPainter &painter, const CellGeometry &cell) const;
    void paintChip(QPainter &painter, const ChipGeometry &chip) const;

    bool showMonth(const QDate &anyDayInMonth);
    void moveCurrent(const QDate &date, bool byKeyboard, bool extendSelection);
    void setSelection(const QDate &from, const QDate &to);
    bool isSelected(const QDate &date) const;

    QPointer<QAbstractItemModel> m_model;
    QDate m_month;
    QDate m_current;
    QDate m_today;
    QDate m_selectionFrom;
    QDate m_selectionTo;
    QDate m_anchor;
    bool m_dragging = false;
    QHash<QDate, QString> m_holidays;

    // Caches, rebuilt lazily: m_contentDirty after a model or month change, m_geometryDirty
    // after a resize, a font or language change as well.
    mutable bool m_contentDirty = true;
    mutable bool m_geometryDirty = true;
    mutable QList<Entry> m_entries;
    mutable QList<DayContent> m_days; ///< Cells entries
    mutable QList<CellGeometry> m_cells;
    mutable QRect m_gridRect;
    mutable QList<QStaticText> m_weekdayTexts;
};

} // namespace HumasUi
