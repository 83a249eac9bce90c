#include "firstadmindialog.h"

#include "auth/userrepository.h"
#include "common/errorlabel.h"
#include "common/textrules.h"
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

FirstAdminDialog::FirstAdminDialog(Humas::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_intro(new QLabel(this)), m_usernameLabel(new QLabel(this)),
      m_fullNameLabel(new QLabel(this)), m_passwordLabel(new QLabel(this)), m_repeatLabel(new QLabel(this)),
      m_username(new QLineEdit(this)), m_fullName(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new ErrorLabel(this))
{
    setObjectName(QStringLiteral("firstAdminDialog"));
    m_intro->setWordWrap(true);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_fullName->setObjectName(QStringLiteral("fullNameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    m_username->setMaxLength(Humas::UserRepository::MaximumUsernameLength);
    m_fullName->setMaxLength(Humas::TextRules::NameLength);
    m_password->setMaxLength(Humas::UserRepository::MaximumPasswordLength);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setMaxLength(Humas::UserRepository::MaximumPasswordLength);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_usernameLabel->setBuddy(m_username);
    m_fullNameLabel->setBuddy(m_fullName);
    m_passwordLabel->setBuddy(m_password);
    m_repeatLabel->setBuddy(m_repeat);

    auto *form = new QFormLayout;
    form->addRow(m_usernameLabel, m_username);
    form->addRow(m_fullNameLabel, m_fullName);
    form->addRow(m_passwordLabel, m_password);
    form->addRow(m_repeatLabel, m_repeat);

    auto *buttons = new QDialogButtonBox(this);
    m_create = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_create->setDefault(true);
    m_cancel = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    retranslateUi();
}

QString FirstAdminDialog::errorText() const
{
    return m_error->message();
}

void FirstAdminDialog::create()
{
    if (m_password->text() != m_repeat->text()) {
        m_error->showMessage(tr("The two passwords are not the same."));
        m_repeat->setFocus();
        return;
    }
    Humas::UserRepository users(m_db, Humas::Actor::system());
    QString error;
    if (!users.createFirstAdmin(m_username->text(), m_fullName->text(), m_password->text(), &error)) {
        m_error->showMessage(error);
        return;
    }
    Humas::Actor actor;
    if (!users.authenticate(m_username->text(), m_password->text(), &actor, &error)) {
        m_error->showMessage(error);
        return;
    }
    m_actor = actor;
    Humas::LocalPreferences prefs;
    prefs.setLastUsername(actor.username);
    prefs.sync();
    accept();
}

void FirstAdminDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void FirstAdminDialog::retranslateUi()
{
    setWindowTitle(tr("Welcome to HumasDesk"));
    m_intro->setText(tr("This database has no administrator yet. Create the administrator account; the "
                        "administrator then adds the other users in Master Data."));
    m_usernameLabel->setText(tr("&User name:"));
    m_fullNameLabel->setText(tr("&Full name:"));
    m_passwordLabel->setText(tr("&Password:"));
    m_repeatLabel->setText(tr("&Repeat password:"));
    m_password->setPlaceholderText(tr("At least %n characters", "", Humas::UserRepository::MinimumPasswordLength));
    m_create->setText(tr("Create account"));
    m_cancel->setText(tr("Cancel"));
}

} // namespace HumasUi
