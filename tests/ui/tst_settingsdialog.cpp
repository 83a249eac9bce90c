#include "common/settingsdialog.h"
#include "ppid/registrationnumber.h"
#include "settings/appsettings.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QtTest>

using HumasTest::TestDatabase;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void administratorSavesRegencySettings()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor admin = db.addUser("admin1", "admin");
        HumasUi::SettingsDialog dialog(db.db(), admin);
        QVERIFY(!dialog.isReadOnly());
        auto *name = dialog.findChild<QLineEdit *>("regencyNameEdit");
        name->setText("Kabupaten Contoh");
        dialog.findChild<QPlainTextEdit *>("letterheadEdit")
            ->setPlainText("PEMERINTAH KABUPATEN CONTOH\nSEKRETARIAT DAERAH\n\n");
        auto *zone = dialog.findChild<QComboBox *>("timeZoneCombo");
        zone->setCurrentIndex(zone->findData("WIT"));
        dialog.findChild<QCheckBox *>("cutiBersamaCheck")->setChecked(true);
        QCOMPARE(dialog.findChild<QTimeEdit *>("workStartEdit")->time(), QTime(7, 30));
        dialog.findChild<QTimeEdit *>("workStartEdit")->setTime(QTime(8, 0));
        dialog.findChild<QTimeEdit *>("workEndEdit")->setTime(QTime(15, 30));

        const QString emblem = db.dir() + "/lambang.png";
        QImage image(32, 32, QImage::Format_ARGB32);
        image.fill(Qt::darkGreen);
        QVERIFY(image.save(emblem));
        QVERIFY(dialog.setEmblemFile(emblem));
        QVERIFY(!dialog.findChild<QLabel *>("emblemPreview")->pixmap().isNull());

        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const Humas::AppSettings settings(db.db(), admin);
        QCOMPARE(settings.regencyName(), QString("Kabupaten Contoh"));
        QCOMPARE(settings.letterheadLines(), QStringList({"PEMERINTAH KABUPATEN CONTOH", "SEKRETARIAT DAERAH"}));
        QCOMPARE(settings.timeZoneCode(), QString("WIT"));
        QVERIFY(settings.cutiBersamaIsWorkingDay());
        QCOMPARE(settings.workStart(), QTime(8, 0));
        QCOMPARE(settings.workEnd(), QTime(15, 30));
        QVERIFY(!settings.emblem().isEmpty());
    }

    void ppidNumberPatternAndDeskCode()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor admin = db.addUser("admin1", "admin");
        {
            HumasUi::SettingsDialog dialog(db.db(), admin);
            dialog.show();
            QCOMPARE(dialog.findChild<QLineEdit *>("deskCodeEdit")->text(),
                     Humas::RegistrationNumber::deskCode(db.db()));
            dialog.findChild<QLineEdit *>("ppidPatternEdit")->setText("{seq:4}/{unknown}/{year}");
            QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
            QVERIFY(dialog.isVisible());
            QVERIFY(!dialog.errorText().isEmpty());
            dialog.findChild<QLineEdit *>("ppidPatternEdit")->setText("{seq:4}/PPID-PARIMO/{year}");
            dialog.findChild<QLineEdit *>("deskCodeEdit")->setText("lt2");
            QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QCOMPARE(Humas::AppSettings(db.db(), admin).ppidNumberPattern(), QString("{seq:4}/PPID-PARIMO/{year}"));
        QCOMPARE(Humas::RegistrationNumber::deskCode(db.db()), QString("LT2"));
        // Others see both, read-only.
        HumasUi::SettingsDialog other(db.db(), db.addUser("ppid1", "ppid"));
        QVERIFY(other.findChild<QLineEdit *>("deskCodeEdit")->isReadOnly());
        QVERIFY(other.findChild<QLineEdit *>("ppidPatternEdit")->isReadOnly());
    }

    void workingDayMustEndAfterItStarts()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor admin = db.addUser("admin1", "admin");
        HumasUi::SettingsDialog dialog(db.db(), admin);
        dialog.show();
        dialog.findChild<QTimeEdit *>("workStartEdit")->setTime(QTime(16, 0));
        dialog.findChild<QTimeEdit *>("workEndEdit")->setTime(QTime(8, 0));
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains("end after"), qPrintable(dialog.errorText()));
        QCOMPARE(Humas::AppSettings(db.db(), admin).workStart(), QTime(7, 30));
    }

    void refusalKeepsTheDialogOpen()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        const Humas::Actor admin = db.addUser("admin1", "admin");
        const QString before = Humas::AppSettings(db.db(), admin).regencyName();
        HumasUi::SettingsDialog dialog(db.db(), admin);
        dialog.show();
        dialog.findChild<QLineEdit *>("regencyNameEdit")->clear();
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.errorText().contains("must not be empty"), qPrintable(dialog.errorText()));
        QCOMPARE(Humas::AppSettings(db.db(), admin).regencyName(), before);
    }

    void othersSeeRegencySettingsReadOnly()
    {
        TestDatabase db(TestDatabase::Seed::ParigiMoutong);
        HumasUi::SettingsDialog dialog(db.db(), db.addUser("ani", "protokol"));
        QVERIFY(dialog.isReadOnly());
        QVERIFY(!dialog.findChild<QPushButton *>("saveButton"));
        QVERIFY(dialog.findChild<QLineEdit *>("regencyNameEdit")->isReadOnly());
        QVERIFY(!dialog.findChild<QComboBox *>("timeZoneCombo")->isEnabled());
        QVERIFY(!dialog.findChild<QPushButton *>("emblemButton")->isEnabled());
        QVERIFY(dialog.findChild<QComboBox *>("languageCombo")->isEnabled());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
