#pragma once

#include <QDialog>

class QLineEdit;

namespace HumasUi {

/**
 * "Sign in to the server": the user name (prefilled with the last one) and the password of the
 * user's own account at humasdesk-server. The password goes to the server once and is never
 * stored; the page keeps only the token the server issues.
 */
class ServerSignInDialog : public QDialog
{
    Q_OBJECT
public:
    ServerSignInDialog(const QString &server, const QString &username, QWidget *parent = nullptr);

    QString username() const;
    QString password() const;

    /** Shows the dialog; false when cancelled. The seam below answers without showing it. */
    static bool ask(QWidget *parent, const QString &server, QString *username, QString *password);
    /** The next ask() is not shown and returns these (a null @p username: cancelled); for tests. */
    static void setNextAnswer(const QString &username, const QString &password);

private:
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
};

} // namespace HumasUi
