#include "agenda/agendapage.h"

#include "agenda/agendacolorproxy.h"
#include "agenda/agendafilterbar.h"
#include "agenda/agendafilterproxy.h"
#include "agenda/agendalistview.h"
#include "agenda/agendaservice.h"
#include "agenda/agendamodel.h"
#include "agenda/agendaprintdialog.h"
#include "agenda/conflictlistview.h"
#include "agenda/eventcommand.h"
#include "agenda/eventeditdialog.h"
#include "agenda/eventical.h"
#include "agenda/monthview.h"
#include "agenda/timegridview.h"
#include "common/clock.h"
#include "common/datetext.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"

#include <QAction>
#include <QActionGroup>
#include <QDateEdit>
#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::AgendaModel;
using Humas::EventRecord;

namespace {
constexpr int DefaultStartHour = 9;
} // namespace

AgendaPage::AgendaPage(Humas::Database &db, const Humas::Actor &actor, QWidget *parent)
    : QWidget(parent), m_db(db), m_actor(actor)
{
    m_model = new AgendaModel(db, actor, this);
    m_filter = new Humas::AgendaFilterProxy(this);
    m_filter->setSourceModel(m_model);
    m_filter->sort(0);
    m_colors = new Humas::AgendaColorProxy(this);
    m_colors->setSourceModel(m_filter);
    m_undo = new QUndoStack(this);
    m_service = std::make_unique<Humas::AgendaService>(db, actor);

    createActions();
    createViews();

    m_filterBar = new AgendaFilterBar(m_filter, this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("agendaSummary"));
    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("agendaRange"));
    QFont big = m_rangeLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_rangeLabel->setFont(big);

    auto *header = new QHBoxLayout;
    header->addWidget(m_rangeLabel);
    header->addStretch(1);
    header->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->addWidget(m_toolBar);
    layout->addLayout(header);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);

    connect(m_model, &AgendaModel::reloaded, this, [this] {
        m_filterBar->setDirectory(m_model->directory());
        updateSummary();
    });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &AgendaPage::updateSummary);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &AgendaPage::updateSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AgendaPage::updateSummary);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &AgendaPage::updateSummary);

    m_date = today();
    retranslateUi();
    setView(View::Month);
}

AgendaPage::~AgendaPage() = default;

QStringList AgendaPage::viewNames()
{
    return {QStringLiteral("month"), QStringLiteral("week"), QStringLiteral("day"), QStringLiteral("officials"),
            QStringLiteral("list")};
}

bool AgendaPage::viewFromName(const QString &name, View *view)
{
    const int index = int(viewNames().indexOf(name));
    if (index < 0)
        return false;
    *view = View(index);
    return true;
}

QAbstractItemModel *AgendaPage::viewModel() const
{
    return m_colors;
}

QDate AgendaPage::today() const
{
    const Humas::AppSettings settings(m_db, m_actor);
    return Humas::Clock::instance()->nowUtc().toTimeZone(settings.timeZone()).date();
}

void AgendaPage::createActions()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("agendaToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto action = [this](const QString &name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    m_todayAction = action(QStringLiteral("agendaToday"), QKeySequence(Qt::ALT | Qt::Key_Home), &AgendaPage::goToday);
    m_previousAction =
        action(QStringLiteral("agendaPrevious"), QKeySequence(Qt::ALT | Qt::Key_Left), &AgendaPage::goPrevious);
    m_nextAction = action(QStringLiteral("agendaNext"), QKeySequence(Qt::ALT | Qt::Key_Right), &AgendaPage::goNext);
    m_toolBar->addAction(m_todayAction);
    m_toolBar->addAction(m_previousAction);
    m_toolBar->addAction(m_nextAction);
    m_dateEdit = new QDateEdit(this);
    m_dateEdit->setObjectName(QStringLiteral("agendaDate"));
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_toolBar->addWidget(m_dateEdit);
    connect(m_dateEdit, &QDateEdit::dateChanged, this, [this](const QDate &date) {
        if (date != m_date)
            setDate(date);
    });
    m_toolBar->addSeparator();

    m_viewActions = new QActionGroup(this);
    const QList<QPair<QString, View>> views = {{QStringLiteral("viewMonth"), View::Month},
                                               {QStringLiteral("viewWeek"), View::Week},
                                               {QStringLiteral("viewDay"), View::Day},
                                               {QStringLiteral("viewOfficials"), View::Officials},
                                               {QStringLiteral("viewList"), View::List}};
    for (int i = 0; i < views.size(); ++i) {
        const View view = views.at(i).second;
        auto *a = new QAction(this);
        a->setObjectName(views.at(i).first);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
        m_viewActions->addAction(a);
        m_toolBar->addAction(a);
        m_viewActionList.append(a);
        connect(a, &QAction::triggered, this, [this, view] { setView(view); });
    }
    m_toolBar->addSeparator();

    m_newAction = action(QStringLiteral("agendaNew"), QKeySequence::New, &AgendaPage::newEvent);
    m_editAction = action(QStringLiteral("agendaEdit"), QKeySequence(), [this] {
        const QString id = selectedEventId();
        if (!id.isEmpty())
            editEvent(id);
    });
    m_deleteAction = action(QStringLiteral("agendaDelete"), QKeySequence::Delete, &AgendaPage::deleteSelectedEvent);
    m_undoAction = m_undo->createUndoAction(this, tr("Undo"));
    m_undoAction->setObjectName(QStringLiteral("agendaUndo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undoAction);
    m_redoAction = m_undo->createRedoAction(this, tr("Redo"));
    m_redoAction->setObjectName(QStringLiteral("agendaRedo"));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_redoAction);
    m_printAction = action(QStringLiteral("agendaPrint"), QKeySequence::Print, &AgendaPage::printAgenda);
    m_importAction = action(QStringLiteral("agendaImport"), QKeySequence(), &AgendaPage::importCalendar);
    m_exportAction = action(QStringLiteral("agendaExport"), QKeySequence(), &AgendaPage::exportCalendar);
    m_searchAction = action(QStringLiteral("agendaSearch"), QKeySequence::Find, [this] {
        m_filterBar->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->searchEdit()->selectAll();
    });
    const bool writer = m_model->repository().canWrite();
    m_newAction->setVisible(writer);
    m_deleteAction->setVisible(writer);
    m_importAction->setVisible(m_model->repository().canSchedule());
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_undoAction);
    m_toolBar->addAction(m_redoAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_printAction);
    m_toolBar->addAction(m_importAction);
    m_toolBar->addAction(m_exportAction);
}

void AgendaPage::createViews()
{
    m_stack = new QStackedWidget(this);
    m_month = new MonthView(m_stack);
    m_month->setObjectName(QStringLiteral("monthView"));
    auto makeGrid = [this](const QString &name) {
        auto *grid = new TimeGridView(m_stack);
        grid->setObjectName(name);
        grid->setUtcOffsetSeconds(m_model->utcOffsetSeconds());
        grid->setConflictProbe(
            [this](const QString &id, qint64 startMs, qint64 endMs) { return probe(id, startMs, endMs); });
        connect(grid, &TimeGridView::eventActivated, this, &AgendaPage::editEvent);
        connect(grid, &TimeGridView::eventMoveRequested, this, &AgendaPage::moveEvent);
        connect(grid, &TimeGridView::createRequested, this,
                [this](const QDateTime &start, const QDateTime &end, const QString &officialId) {
                    createFrom(start, end, officialId, false);
                });
        return grid;
    };
    m_week = makeGrid(QStringLiteral("weekView"));
    m_day = makeGrid(QStringLiteral("dayView"));
    m_officials = makeGrid(QStringLiteral("officialsView"));
    m_list = new AgendaListView(m_stack);
    m_list->setObjectName(QStringLiteral("agendaListView"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_month, m_week, m_day, m_officials, m_list})
        m_stack->addWidget(w);

    // Models are attached in setView(): only the view on screen follows the reloads.

    connect(m_month, &MonthView::eventActivated, this, &AgendaPage::editEvent);
    connect(m_month, &MonthView::dayActivated, this, [this](const QDate &day) { openDay(day); });
    connect(m_month, &MonthView::currentDateChanged, this, [this](const QDate &day) {
        if (m_view == View::Month && day.isValid() && day != m_date)
            setDate(day);
    });
    connect(m_month, &MonthView::createRequested, this, [this](const QDate &from, const QDate &to) {
        // One day: a timed hour in the morning; several days: an all-day event over them.
        if (from == to) {
            const QDateTime start = from.startOfDay().addSecs(DefaultStartHour * 3600);
            createFrom(start, start.addSecs(3600), QString(), false);
        } else {
            createFrom(qMin(from, to).startOfDay(), qMax(from, to).startOfDay(), QString(), true);
        }
    });
    connect(m_list, &AgendaListView::eventActivated, this, &AgendaPage::editEvent);
    connect(m_list, &AgendaListView::dayActivated, this, [this](const QDate &day) { openDay(day); });

    m_conflicts = new ConflictListView(m_model, this);
    connect(m_conflicts, &ConflictListView::dayRequested, this, &AgendaPage::openDay);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("agendaSplitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_conflicts);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({960, 330});
}

QString AgendaPage::probe(const QString &id, qint64 startMs, qint64 endMs) const
{
    EventRecord draft = m_model->loadedRecord(id);
    if (!draft.isValid())
        return {};
    draft.allDay = false;
    draft.start = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    draft.end = QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC);
    return m_model->describeAll(m_model->conflictsFor(draft), id);
}

void AgendaPage::setView(View view)
{
    m_view = view;
    m_viewActionList.value(int(view))->setChecked(true);
    QWidget *widget = nullptr;
    switch (view) {
    case View::Month:
        widget = m_month;
        break;
    case View::Week:
        widget = m_week;
        break;
    case View::Day:
        widget = m_day;
        break;
    case View::Officials:
        widget = m_officials;
        break;
    case View::List:
        widget = m_list;
        break;
    }
    // Only the visible view reads the model: a hidden one would lay out every reload for nothing.
    m_month->setModel(widget == m_month ? m_colors : nullptr);
    m_week->setModel(widget == m_week ? m_colors : nullptr);
    m_day->setModel(widget == m_day ? m_colors : nullptr);
    m_officials->setModel(widget == m_officials ? m_colors : nullptr);
    m_list->setModel(widget == m_list ? m_colors : nullptr);
    m_stack->setCurrentWidget(widget);
    updateRange();
    if (isVisible())
        widget->setFocus(Qt::OtherFocusReason);
}

void AgendaPage::setDate(const QDate &date)
{
    if (!date.isValid())
        return;
    m_date = date;
    updateRange();
}

void AgendaPage::openDay(const QDate &date, const QString &eventId)
{
    m_date = date;
    setView(View::Day);
    if (!eventId.isEmpty())
        m_day->setSelectedEventId(eventId);
}

void AgendaPage::goToday()
{
    setDate(today());
}

void AgendaPage::goPrevious()
{
    switch (m_view) {
    case View::Month:
    case View::List:
        setDate(m_date.addMonths(-1));
        break;
    case View::Week:
        setDate(m_date.addDays(-7));
        break;
    case View::Day:
    case View::Officials:
        setDate(m_date.addDays(-1));
        break;
    }
}

void AgendaPage::goNext()
{
    switch (m_view) {
    case View::Month:
    case View::List:
        setDate(m_date.addMonths(1));
        break;
    case View::Week:
        setDate(m_date.addDays(7));
        break;
    case View::Day:
    case View::Officials:
        setDate(m_date.addDays(1));
        break;
    }
}

void AgendaPage::updateRange()
{
    const QDate today = this->today();
    QDate from;
    QDate to;
    QString title;
    const QLocale locale;
    switch (m_view) {
    case View::Month:
    case View::List: {
        m_month->setToday(today);
        m_month->setMonth(m_date);
        m_month->setCurrentDate(m_date);
        const QDate first(m_date.year(), m_date.month(), 1);
        from = m_view == View::Month ? m_month->firstVisibleDate() : first;
        to = m_view == View::Month ? m_month->lastVisibleDate() : first.addMonths(1).addDays(-1);
        title = locale.standaloneMonthName(m_date.month()) + QLatin1Char(' ') + QString::number(m_date.year());
        break;
    }
    case View::Week: {
        from = m_date.addDays(1 - m_date.dayOfWeek());
        to = from.addDays(6);
        m_week->setToday(today);
        m_week->setDays(from, 7);
        title = tr("%1 – %2").arg(Humas::DateText::date(from), Humas::DateText::date(to));
        break;
    }
    case View::Day:
        from = to = m_date;
        m_day->setToday(today);
        m_day->setDays(m_date, 1);
        title = Humas::DateText::longDate(m_date);
        break;
    case View::Officials:
        from = to = m_date;
        title = Humas::DateText::longDate(m_date);
        break;
    }
    if (from != m_model->rangeFrom() || to != m_model->rangeTo())
        m_model->setRange(from, to);
    if (m_view == View::Officials) {
        // After the reload: the directory knows the officials.
        QStringList ids;
        QStringList headers;
        const QString only = m_filter->officialId();
        for (const auto &official : m_model->directory().officials) {
            if (!only.isEmpty() && official.id != only)
                continue;
            ids.append(official.id);
            headers.append(official.position);
        }
        m_officials->setToday(today);
        m_officials->setOfficialColumns(m_date, ids, headers);
    }
    if (m_view == View::List) {
        m_list->setDateRange(from, to);
        m_list->setCurrentDate(m_date);
    }
    loadHolidays(from, to);
    m_rangeLabel->setText(title);
    const QSignalBlocker blocker(m_dateEdit);
    m_dateEdit->setDate(m_date);
    updateSummary();
    Q_EMIT rangeChanged(from, to);
}

void AgendaPage::loadHolidays(const QDate &from, const QDate &to)
{
    QHash<QDate, QString> holidays;
    const Humas::HolidayRepository repository(m_db, m_actor);
    for (const Humas::Record &r : repository.list()) {
        const QDate date = QDate::fromString(r.text(QStringLiteral("date")), Qt::ISODate);
        if (date >= from && date <= to)
            holidays.insert(date, r.text(QStringLiteral("name")));
    }
    m_month->setHolidays(holidays);
}

void AgendaPage::updateSummary()
{
    m_summary->setText(summaryText());
}

QString AgendaPage::summaryText() const
{
    int clashing = 0;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        if (m_filter->index(row, 0).data(AgendaModel::ConflictRole).toBool())
            ++clashing;
    }
    const QString events = tr("%n event(s)", nullptr, m_filter->rowCount());
    if (clashing == 0)
        return events;
    //: %1 is "12 events", %2 "3 events clash"
    return tr("%1 · %2").arg(events, tr("%n clashing", nullptr, clashing));
}

QString AgendaPage::selectedEventId() const
{
    switch (m_view) {
    case View::Week:
        return m_week->selectedEventId();
    case View::Day:
        return m_day->selectedEventId();
    case View::Officials:
        return m_officials->selectedEventId();
    case View::List:
        return m_list->currentEventId();
    case View::Month:
        break;
    }
    return {};
}

void AgendaPage::newEvent()
{
    const QDateTime start = m_date.startOfDay().addSecs(DefaultStartHour * 3600);
    createFrom(start, start.addSecs(3600), m_filter->officialId(), false);
}

void AgendaPage::createFrom(const QDateTime &startLocal, const QDateTime &endLocal, const QString &officialId,
                            bool allDay)
{
    if (!m_model->repository().canWrite())
        return;
    EventRecord event;
    const Humas::EventRepository &repo = m_model->repository();
    event.start = repo.localToUtc(startLocal.date(), startLocal.time());
    event.end = repo.localToUtc(endLocal.date(), endLocal.time());
    if (allDay) {
        event.allDay = true;
        event.firstDate = startLocal.date();
        event.lastDate = qMax(startLocal.date(), endLocal.date());
    }
    if (!officialId.isEmpty())
        event.officialsRequested.append(officialId);
    if (m_actor.role == Humas::Role::Opd)
        event.opdId = m_actor.opdId;
    event.status = repo.canSchedule() ? Humas::EventSpan::Status::Terjadwal : Humas::EventSpan::Status::Diajukan;
    openEditor(event);
}

void AgendaPage::editEvent(const QString &id)
{
    EventRecord event = m_model->loadedRecord(id);
    if (!event.isValid())
        event = m_model->repository().get(id);
    if (event.isValid())
        openEditor(event);
}

void AgendaPage::openEditor(const EventRecord &event)
{
    EventEditDialog dialog(m_db, m_model, this);
    dialog.setEvent(event);
    connect(&dialog, &EventEditDialog::eventSaved, this, [this, &dialog] { pushChange(dialog.savedChange()); });
    dialog.exec();
}

void AgendaPage::pushChange(const Humas::EventChange &change)
{
    // An edit that changed nothing wrote nothing: there is nothing to undo.
    const bool patch = change.kind == EventCommand::Kind::Edit || change.kind == EventCommand::Kind::Move;
    if (patch && change.patch.isEmpty())
        return;
    m_undo->push(new EventCommand(m_service.get(), change, this));
}

bool AgendaPage::moveEvent(const QString &id, qint64 newStartMs, qint64 newEndMs)
{
    const EventRecord before = m_model->loadedRecord(id);
    if (!before.isValid() || !m_service->repository().canWrite())
        return false;
    const auto confirm = [this, &before](const QList<Humas::Conflict> &clashes) {
        return MessageBox::question(this, tr("Move into a clash?"),
                                    tr("At the new time \"%1\" clashes with:\n%2\n\nMove it anyway?")
                                        .arg(before.title, m_model->describeAll(clashes, before.id))) ==
               QMessageBox::Yes;
    };
    // Only the times are written, against the times the drag started from.
    const Humas::AgendaService::SaveResult result =
        m_service->move(before, QDateTime::fromMSecsSinceEpoch(newStartMs, Qt::UTC),
                        QDateTime::fromMSecsSinceEpoch(newEndMs, Qt::UTC), confirm);
    if (result.outcome == Humas::AgendaService::Outcome::Declined)
        return false;
    if (!result.isSaved()) {
        MessageBox::critical(this, tr("Event not moved"), result.error);
        return false;
    }
    pushChange(result.change);
    return true;
}

void AgendaPage::deleteSelectedEvent()
{
    const QString id = selectedEventId();
    const EventRecord event = m_model->loadedRecord(id);
    if (!event.isValid())
        return;
    if (MessageBox::question(this, tr("Delete event"),
                             tr("Delete \"%1\"? You can undo this with Ctrl+Z.").arg(event.title)) != QMessageBox::Yes)
        return;
    QString error;
    Humas::EventChange change;
    if (!m_service->remove(event, &change, &error)) {
        MessageBox::critical(this, tr("Event not deleted"), error);
        return;
    }
    pushChange(change);
}

void AgendaPage::printAgenda()
{
    AgendaPrintDialog dialog(m_db, m_model, this);
    dialog.setDate(m_date);
    if (!m_filter->officialId().isEmpty())
        dialog.setOfficialId(m_filter->officialId());
    dialog.setWeekly(m_view == View::Week);
    dialog.exec();
}

void AgendaPage::importCalendar()
{
    const QString file = FileDialogs::openFile(this, FileDialogs::Kind::Calendar, tr("Import calendar"),
                                               tr("iCalendar files (*.ics);;All files (*)"));
    if (file.isEmpty())
        return;
    Humas::EventIcal ical(m_db, m_actor);
    Humas::EventIcal::ImportSummary summary;
    QString error;
    if (!ical.importFile(file, &summary, &error)) {
        MessageBox::critical(this, tr("Calendar not imported"), tr("Nothing was imported.\n\n%1").arg(error));
        return;
    }
    MessageBox::information(this, tr("Calendar imported"),
                            tr("%n event(s) imported.", nullptr, int(summary.addedIds.size())) +
                                (summary.skipped > 0
                                     ? QLatin1Char('\n') + tr("%n already present, skipped.", nullptr, summary.skipped)
                                     : QString()));
}

void AgendaPage::exportCalendar()
{
    const QString file = FileDialogs::saveFile(this, FileDialogs::Kind::Calendar, tr("Export calendar"),
                                               QStringLiteral("agenda-%1.ics").arg(m_date.toString(Qt::ISODate)),
                                               tr("iCalendar files (*.ics)"));
    if (file.isEmpty())
        return;
    const bool publicOnly =
        MessageBox::question(this, tr("Export calendar"),
                             tr("Export only public events, for the regency's public agenda?")) == QMessageBox::Yes;
    Humas::EventIcal ical(m_db, m_actor);
    int count = 0;
    QString error;
    if (!ical.exportFile(file, m_model->rangeFrom(), m_model->rangeTo(), publicOnly, &count, &error)) {
        MessageBox::critical(this, tr("Calendar not exported"), error);
        return;
    }
    MessageBox::information(this, tr("Calendar exported"), tr("%n event(s) written to %1.", nullptr, count).arg(file));
}

void AgendaPage::retranslateUi()
{
    m_todayAction->setText(tr("Today"));
    m_todayAction->setToolTip(tr("Go to today (Alt+Home)"));
    m_previousAction->setText(tr("◀"));
    m_previousAction->setToolTip(tr("Previous (Alt+Left)"));
    m_nextAction->setText(tr("▶"));
    m_nextAction->setToolTip(tr("Next (Alt+Right)"));
    const QStringList viewNames = {tr("Month"), tr("Week"), tr("Day"), tr("Per official"), tr("List")};
    for (int i = 0; i < m_viewActionList.size(); ++i) {
        m_viewActionList.at(i)->setText(viewNames.value(i));
        m_viewActionList.at(i)->setToolTip(tr("%1 (Alt+%2)").arg(viewNames.value(i)).arg(i + 1));
    }
    m_newAction->setText(tr("New event"));
    m_newAction->setToolTip(tr("New event (Ctrl+N)"));
    m_editAction->setText(tr("Open event"));
    m_deleteAction->setText(tr("Delete event"));
    m_printAction->setText(tr("Print…"));
    m_printAction->setToolTip(tr("Print the daily or weekly agenda (Ctrl+P)"));
    m_importAction->setText(tr("Import .ics…"));
    m_exportAction->setText(tr("Export .ics…"));
    updateRange();
}

void AgendaPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_todayAction)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace HumasUi
