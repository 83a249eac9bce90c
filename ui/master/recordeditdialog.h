#pragma once

#include "master/recordrepository.h"

#include <QDialog>
#include <QHash>
#include <QVariantMap>

class QPushButton;

namespace HumasUi {

class ErrorLabel;

/**
 * Adds or edits one row of a reference table. The form is built from the table's
 * FieldSpecs; each editor is named "field_<column>". Save validates through the repository
 * and writes; a refusal is shown in the red "errorLabel", the dialog stays open and nothing
 * is written. An edit writes only the fields that changed, so a colleague's concurrent
 * change to another field still merges on sync.
 */
class RecordEditDialog : public QDialog
{
    Q_OBJECT
public:
    /** @p id empty: a new row. */
    RecordEditDialog(Humas::RecordRepository *repository, const QString &id, QWidget *parent = nullptr);

    bool isNew() const { return m_id.isEmpty(); }
    /** The id of the row written (the new id after an add). */
    QString savedId() const { return m_savedId; }
    /** Of the fields the save changed: their values before and after (without passwords). */
    QVariantMap valuesBefore() const { return m_before; }
    QVariantMap valuesAfter() const { return m_after; }
    /** Display text of the saved row (for the undo stack). */
    QString savedLabel() const;

    QString errorText() const;

private:
    void buildForm();
    QWidget *createEditor(const Humas::FieldSpec &field);
    void loadValue(const Humas::FieldSpec &field, QWidget *editor, const QVariant &value);
    QVariant editorValue(const Humas::FieldSpec &field, QWidget *editor) const;
    bool isChanged(const Humas::FieldSpec &field, const QVariant &value) const;
    void save();
    void showError(const QString &message);

    Humas::RecordRepository *m_repository;
    QString m_id;
    Humas::Record m_record;
    QHash<QString, QWidget *> m_editors;
    ErrorLabel *m_errorLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QString m_savedId;
    QVariantMap m_before;
    QVariantMap m_after;
};

} // namespace HumasUi
