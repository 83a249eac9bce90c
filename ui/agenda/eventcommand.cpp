#include "agenda/eventcommand.h"

#include "agenda/agendamodel.h"
#include "common/messagebox.h"

namespace HumasUi {

using Humas::EventRecord;

EventCommand::EventCommand(Kind kind, Humas::AgendaModel *model, const EventRecord &before, const EventRecord &after,
                           QWidget *messageParent)
    : m_kind(kind), m_model(model), m_before(before), m_after(after), m_messageParent(messageParent)
{
    const QString title = after.isValid() ? after.title : before.title;
    switch (kind) {
    case Kind::Add:
        setText(tr("Add \"%1\"").arg(title));
        break;
    case Kind::Edit:
        setText(tr("Edit \"%1\"").arg(title));
        break;
    case Kind::Move:
        setText(tr("Move \"%1\"").arg(title));
        break;
    case Kind::Delete:
        setText(tr("Delete \"%1\"").arg(title));
        break;
    }
}

bool EventCommand::apply(bool forward, QString *error)
{
    Humas::EventRepository &repo = m_model->repository();
    switch (m_kind) {
    case Kind::Add:
        return forward ? repo.restore(m_after.id, error) : repo.remove(m_after.id, error);
    case Kind::Delete:
        return forward ? repo.remove(m_before.id, error) : repo.restore(m_before.id, error);
    case Kind::Edit:
    case Kind::Move:
        return repo.update(forward ? m_after : m_before, error);
    }
    return false;
}

void EventCommand::redo()
{
    if (m_written) {
        m_written = false; // the first redo is the push: the dialog or the view already wrote it
        return;
    }
    QString error;
    const bool ok = apply(true, &error);
    finish(ok, error, false);
}

void EventCommand::undo()
{
    QString error;
    const bool ok = apply(false, &error);
    finish(ok, error, true);
}

void EventCommand::finish(bool ok, const QString &error, bool undoing)
{
    m_model->reload();
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
