#pragma once

#include <QCoreApplication>
#include <QPointer>
#include <QUndoCommand>
#include <QVariantMap>

class QWidget;

namespace Humas {
class RecordTableModel;
}

namespace HumasUi {

/**
 * One Data Master change on the undo stack. It is pushed after the change has been written
 * (the dialog or the page did the first write, so a refusal never reaches the stack); undo
 * and redo call the repository: undo of an add removes (tombstone), undo of an edit writes
 * the old values back, undo of a delete restores. A refused undo or redo is reported and the
 * command dropped from the stack.
 */
class RecordCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(HumasUi::RecordCommand)
public:
    enum class Kind { Add, Edit, Delete };

    RecordCommand(Kind kind, Humas::RecordTableModel *model, const QString &id, const QString &label,
                  const QVariantMap &before = {}, const QVariantMap &after = {}, QWidget *messageParent = nullptr);

    Kind kind() const { return m_kind; }
    QString recordId() const { return m_id; }

    void undo() override;
    void redo() override;

private:
    bool apply(bool forward, QString *error);
    void finish(bool ok, const QString &error, bool undoing);

    Kind m_kind;
    Humas::RecordTableModel *m_model;
    QString m_id;
    QString m_label;
    QVariantMap m_before;
    QVariantMap m_after;
    QPointer<QWidget> m_messageParent;
    bool m_written = true; // the change is already in the database when pushed
};

} // namespace HumasUi
