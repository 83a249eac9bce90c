#include "logindialog.h"

#include "auth/userrepository.h"
#include "common/errorlabel.h"
#include "settings/localpreferences.h"
#include "store/database.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace HumasUi {

LoginDialog::LoginDialog(Humas::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_intro(new QLabel(this)), m_usernameLabel(new QLabel(this)),
      m_passwordLabel(new QLabel(this)), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_error(new ErrorLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    m_intro->setWordWrap(true);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_usernameLabel->setBuddy(m_username);
    m_passwordLabel->setBuddy(m_password);

    auto *form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_passwordLabel, m_password);

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("loginButton"));
    m_signIn->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(380);

    m_username->setText(Humas::LocalPreferences().lastUsername());
    if (m_username->text().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
    retranslateUi();
}

QString LoginDialog::errorText() const
{
    return m_error->message();
}

void LoginDialog::signIn()
{
    Humas::UserRepository users(m_db, Humas::Actor());
    Humas::Actor actor;
    QString error;
    if (!users.authenticate(m_username->text(), m_password->text(), &actor, &error)) {
        m_error->showMessage(error);
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_actor = actor;
    Humas::LocalPreferences prefs;
    prefs.setLastUsername(actor.username);
    prefs.sync();
    accept();
}

void LoginDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void LoginDialog::retranslateUi()
{
    setWindowTitle(tr("Sign in — HumasDesk"));
    m_intro->setText(tr("Sign in with your HumasDesk user name and password."));
    m_usernameLabel->setText(tr("&User name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_signIn->setText(tr("Sign in"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace HumasUi
