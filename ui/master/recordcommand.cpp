#include "recordcommand.h"

#include "common/messagebox.h"
#include "master/recordtablemodel.h"

namespace HumasUi {

RecordCommand::RecordCommand(Kind kind, Humas::RecordTableModel *model, const QString &id, const QString &label,
                             const QVariantMap &before, const QVariantMap &after, QWidget *messageParent)
    : m_kind(kind), m_model(model), m_id(id), m_label(label), m_before(before), m_after(after),
      m_messageParent(messageParent)
{
    switch (kind) {
    case Kind::Add:
        setText(tr("Add \"%1\"").arg(label));
        break;
    case Kind::Edit:
        setText(tr("Edit \"%1\"").arg(label));
        break;
    case Kind::Delete:
        setText(tr("Delete \"%1\"").arg(label));
        break;
    }
}

bool RecordCommand::apply(bool forward, QString *error)
{
    Humas::RecordRepository *repo = m_model->repository();
    switch (m_kind) {
    case Kind::Add:
        return forward ? repo->restore(m_id, error) : repo->remove(m_id, error);
    case Kind::Edit:
        // Only the fields this command changed, each against the value it wrote: a colleague's
        // later save of one of them refuses the undo rather than being overwritten.
        return forward ? repo->update(m_id, m_before, m_after, error) : repo->update(m_id, m_after, m_before, error);
    case Kind::Delete:
        return forward ? repo->remove(m_id, error) : repo->restore(m_id, error);
    }
    return false;
}

void RecordCommand::redo()
{
    if (m_written) {
        m_written = false; // pushed after the first write: nothing to do this time
        return;
    }
    QString error;
    const bool ok = apply(true, &error);
    finish(ok, error, false);
}

void RecordCommand::undo()
{
    QString error;
    const bool ok = apply(false, &error);
    finish(ok, error, true);
}

void RecordCommand::finish(bool ok, const QString &error, bool undoing)
{
    if (ok)
        return;
    // The stack drops an obsolete command, so it cannot be retried into the same refusal.
    setObsolete(true);
    if (undoing)
        MessageBox::critical(m_messageParent, tr("Undo not possible"),
                             tr("\"%1\" cannot be undone: %2").arg(m_label, error));
    else
        MessageBox::critical(m_messageParent, tr("Redo not possible"),
                             tr("\"%1\" cannot be redone: %2").arg(m_label, error));
}

} // namespace HumasUi
