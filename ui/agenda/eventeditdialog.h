#pragma once

#include "agenda/agendaservice.h"
#include "agenda/conflict.h"
#include "agenda/eventrecord.h"

#include <QDateTime>
#include <QDialog>
#include <QList>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace Humas {
class AgendaModel;
class Database;
} // namespace Humas

namespace HumasUi {

class ErrorLabel;
class EventForm;
class FreeSlotPopup;

/**
 * Creates or edits one agenda event ("eventEditDialog"): every field of the event
 * (EventForm), a live panel listing what the draft would clash with ("conflictList"), and
 * "Find free time" ("findFreeTimeButton") offering the next free times of the chosen officials.
 *
 * Save ("saveButton", Ctrl+Return) hands the event as it was opened and as edited to
 * Humas::AgendaService::save, which validates, asks about clashes through MessageBox::question
 * ("Save anyway?"), adds a new venue and the event in one transaction and writes an edit as a
 * patch of the changed fields only. A refusal is shown in "errorLabel"; a field a colleague
 * changed meanwhile is also shown in MessageBox::critical with both values; the dialog stays
 * open with the typing intact and nothing is written. The agenda views follow the write
 * through the store's change feed.
 *
 * The dialog writes itself and then emits eventSaved() with the stored versions before and
 * after, so the page can push an undo command whose first redo() does nothing.
 */
class EventEditDialog : public QDialog
{
    Q_OBJECT
public:
    /** Delay between the last edit and recomputing the conflict panel. */
    static constexpr int ConflictDelayMs = 150;
    /** How many free times "Find free time" offers, and over how many days. */
    static constexpr int FreeSlotCount = 5;
    static constexpr int FreeSlotDays = 14;

    /** @p model supplies the actor, the directory and the conflicts; it must outlive the dialog. */
    EventEditDialog(Humas::Database &db, Humas::AgendaModel *model, QWidget *parent = nullptr);
    ~EventEditDialog() override;

    /** Loads @p event; an event without id is a new one. */
    void setEvent(const Humas::EventRecord &event);
    /** The draft as edited (a new venue not yet added: venueId empty). */
    Humas::EventRecord event() const;
    bool isNew() const;
    EventForm *form() const { return m_form; }

    /** The lines of the conflict panel as shown ("No clashes" when none). */
    QStringList conflictLines() const;
    /** The clashes found at the last recomputation. */
    QList<Humas::Conflict> conflicts() const { return m_conflicts; }
    /** Recomputes the conflict panel now instead of after the debounce. */
    void updateConflicts();

    /** Stores the file as the invitation scan (what "Attach scan…" does after its file dialog). */
    bool attachFile(const QString &path);
    /**
     * Runs the free-time search for the draft and shows the result below the button;
     * returns the offered times (UTC starts, earliest first).
     */
    QList<QDateTime> findFreeTime();
    /** Sets the draft's times to offered time @p index. */
    void chooseFreeTime(int index);

    /**
     * Validates, asks about clashes, writes. Returns true when the event was stored (the
     * dialog is then accepted).
     */
    bool save();
    QString errorText() const;

    /** After a save: the stored event before (invalid for a new event) and after. */
    Humas::EventRecord savedBefore() const { return m_before; }
    Humas::EventRecord savedAfter() const { return m_after; }
    /** After a save: what was written, for the undo stack (an edit lists only the fields changed). */
    Humas::EventChange savedChange() const { return m_change; }

Q_SIGNALS:
    /** The event @p id was written; @p before is invalid for a new event. */
    void eventSaved(const QString &id, const Humas::EventRecord &before, const Humas::EventRecord &after);

private:
    QWidget *buildSidePanel();
    void showConflicts(const QList<Humas::Conflict> &conflicts, const QString &problem = {});
    void chooseFile();
    void openAttachment();
    QString freeTimeText(const QDateTime &startUtc, const QDateTime &endUtc) const;
    void showError(const QString &message);

    Humas::Database &m_db;
    Humas::AgendaModel *m_model;
    EventForm *m_form = nullptr;
    QListWidget *m_conflictList = nullptr;
    QPushButton *m_findFreeTime = nullptr;
    FreeSlotPopup *m_freeSlots = nullptr;
    ErrorLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QTimer *m_conflictTimer = nullptr;
    QList<Humas::Conflict> m_conflicts;
    Humas::EventRecord m_before;
    Humas::EventRecord m_after;
    Humas::EventChange m_change;
    std::unique_ptr<Humas::AgendaService> m_service;
};

} // namespace HumasUi
