#pragma once

#include "auth/role.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Humas {
class Database;
}

namespace HumasUi {

class ErrorLabel;

/**
 * Asks for user name and password and checks them with UserRepository::authenticate. The
 * user name is prefilled with the last one used on this PC. On success actor() is the
 * signed-in user and the dialog is accepted; otherwise the message stays in "errorLabel".
 */
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(Humas::Database &db, QWidget *parent = nullptr);

    Humas::Actor actor() const { return m_actor; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void signIn();
    void retranslateUi();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QLabel *m_intro;
    QLabel *m_usernameLabel;
    QLabel *m_passwordLabel;
    QLineEdit *m_username;
    QLineEdit *m_password;
    ErrorLabel *m_error;
    QPushButton *m_signIn;
    QPushButton *m_cancel;
};

} // namespace HumasUi
