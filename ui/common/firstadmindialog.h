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
 * The first start: creates the administrator account (UserRepository::createFirstAdmin)
 * and signs that administrator in, so the person is not asked for the password they just
 * typed twice. actor() is the new administrator after acceptance.
 */
class FirstAdminDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FirstAdminDialog(Humas::Database &db, QWidget *parent = nullptr);

    Humas::Actor actor() const { return m_actor; }
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void create();
    void retranslateUi();

    Humas::Database &m_db;
    Humas::Actor m_actor;
    QLabel *m_intro;
    QLabel *m_usernameLabel;
    QLabel *m_fullNameLabel;
    QLabel *m_passwordLabel;
    QLabel *m_repeatLabel;
    QLineEdit *m_username;
    QLineEdit *m_fullName;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    ErrorLabel *m_error;
    QPushButton *m_create;
    QPushButton *m_cancel;
};

} // namespace HumasUi
