#include "common/mainwindow.h"
#include "common/placeholderpage.h"
#include "common/settingsdialog.h"
#include "common/translations.h"
#include "master/datamasterpage.h"
#include "master/recordtab.h"
#include "mockclock.h"
#include "settings/localpreferences.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

using HumasTest::TestDatabase;
using HumasUi::MainWindow;

namespace {

/**
 * Marks every string of our own contexts, so a test can see that each visible text really
 * goes through tr() and is set again on a language change, whatever the .ts holds.
 */
class PseudoTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        const QByteArray ctx(context);
        if (!ctx.startsWith("HumasUi::") && !ctx.startsWith("Humas::"))
            return {};
        return QStringLiteral("[[") + QString::fromUtf8(sourceText) + QStringLiteral("]]");
    }
    bool isEmpty() const override { return false; }
};

bool isMarked(const QString &text)
{
    return text.contains("[[") && text.contains("]]");
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

    static QString sidebarText(MainWindow &w, int row)
    {
        return w.findChild<QListWidget *>("sidebar")->item(row)->text();
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void cleanup() { Humas::Translations::setLanguage("en"); }

    void everyVisibleTextIsRetranslatedLive()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *placeholder = qobject_cast<HumasUi::PlaceholderPage *>(window.page("news"));
        HumasUi::RecordTab *opd = window.dataMasterPage()->tab("opd");
        const QString englishHeader = opd->view()->model()->headerData(0, Qt::Horizontal).toString();

        PseudoTranslator pseudo;
        QVERIFY(QCoreApplication::installTranslator(&pseudo));
        // QApplication posts LanguageChange to each window, so the texts change on the next event loop.
        QTRY_VERIFY2(isMarked(sidebarText(window, 1)), qPrintable(sidebarText(window, 1)));
        for (int row = 0; row < 6; ++row)
            QVERIFY2(isMarked(sidebarText(window, row)), qPrintable(sidebarText(window, row)));
        const auto menus = window.menuBar()->actions();
        for (QAction *menu : menus)
            QVERIFY2(isMarked(menu->text()), qPrintable(menu->text()));
        for (const char *name : {"statusDatabase", "statusUser", "statusSync"}) {
            const QString text = window.findChild<QLabel *>(name)->text();
            QVERIFY2(isMarked(text), qPrintable(text));
        }
        QVERIFY(isMarked(placeholder->title()));
        QVERIFY(isMarked(placeholder->description()));
        QVERIFY(isMarked(placeholder->statusText()));
        QVERIFY(isMarked(window.dataMasterPage()->tabs()->tabText(0)));
        QVERIFY(isMarked(opd->view()->model()->headerData(0, Qt::Horizontal).toString()));
        QVERIFY(isMarked(window.windowTitle()));

        QVERIFY(QCoreApplication::removeTranslator(&pseudo));
        QTRY_COMPARE(sidebarText(window, 1), QString("Information Service"));
        QCOMPARE(placeholder->statusText(), QString("Not available yet"));
        QCOMPARE(opd->view()->model()->headerData(0, Qt::Horizontal).toString(), englishHeader);
    }

    void switchesBetweenIndonesianAndEnglish()
    {
        HumasTest::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(1, 0), Qt::UTC));
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        MainWindow window(db.db(), db.addUser("admin1", "admin"));
        window.show();
        auto *today = window.findChild<QLabel *>("todayLabel");

        QVERIFY(Humas::Translations::setLanguage("en"));
        QCOMPARE(sidebarText(window, 1), QString("Information Service"));
        QCOMPARE(today->text(), QString("Monday, 23 November 2026"));

        QVERIFY(Humas::Translations::setLanguage("id")); // announces the change itself
        QTRY_COMPARE(today->text(), QString("Senin, 23 November 2026"));
        QTRY_COMPARE(sidebarText(window, 1), QString("Layanan Informasi"));

        QVERIFY(Humas::Translations::setLanguage("en")); // removing the translator announces the change
        QTRY_COMPARE(sidebarText(window, 1), QString("Information Service"));
        QTRY_COMPARE(today->text(), QString("Monday, 23 November 2026"));

        QVERIFY(Humas::Translations::setLanguage("id"));
        QTRY_COMPARE(today->text(), QString("Senin, 23 November 2026"));
        QTRY_COMPARE(sidebarText(window, 1), QString("Layanan Informasi"));
    }

    void settingsDialogSwitchesAndRemembersTheLanguage()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor reader = db.addUser("bupati", "pimpinan");
        MainWindow window(db.db(), reader);
        QVERIFY(Humas::Translations::setLanguage("en"));
        HumasUi::SettingsDialog dialog(db.db(), reader, &window);
        auto *combo = dialog.findChild<QComboBox *>("languageCombo");
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toString(), QString("en"));

        const int indonesian = combo->findData("id");
        combo->setCurrentIndex(indonesian);
        Q_EMIT combo->activated(indonesian);
        QCOMPARE(Humas::Translations::language(), QString("id"));
        QCOMPARE(Humas::LocalPreferences().language(), QString("id"));
        QCOMPARE(QLocale().language(), QLocale::Indonesian);

        const int english = combo->findData("en");
        combo->setCurrentIndex(english);
        Q_EMIT combo->activated(english);
        QCOMPARE(Humas::Translations::language(), QString("en"));
        QCOMPARE(Humas::LocalPreferences().language(), QString("en"));
        QCOMPARE(QLocale().language(), QLocale::English);
        QTRY_COMPARE(sidebarText(window, 1), QString("Information Service"));
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
