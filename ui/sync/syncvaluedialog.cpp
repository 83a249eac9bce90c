#include "syncvaluedialog.h"

#include "common/messagebox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>

namespace HumasUi {

namespace {
std::optional<QString> s_nextAnswer;
}

bool SyncValueDialog::ask(QWidget *parent, const QString &what, const QString &mine, const QString &theirs,
                          const QString &start, QString *value)
{
    if (s_nextAnswer) {
        const QString answer = *s_nextAnswer;
        s_nextAnswer.reset();
        *value = answer;
        return !answer.isNull();
    }
    SyncValueDialog dialog(what, mine, theirs, start, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *value = dialog.value();
    return true;
}

void SyncValueDialog::setNextAnswer(const QString &value)
{
    s_nextAnswer = value;
}

SyncValueDialog::SyncValueDialog(const QString &what, const QString &mine, const QString &theirs, const QString &start,
                                 QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("syncValueDialog"));
    setWindowTitle(tr("Type another value"));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(what, this);
    header->setWordWrap(true);
    header->setTextFormat(Qt::PlainText);
    layout->addWidget(header);

    auto *form = new QFormLayout;
    auto *mineLabel = new QLabel(mine, this);
    auto *theirsLabel = new QLabel(theirs, this);
    for (QLabel *label : {mineLabel, theirsLabel}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    form->addRow(tr("Mine:"), mineLabel);
    form->addRow(tr("Theirs:"), theirsLabel);
    m_value = new QPlainTextEdit(this);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setTabChangesFocus(true);
    m_value->setPlainText(start);
    m_value->setAccessibleName(tr("New value"));
    m_value->setMaximumHeight(m_value->fontMetrics().lineSpacing() * 6);
    auto *valueLabel = new QLabel(tr("&New value:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, m_value);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("&Use this value"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setDefault(true);
    buttons->addButton(MessageBox::buttonText(QMessageBox::Cancel), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    m_value->setFocus();
    m_value->selectAll();
}

QString SyncValueDialog::value() const
{
    return m_value->toPlainText();
}

void SyncValueDialog::setValue(const QString &value)
{
    m_value->setPlainText(value);
}

} // namespace HumasUi
