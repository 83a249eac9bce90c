#include "agenda/eventcommand.h"

#include "common/messagebox.h"

namespace HumasUi {

EventCommand::EventCommand(Humas::AgendaService *service, const Humas::EventChange &change, QWidget *messageParent)
    : m_service(service), m_change(change), m_messageParent(messageParent)
{
    switch (change.kind) {
    case Kind::Add:
        setText(tr("Add \"%1\"").arg(change.title));
        break;
    case Kind::Edit:
        setText(tr("Edit \"%1\"").arg(change.title));
        break;
    case Kind::Move:
        setText(tr("Move \"%1\"").arg(change.title));
        break;
    case Kind::Delete:
        setText(tr("Delete \"%1\"").arg(change.title));
        break;
    }
}

void EventCommand::redo()
{
    if (m_written) {
        m_written = false; // the first redo is the push: the dialog or the view already wrote it
        return;
    }
    QString error;
    const bool ok = m_service->redo(m_change, &error);
    finish(ok, error, false);
}

void EventCommand::undo()
{
    QString error;
    const bool ok = m_service->undo(m_change, &error);
    finish(ok, error, true);
}

void EventCommand::finish(bool ok, const QString &error, bool undoing)
{
    if (ok)
        return;
    setObsolete(true);
    if (undoing)
        MessageBox::critical(m_messageParent, tr("Undo not possible"),
                             tr("\"%1\" cannot be undone: %2").arg(text(), error));
    else
        MessageBox::critical(m_messageParent, tr("Redo not possible"),
                             tr("\"%1\" cannot be redone: %2").arg(text(), error));
}

} // namespace HumasUi
