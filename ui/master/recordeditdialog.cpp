#include "recordeditdialog.h"

#include "auth/userrepository.h"
#include "common/clock.h"
#include "common/errorlabel.h"
#include "common/messagebox.h"
#include "master/masterdata.h"
#include "store/changewriter.h"
#include "sync/syncconflictmark.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace HumasUi {

using Humas::FieldSpec;
using Humas::MasterData;
using Type = Humas::FieldSpec::Type;

namespace {

const auto DateFormat = QStringLiteral("dd/MM/yyyy");
constexpr int MinimumComboCharacters = 28;

bool isFlag(const FieldSpec &field)
{
    return field.type == Type::Integer && field.minimum == 0 && field.maximum == 1;
}

QString storedText(const QVariant &value)
{
    return value.isNull() ? QString() : value.toString().trimmed();
}

} // namespace

RecordEditDialog::RecordEditDialog(Humas::RecordRepository *repository, const QString &id, QWidget *parent)
    : QDialog(parent), m_repository(repository), m_id(id)
{
    setObjectName(QStringLiteral("recordEditDialog"));
    if (!m_id.isEmpty())
        m_record = m_repository->get(m_id);
    const QString table = MasterData::label(m_repository->spec().title);
    setWindowTitle(isNew() ? tr("New entry: %1").arg(table) : tr("Edit entry: %1").arg(table));
    buildForm();
}

void RecordEditDialog::buildForm()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const FieldSpec &field : m_repository->spec().fields) {
        QWidget *editor = createEditor(field);
        editor->setObjectName(QStringLiteral("field_") + field.name);
        m_editors.insert(field.name, editor);
        if (!isNew())
            loadValue(field, editor, m_record.values.value(field.name));
        const bool required = field.required || (field.type == Type::Password && isNew());
        QString label = MasterData::label(field.label);
        if (required && !isFlag(field))
            label = tr("%1 *").arg(label);
        auto *labelWidget = new QLabel(label, this);
        labelWidget->setBuddy(editor);
        form->addRow(labelWidget, editor);
    }

    if (!isNew())
        SyncConflictMark::markFields(m_repository->database(), m_repository->spec().table, m_id, m_editors);
    m_errorLabel = new ErrorLabel(this);

    auto *hint = new QLabel(tr("Fields marked * are required."), this);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    QPushButton *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RecordEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_errorLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QWidget *RecordEditDialog::createEditor(const FieldSpec &field)
{
    switch (field.type) {
    case Type::Integer: {
        if (isFlag(field)) {
            auto *check = new QCheckBox(this);
            check->setChecked(true); // a new user or entry starts active
            return check;
        }
        auto *spin = new QSpinBox(this);
        spin->setRange(field.minimum, field.maximum);
        spin->setAlignment(Qt::AlignRight);
        return spin;
    }
    case Type::Date: {
        auto *edit = new QDateEdit(this);
        edit->setDisplayFormat(DateFormat);
        edit->setCalendarPopup(true);
        edit->setDate(Humas::Clock::instance()->nowUtc().toLocalTime().date());
        return edit;
    }
    case Type::Choice: {
        auto *combo = new QComboBox(this);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(MinimumComboCharacters);
        for (const QString &code : field.choices)
            combo->addItem(MasterData::choiceLabel(m_repository->spec().table, field.name, code), code);
        combo->setPlaceholderText(tr("Choose…"));
        combo->setCurrentIndex(-1);
        return combo;
    }
    case Type::Reference: {
        auto *combo = new QComboBox(this);
        // Agency names run to 60 characters; the list shows them in full, the box need not.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(MinimumComboCharacters);
        if (!field.required)
            combo->addItem(tr("(none)"), QString());
        const auto choices = m_repository->referenceChoices(field);
        for (const auto &choice : choices)
            combo->addItem(choice.second, choice.first);
        combo->setPlaceholderText(tr("Choose…"));
        combo->setCurrentIndex(field.required ? -1 : 0);
        return combo;
    }
    case Type::LongText: {
        auto *edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
        return edit;
    }
    case Type::Password: {
        auto *edit = new QLineEdit(this);
        edit->setEchoMode(QLineEdit::Password);
        if (isNew()) {
            edit->setPlaceholderText(tr("At least %n characters", "", Humas::UserRepository::MinimumPasswordLength));
        } else {
            edit->setPlaceholderText(tr("Leave empty to keep the current password"));
        }
        return edit;
    }
    case Type::Text:
    case Type::Phone:
    case Type::Nip: {
        auto *edit = new QLineEdit(this);
        edit->setMaxLength(field.maxLength);
        if (field.type == Type::Phone)
            edit->setPlaceholderText(tr("e.g. 0812 3456 7890"));
        return edit;
    }
    }
    return new QLineEdit(this);
}

void RecordEditDialog::loadValue(const FieldSpec &field, QWidget *editor, const QVariant &value)
{
    if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        check->setChecked(value.toInt() != 0);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        if (d.isValid())
            date->setDate(d);
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(combo->findData(storedText(value)));
    } else if (auto *plain = qobject_cast<QPlainTextEdit *>(editor)) {
        plain->setPlainText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        if (field.type != Type::Password)
            line->setText(value.toString());
    }
}

QVariant RecordEditDialog::editorValue(const FieldSpec &field, QWidget *editor) const
{
    if (auto *check = qobject_cast<QCheckBox *>(editor))
        return check->isChecked() ? 1 : 0;
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return spin->value();
    if (auto *date = qobject_cast<QDateEdit *>(editor))
        return date->date().toString(Qt::ISODate);
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        return combo->currentIndex() < 0 ? QString() : combo->currentData().toString();
    if (auto *plain = qobject_cast<QPlainTextEdit *>(editor))
        return plain->toPlainText();
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        return line->text();
    Q_UNUSED(field)
    return {};
}

bool RecordEditDialog::isChanged(const FieldSpec &field, const QVariant &value) const
{
    if (field.type == Type::Password)
        return !value.toString().isEmpty();
    return storedText(value) != storedText(m_record.values.value(field.name));
}

QString RecordEditDialog::errorText() const
{
    return m_errorLabel->message();
}

QString RecordEditDialog::savedLabel() const
{
    const QString display = m_repository->spec().displayField;
    const Humas::Record row = m_repository->get(m_savedId);
    return row.text(display);
}

void RecordEditDialog::showError(const QString &message)
{
    m_errorLabel->showMessage(message);
}

void RecordEditDialog::save()
{
    QVariantMap values;
    for (const FieldSpec &field : m_repository->spec().fields) {
        const QVariant value = editorValue(field, m_editors.value(field.name));
        if (isNew() || isChanged(field, value))
            values.insert(field.name, value);
    }
    QString error;
    if (!m_repository->validate(values, m_id, &error)) {
        showError(error);
        return;
    }
    if (isNew()) {
        QString newId;
        if (!m_repository->insert(values, &newId, &error)) {
            showError(error);
            return;
        }
        m_savedId = newId;
    } else {
        // A patch against the values this dialog opened with: a colleague's save of another
        // field survives, a colleague's save of the same field refuses this one.
        QList<Humas::StaleField> stale;
        if (!values.isEmpty() && !m_repository->update(m_id, m_record.values, values, &error, &stale)) {
            showError(error);
            if (!stale.isEmpty())
                MessageBox::critical(this, windowTitle(), error);
            return;
        }
        m_savedId = m_id;
        values.remove(QStringLiteral("password")); // a password change is not undoable
        for (auto it = values.cbegin(); it != values.cend(); ++it) {
            m_before.insert(it.key(), m_record.values.value(it.key()));
            m_after.insert(it.key(), it.value());
        }
    }
    accept();
}

} // namespace HumasUi
