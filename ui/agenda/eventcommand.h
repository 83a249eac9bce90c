#pragma once

#include "agenda/agendaservice.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>

class QWidget;

namespace HumasUi {

/**
 * One agenda change on the undo stack: an added, edited (or moved) or deleted event, as
 * Humas::AgendaService wrote it. It is pushed after the write succeeded, so a refusal never
 * reaches the stack. Undo and redo are the service's (an edit writes back only the fields it
 * changed, against the values it wrote); a refused undo or redo (a colleague changed that
 * field since, a status that may not go back) is reported and the command becomes obsolete.
 * The views follow the write through the store's change feed.
 */
class EventCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::EventCommand)
public:
    using Kind = Humas::EventChange::Kind;

    /** @p service must outlive the command. */
    EventCommand(Humas::AgendaService *service, const Humas::EventChange &change, QWidget *messageParent = nullptr);

    Kind kind() const { return m_change.kind; }
    QString eventId() const { return m_change.id; }
    const Humas::EventChange &change() const { return m_change; }

    void undo() override;
    void redo() override;

private:
    void finish(bool ok, const QString &error, bool undoing);

    Humas::AgendaService *m_service;
    Humas::EventChange m_change;
    QPointer<QWidget> m_messageParent;
    bool m_written = true; // the change is already in the database when pushed
};

} // namespace HumasUi
