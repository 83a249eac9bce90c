#pragma once

#include "auth/role.h"

#include <QDate>
#include <QDateTime>
#include <QWidget>

#include <memory>

class QAbstractItemModel;
class QAction;
class QActionGroup;
class QDateEdit;
class QLabel;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QUndoStack;

namespace Humas {
class AgendaColorProxy;
class AgendaFilterProxy;
class AgendaModel;
class AgendaService;
class Database;
struct EventChange;
struct EventRecord;
} // namespace Humas

namespace HumasUi {

class AgendaFilterBar;
class AgendaListView;
class ConflictListView;
class MonthView;
class TimeGridView;

/**
 * The protocol office's main screen: the agenda in five views (month, week, day, one column
 * per official, list) over one AgendaModel → AgendaFilterProxy → AgendaColorProxy chain, the
 * filter bar, the conflict list of the visible range, navigation (today, previous, next, a
 * date picker), the event editor, drag to move with undo, and printing.
 *
 * Keyboard: Alt+1…5 switch views, Alt+Home today, Alt+Left/Right previous/next, Ctrl+N new
 * event, Enter opens the selected event, Delete deletes it, Ctrl+Z/Ctrl+Shift+Z undo/redo,
 * Ctrl+P prints the daily agenda, Ctrl+F goes to the search field.
 */
class AgendaPage : public QWidget
{
    Q_OBJECT
public:
    enum class View { Month, Week, Day, Officials, List };
    Q_ENUM(View)

    AgendaPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent = nullptr);
    ~AgendaPage() override;

    /** "month", "week", "day", "officials", "list": the names of the views on the command line. */
    static QStringList viewNames();
    /** The view named @p name (see viewNames()); false when unknown. */
    static bool viewFromName(const QString &name, View *view);

    View view() const { return m_view; }
    void setView(View view);
    QDate date() const { return m_date; }
    /** Shows the day @p date in the current view (the range follows). */
    void setDate(const QDate &date);
    /** Opens @p date in the day view and selects @p eventId there. */
    void openDay(const QDate &date, const QString &eventId = {});
    /** Today in the regency's zone, from Clock::instance(). */
    QDate today() const;

    Humas::AgendaModel *model() const { return m_model; }
    Humas::AgendaFilterProxy *filterProxy() const { return m_filter; }
    /** The end of the proxy chain the views read. */
    QAbstractItemModel *viewModel() const;
    AgendaFilterBar *filterBar() const { return m_filterBar; }
    MonthView *monthView() const { return m_month; }
    TimeGridView *weekView() const { return m_week; }
    TimeGridView *dayView() const { return m_day; }
    TimeGridView *officialsView() const { return m_officials; }
    AgendaListView *listView() const { return m_list; }
    ConflictListView *conflictList() const { return m_conflicts; }
    QUndoStack *undoStack() const { return m_undo; }
    /** The service every write of this page goes through (also the undo stack's). */
    Humas::AgendaService *service() const { return m_service.get(); }
    /** "12 events · 3 clashes" under the toolbar. */
    QString summaryText() const;
    /** The id of the selected event in the current view, or empty. */
    QString selectedEventId() const;

public Q_SLOTS:
    void goToday();
    void goPrevious();
    void goNext();
    /** Opens the editor on a new event (timed 09.00–10.00 on the current date). */
    void newEvent();
    /** Opens the editor on an event. */
    void editEvent(const QString &id);
    /** Deletes the selected event after a question (undoable). */
    void deleteSelectedEvent();
    /** Writes a drag-and-drop move (undoable); a move into a clash is confirmed first. */
    bool moveEvent(const QString &id, qint64 newStartMs, qint64 newEndMs);
    void printAgenda();
    void importCalendar();
    void exportCalendar();

Q_SIGNALS:
    /** The shown range or view changed. */
    void rangeChanged(const QDate &from, const QDate &to);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createViews();
    void retranslateUi();
    void updateRange();
    void updateSummary();
    void loadHolidays(const QDate &from, const QDate &to);
    void createFrom(const QDateTime &startLocal, const QDateTime &endLocal, const QString &officialId, bool allDay);
    void openEditor(const Humas::EventRecord &event);
    void pushChange(const Humas::EventChange &change);
    QString probe(const QString &id, qint64 startMs, qint64 endMs) const;

    Humas::Database &m_db;
    Humas::Actor m_actor;
    Humas::AgendaModel *m_model = nullptr;
    Humas::AgendaFilterProxy *m_filter = nullptr;
    Humas::AgendaColorProxy *m_colors = nullptr;
    QUndoStack *m_undo = nullptr;
    std::unique_ptr<Humas::AgendaService> m_service;
    View m_view = View::Month;
    QDate m_date;

    QToolBar *m_toolBar = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QLabel *m_summary = nullptr;
    AgendaFilterBar *m_filterBar = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_stack = nullptr;
    MonthView *m_month = nullptr;
    TimeGridView *m_week = nullptr;
    TimeGridView *m_day = nullptr;
    TimeGridView *m_officials = nullptr;
    AgendaListView *m_list = nullptr;
    ConflictListView *m_conflicts = nullptr;

    QAction *m_todayAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QActionGroup *m_viewActions = nullptr;
    QList<QAction *> m_viewActionList;
    QAction *m_newAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_searchAction = nullptr;
};

} // namespace HumasUi
