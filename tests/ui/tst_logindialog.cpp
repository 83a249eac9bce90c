#include "auth/userrepository.h"
#include "common/firstadmindialog.h"
#include "common/logindialog.h"
#include "settings/localpreferences.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using HumasTest::TestDatabase;

class TestLoginDialog : public QObject
{
    Q_OBJECT

    static void fill(QDialog &dialog, const char *name, const QString &text)
    {
        auto *edit = dialog.findChild<QLineEdit *>(name);
        QVERIFY2(edit, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    static void click(QDialog &dialog, const char *name)
    {
        QTest::mouseClick(dialog.findChild<QPushButton *>(name), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void wrongPasswordShowsTheError()
    {
        TestDatabase db(TestDatabase::Seed::Base);
        db.addUser("ani", "protokol", "rahasia123");
        HumasUi::LoginDialog dialog(db.db());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *error = dialog.findChild<QLabel *>("errorLabel");
        QVERIFY(!error->isVisible());

        fill(dialog, "usernameEdit", "ani");
        fill(dialog, "passwordEdit", "salah-sekali");
        click(dialog, "loginButton");
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QString("The user name or password is wrong."));
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.findChild<QLineEdit *>("passwordEdit")->text().isEmpty());
        QVERIFY(!dialog.actor().isValid());

        // An unknown user gets the same message, so it does not reveal which names exist.
        fill(dialog, "usernameEdit", "budi");
        fill(dialog, "passwordEdit", "rahasia123");
        click(dialog, "loginButton");
        QCOMPARE(error->text(), QString("The user name or password is wrong."));
        QCOMPARE(accepted.count(), 0);
    }

    void rightPasswordSignsIn()
    {
        TestDatabase db(TestDatabase::Seed::Base);
        const Humas::Actor expected = db.addUser("ani", "protokol", "rahasia123");
        HumasUi::LoginDialog dialog(db.db());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        fill(dialog, "usernameEdit", "ani");
        fill(dialog, "passwordEdit", "rahasia123");
        QTest::keyClick(dialog.findChild<QLineEdit *>("passwordEdit"), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.actor().username, QString("ani"));
        QCOMPARE(dialog.actor().userId, expected.userId);
        QVERIFY(!dialog.actor().userId.isEmpty());
        QCOMPARE(dialog.actor().role, Humas::Role::Protokol);

        QCOMPARE(Humas::LocalPreferences().lastUsername(), QString("ani"));
        HumasUi::LoginDialog next(db.db());
        QCOMPARE(next.findChild<QLineEdit *>("usernameEdit")->text(), QString("ani"));
    }

    void firstAdminDialogCreatesTheAdministrator()
    {
        TestDatabase db(TestDatabase::Seed::Base);
        Humas::UserRepository users(db.db(), Humas::Actor::system());
        QVERIFY(users.needsFirstAdmin());
        HumasUi::FirstAdminDialog dialog(db.db());
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        dialog.show();
        auto *error = dialog.findChild<QLabel *>("errorLabel");

        fill(dialog, "usernameEdit", "admin");
        fill(dialog, "fullNameEdit", "Admin Humas");
        fill(dialog, "passwordEdit", "kuat-sekali-1");
        fill(dialog, "repeatEdit", "kuat-sekali-2");
        click(dialog, "createButton");
        QCOMPARE(error->text(), QString("The two passwords are not the same."));
        QVERIFY(users.needsFirstAdmin());

        fill(dialog, "passwordEdit", "pendek");
        fill(dialog, "repeatEdit", "pendek");
        click(dialog, "createButton");
        QVERIFY2(error->text().contains("at least 8"), qPrintable(error->text()));
        QCOMPARE(db.count("users"), 0);

        fill(dialog, "passwordEdit", "kuat-sekali-1");
        fill(dialog, "repeatEdit", "kuat-sekali-1");
        click(dialog, "createButton");
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!users.needsFirstAdmin());
        QCOMPARE(dialog.actor().role, Humas::Role::Admin);
        QCOMPARE(dialog.actor().username, QString("admin"));
        Humas::Actor signedIn;
        QString message;
        QVERIFY2(users.authenticate("admin", "kuat-sekali-1", &signedIn, &message), qPrintable(message));
        QCOMPARE(signedIn.userId, dialog.actor().userId);
        QCOMPARE(db.count("users", "username = 'admin' AND display_name = 'Admin Humas' AND role = 'admin'"), 1);
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
