#include "agenda/eventeditdialog.h"

#include "agenda/agendamodel.h"
#include "agenda/conflictindex.h"
#include "agenda/eventform.h"
#include "agenda/eventformattachment.h"
#include "agenda/freeslotfinder.h"
#include "agenda/freeslotpopup.h"
#include "agenda/venueresolver.h"
#include "common/clock.h"
#include "common/datetext.h"
#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
#include "master/referencerepositories.h"
#include "settings/appsettings.h"
#include "store/database.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::Conflict;
using Humas::EventRecord;

namespace {

/** Whether the repository could accept the draft's basics, so asking about clashes makes sense. */
bool looksComplete(const EventRecord &e)
{
    return !e.title.trimmed().isEmpty() && !e.officialsRequested.isEmpty() && e.start.isValid() && e.end.isValid() &&
           e.start < e.end;
}

} // namespace

EventEditDialog::EventEditDialog(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(model)
{
    setObjectName(QStringLiteral("eventEditDialog"));
    setWindowTitle(tr("New event"));

    // Created in tab order: the form, the conflict panel and free times, then the buttons.
    m_form = new EventForm(m_db, m_model, this);
    QWidget *side = buildSidePanel();
    m_errorLabel = new ErrorLabel(this);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setToolTip(tr("Save (Ctrl+Return)"));
    m_saveButton->setEnabled(m_model->repository().canWrite());
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &EventEditDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addWidget(m_form, 3);
    columns->addWidget(side, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    // Return in a field must not save a half-filled form; Ctrl+Return does, Esc cancels.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            if (m_saveButton->isEnabled())
                save();
        });
    }

    m_conflictTimer = new QTimer(this);
    m_conflictTimer->setSingleShot(true);
    m_conflictTimer->setInterval(ConflictDelayMs);
    connect(m_conflictTimer, &QTimer::timeout, this, &EventEditDialog::updateConflicts);
    connect(m_form, &EventForm::conflictInputsChanged, m_conflictTimer, qOverload<>(&QTimer::start));
    connect(m_form->attachment(), &EventFormAttachment::attachRequested, this, &EventEditDialog::chooseFile);
    connect(m_form->attachment(), &EventFormAttachment::openRequested, this, &EventEditDialog::openAttachment);
    connect(m_freeSlots, &FreeSlotPopup::freeTimeChosen, m_form, &EventForm::setTimes);

    updateConflicts();
    m_form->tabs()->setCurrentIndex(0);
    m_form->firstField()->setFocus();
    resize(980, 580);
}

EventEditDialog::~EventEditDialog() = default;

QWidget *EventEditDialog::buildSidePanel()
{
    auto *panel = new QWidget(this);
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);

    auto *heading = new QLabel(tr("Clashes"), panel);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    column->addWidget(heading);

    m_conflictList = new QListWidget(panel);
    m_conflictList->setObjectName(QStringLiteral("conflictList"));
    m_conflictList->setAccessibleName(tr("Clashes"));
    m_conflictList->setWordWrap(true);
    m_conflictList->setTextElideMode(Qt::ElideNone);
    m_conflictList->setSelectionMode(QAbstractItemView::NoSelection);
    m_conflictList->setFocusPolicy(Qt::NoFocus);
    heading->setBuddy(m_conflictList);
    column->addWidget(m_conflictList, 1);

    m_findFreeTime = new QPushButton(tr("&Find free time"), panel);
    m_findFreeTime->setObjectName(QStringLiteral("findFreeTimeButton"));
    m_findFreeTime->setToolTip(tr("The next free times of the chosen officials within working hours, "
                                  "skipping weekends and holidays"));
    connect(m_findFreeTime, &QPushButton::clicked, this, &EventEditDialog::findFreeTime);
    column->addWidget(m_findFreeTime);

    m_freeSlots = new FreeSlotPopup(panel);
    m_freeSlots->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    column->addWidget(m_freeSlots);
    return panel;
}

void EventEditDialog::setEvent(const EventRecord &event)
{
    setWindowTitle(event.isValid() ? tr("Edit event: %1").arg(event.title) : tr("New event"));
    m_form->setEvent(event);
    m_freeSlots->hide();
    m_errorLabel->clearMessage();
    m_conflictTimer->stop();
    updateConflicts();
    m_form->tabs()->setCurrentIndex(0);
    m_form->firstField()->setFocus();
}

EventRecord EventEditDialog::event() const
{
    return m_form->event();
}

bool EventEditDialog::isNew() const
{
    return !m_form->original().isValid();
}

void EventEditDialog::updateConflicts()
{
    m_conflictTimer->stop();
    const EventRecord draft = m_form->event();
    if (!draft.allDay && draft.start.isValid() && draft.end.isValid() && draft.end <= draft.start) {
        showConflicts({}, tr("The end is not after the start."));
        return;
    }
    showConflicts(m_model->conflictsFor(draft));
}

void EventEditDialog::showConflicts(const QList<Conflict> &conflicts, const QString &problem)
{
    m_conflicts = conflicts;
    m_conflictList->clear();
    if (!problem.isEmpty()) {
        m_conflictList->addItem(problem);
        return;
    }
    if (conflicts.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No clashes"), m_conflictList);
        item->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        return;
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QString self = m_form->original().id;
    for (const Conflict &c : conflicts) {
        auto *item = new QListWidgetItem(warning, m_model->describe(c, self), m_conflictList);
        item->setForeground(Humas::AgendaModel::conflictColor());
        item->setToolTip(item->text());
    }
}

QStringList EventEditDialog::conflictLines() const
{
    QStringList lines;
    for (int i = 0; i < m_conflictList->count(); ++i)
        lines << m_conflictList->item(i)->text();
    return lines;
}

void EventEditDialog::chooseFile()
{
    const QString path = FileDialogs::openFile(this, FileDialogs::Kind::Scan, tr("Attach invitation scan"),
                                               tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"));
    if (!path.isEmpty())
        attachFile(path);
}

bool EventEditDialog::attachFile(const QString &path)
{
    QString error;
    if (!m_form->attachment()->attachFile(path, &error)) {
        showError(error);
        return false;
    }
    m_errorLabel->clearMessage();
    return true;
}

void EventEditDialog::openAttachment()
{
    QString error;
    const QString path = m_form->attachment()->exportCopy(&error);
    if (path.isEmpty()) {
        showError(error);
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError(tr("No program is set up to open this file."));
}

QList<QDate> EventEditDialog::holidaysBetween(const QDate &from, const QDate &to) const
{
    const Humas::Actor &actor = m_model->repository().actor();
    const bool cutiBersamaWorks = Humas::AppSettings(m_db, actor).cutiBersamaIsWorkingDay();
    QList<QDate> dates;
    for (const Humas::Record &r : Humas::HolidayRepository(m_db, actor).list()) {
        const QDate date = QDate::fromString(r.text(QStringLiteral("date")), Qt::ISODate);
        if (!date.isValid() || date < from || date > to)
            continue;
        if (cutiBersamaWorks && r.text(QStringLiteral("kind")) == QLatin1String("cuti_bersama"))
            continue;
        dates << date;
    }
    return dates;
}

QString EventEditDialog::freeTimeText(const QDateTime &startUtc, const QDateTime &endUtc) const
{
    const Humas::EventRepository &repository = m_model->repository();
    const QDateTime start = repository.utcToLocal(startUtc);
    const QDateTime end = repository.utcToLocal(endUtc);
    //: A free time offered by "Find free time": "Senin, 23 November 2026, 09.00–10.00 WITA"
    return tr("%1, %2–%3")
        .arg(Humas::DateText::longDate(start.date()), Humas::DateText::time(start.time()),
             Humas::DateText::time(end.time(), m_model->zoneCode()));
}

QList<QDateTime> EventEditDialog::findFreeTime()
{
    const EventRecord draft = m_form->event();
    const Humas::EventRepository &repository = m_model->repository();
    QList<QDateTime> starts;
    if (draft.attending().isEmpty()) {
        m_freeSlots->showChoices(tr("Choose at least one official first."), {});
        return starts;
    }
    int minutes = 60;
    if (!draft.allDay && draft.start.isValid() && draft.start < draft.end)
        minutes = int(draft.start.secsTo(draft.end) / 60);

    const QDateTime now = Humas::Clock::instance()->nowUtc();
    const QDate today = repository.utcToLocal(now).date();
    QDate from = draft.start.isValid() ? repository.utcToLocal(draft.start).date() : today.addDays(1);
    if (from < today)
        from = today.addDays(1);
    const QDate to = from.addDays(FreeSlotDays - 1);

    // The stored events around the searched days; travel clashes reach a day further at most.
    const Humas::ConflictIndex index(repository.spansBetween(repository.localToUtc(from.addDays(-1), QTime(0, 0)),
                                                             repository.localToUtc(to.addDays(2), QTime(0, 0))),
                                     repository.travelPolicy());
    Humas::FreeSlotFinder finder(index, repository.utcOffsetSeconds());
    finder.setExcludedDates(holidaysBetween(from, to));
    const Humas::AppSettings settings(m_db, repository.actor());
    finder.setWorkingHours(settings.workStart(), settings.workEnd());

    Humas::FreeSlotFinder::Request request;
    request.officials = draft.attending();
    request.durationMinutes = minutes;
    request.fromDate = from;
    request.toDate = to;
    request.maxCount = FreeSlotCount;
    request.venueId = draft.venueId;
    request.kecamatanId = m_form->kecamatanId();
    request.excludedEventId = draft.id;
    request.notBeforeMs = now.toMSecsSinceEpoch();

    QList<FreeSlotPopup::Choice> choices;
    for (const qint64 ms : finder.findSlots(request)) {
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const QDateTime end = start.addSecs(qint64(minutes) * 60);
        choices.append({start, end, freeTimeText(start, end)});
        starts << start;
    }
    // The offered times carry their dates; the caption stays one short line.
    const QString caption =
        choices.isEmpty()
            ? tr("No free time in the %1 days from %2.").arg(FreeSlotDays).arg(from.toString(QStringLiteral("dd/MM")))
            : tr("Free times of %1 minutes:").arg(minutes);
    m_freeSlots->showChoices(caption, choices);
    return starts;
}

void EventEditDialog::chooseFreeTime(int index)
{
    m_freeSlots->choose(index);
}

bool EventEditDialog::save()
{
    m_errorLabel->clearMessage();
    if (const QString problem = m_form->inputError(); !problem.isEmpty()) {
        showError(problem);
        return false;
    }
    EventRecord draft = m_form->event();
    // The panel may still be waiting for its debounce: bring it up to date with what is saved.
    updateConflicts();
    if (looksComplete(draft) && !m_conflicts.isEmpty()) {
        const QString text = tr("This event clashes with:\n%1\n\nSave anyway?")
                                 .arg(m_model->describeAll(m_conflicts, m_form->original().id));
        if (MessageBox::question(this, tr("Clashes"), text) != QMessageBox::Yes)
            return false;
    }
    QString error;
    if (!write(&draft, &error)) {
        showError(error);
        return false;
    }
    m_model->reload();
    Q_EMIT eventSaved(m_after.id, m_before, m_after);
    accept();
    return true;
}

bool EventEditDialog::write(EventRecord *draft, QString *error)
{
    Humas::EventRepository &repository = m_model->repository();
    // A new venue and the event are stored together or not at all.
    Humas::Transaction transaction(m_db, error);
    if (!transaction.isActive())
        return false;
    if (const QString name = m_form->newVenueName(); !name.isEmpty()) {
        Humas::VenueResolver venues(m_db, repository.actor());
        if (!venues.resolve(name, m_form->kecamatanId(), &draft->venueId, nullptr, error))
            return false;
    }
    const EventRecord before = draft->isValid() ? repository.get(draft->id) : EventRecord();
    const bool stored = draft->isValid() ? repository.update(*draft, error) : repository.add(draft, error);
    if (!stored || !transaction.commit(error))
        return false;
    m_before = before;
    m_after = repository.get(draft->id);
    return true;
}

QString EventEditDialog::errorText() const
{
    return m_errorLabel->message();
}

void EventEditDialog::showError(const QString &message)
{
    m_errorLabel->showMessage(message);
}

} // namespace HumasUi
