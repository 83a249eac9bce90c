#include "agenda/eventeditdialog.h"

#include "agenda/agendamodel.h"
#include "agenda/agendaservice.h"
#include "agenda/eventform.h"
#include "agenda/eventformattachment.h"
#include "agenda/freeslotpopup.h"
#include "common/datetext.h"
#include "common/errorlabel.h"
#include "common/filedialogs.h"
#include "common/messagebox.h"
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

EventEditDialog::EventEditDialog(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent)
    : QDialog(parent), m_db(db), m_model(model),
      m_service(std::make_unique<Humas::AgendaService>(db, model->repository().actor()))
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
    if (draft.attending().isEmpty()) {
        m_freeSlots->showChoices(tr("Choose at least one official first."), {});
        return {};
    }
    Humas::AgendaService::FreeSlotQuery query;
    query.officials = draft.attending();
    if (!draft.allDay && draft.start.isValid() && draft.start < draft.end)
        query.durationMinutes = int(draft.start.secsTo(draft.end) / 60);
    if (draft.start.isValid())
        query.fromDate = m_service->repository().utcToLocal(draft.start).date();
    query.days = FreeSlotDays;
    query.maxCount = FreeSlotCount;
    query.venueId = draft.venueId;
    query.kecamatanId = m_form->kecamatanId();
    query.excludedEventId = draft.id;
    const Humas::AgendaService::FreeSlots slots = m_service->freeSlots(query);

    QList<FreeSlotPopup::Choice> choices;
    for (const QDateTime &start : slots.starts) {
        const QDateTime end = start.addSecs(qint64(slots.durationMinutes) * 60);
        choices.append({start, end, freeTimeText(start, end)});
    }
    // The offered times carry their dates; the caption stays one short line.
    const QString caption = choices.isEmpty() ? tr("No free time in the %1 days from %2.")
                                                    .arg(FreeSlotDays)
                                                    .arg(slots.from.toString(QStringLiteral("dd/MM")))
                                              : tr("Free times of %1 minutes:").arg(slots.durationMinutes);
    m_freeSlots->showChoices(caption, choices);
    return slots.starts;
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
    // The panel may still be waiting for its debounce: bring it up to date with what is saved.
    updateConflicts();
    const EventRecord started = m_form->original();
    const Humas::NewVenue venue{m_form->newVenueName(), m_form->kecamatanId()};
    const auto confirm = [this, &started](const QList<Conflict> &clashes) {
        const QString text =
            tr("This event clashes with:\n%1\n\nSave anyway?").arg(m_model->describeAll(clashes, started.id));
        return MessageBox::question(this, tr("Clashes"), text) == QMessageBox::Yes;
    };
    const Humas::AgendaService::SaveResult result = m_service->save(started, m_form->event(), venue, confirm);
    if (result.outcome == Humas::AgendaService::Outcome::Declined)
        return false;
    if (!result.isSaved()) {
        // The typing stays in the form: the user can compare, adjust and save again.
        showError(result.error);
        if (!result.stale.isEmpty())
            MessageBox::critical(this, tr("Not saved"), result.error);
        return false;
    }
    m_before = result.before;
    m_after = result.after;
    m_change = result.change;
    Q_EMIT eventSaved(m_after.id, m_before, m_after);
    accept();
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
