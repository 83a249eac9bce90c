#pragma once

#include "agenda/eventrecord.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

class QWidget;

namespace Humas {
class AgendaModel;
}

namespace HumasUi {

/**
 * One agenda change on the undo stack: an added, edited (or moved) or deleted event. It is
 * pushed after the first write succeeded, so a refusal never reaches the stack. Undo of an
 * add deletes (tombstone), undo of an edit writes the old version back, undo of a delete
 * restores. A refused undo or redo (for instance a status that may not go back) is reported
 * and the command becomes obsolete.
 */
class EventCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::EventCommand)
public:
    enum class Kind { Add, Edit, Move, Delete };

    EventCommand(Kind kind, Humas::AgendaModel *model, const Humas::EventRecord &before,
                 const Humas::EventRecord &after, QWidget *messageParent = nullptr);

    Kind kind() const { return m_kind; }
    QString eventId() const { return m_after.isValid() ? m_after.id : m_before.id; }

    void undo() override;
    void redo() override;

private:
    bool apply(bool forward, QString *error);
    void finish(bool ok, const QString &error, bool undoing);

    Kind m_kind;
    Humas::AgendaModel *m_model;
    Humas::EventRecord m_before;
    Humas::EventRecord m_after;
    QPointer<QWidget> m_messageParent;
    bool m_written = true; // the change is already in the database when pushed
};

} // namespace HumasUi
