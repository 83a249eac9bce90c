#include "serversignindialog.h"

#include "common/messagebox.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>
#include <utility>

namespace HumasUi {

namespace {
std::optional<std::pair<QString, QString>> s_nextAnswer;
}

bool ServerSignInDialog::ask(QWidget *parent, const QString &server, QString *username, QString *password)
{
    if (s_nextAnswer) {
        const auto answer = *s_nextAnswer;
        s_nextAnswer.reset();
        if (answer.first.isNull())
            return false;
        *username = answer.first;
        *password = answer.second;
        return true;
    }
    ServerSignInDialog dialog(server, *username, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *username = dialog.username();
    *password = dialog.password();
    return true;
}

void ServerSignInDialog::setNextAnswer(const QString &username, const QString &password)
{
    s_nextAnswer = std::make_pair(username, password);
}

ServerSignInDialog::ServerSignInDialog(const QString &server, const QString &username, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("serverSignInDialog"));
    setWindowTitle(tr("Sign in to the server"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Sign in to %1 with your own HumasDesk user name and password. The password is not "
                                "stored on this PC.")
                                 .arg(server),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_username = new QLineEdit(username, this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    auto *userLabel = new QLabel(tr("&User name:"), this);
    userLabel->setBuddy(m_username);
    auto *passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    form->addRow(userLabel, m_username);
    form->addRow(passwordLabel, m_password);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *ok = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(QStringLiteral("okButton"));
    ok->setDefault(true);
    buttons->addButton(MessageBox::buttonText(QMessageBox::Cancel), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update = [this, ok] {
        ok->setEnabled(!m_username->text().trimmed().isEmpty() && !m_password->text().isEmpty());
    };
    connect(m_username, &QLineEdit::textChanged, this, update);
    connect(m_password, &QLineEdit::textChanged, this, update);
    update();
    layout->addWidget(buttons);
    (username.isEmpty() ? m_username : m_password)->setFocus();
}

QString ServerSignInDialog::username() const
{
    return m_username->text().trimmed();
}

QString ServerSignInDialog::password() const
{
    return m_password->text();
}

} // namespace HumasUi
