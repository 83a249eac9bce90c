#include "settings/appsettings.h"
#include "store/changewriter.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QBuffer>
#include <QImage>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestAppSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void defaults()
    {
        TestDatabase t;
        AppSettings s(t.db(), Actor::system());
        QCOMPARE(s.timeZoneCode(), QString("WITA"));
        QCOMPARE(s.timeZone().offsetFromUtc(QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC)), 8 * 3600);
        QVERIFY(!s.cutiBersamaIsWorkingDay());
        QVERIFY(!s.regencyName().isEmpty());
        QCOMPARE(s.letterheadLines().size(), 2);
        QVERIFY(s.emblem().isEmpty());
        QCOMPARE(s.workStart(), QTime(7, 30));
        QCOMPARE(s.workEnd(), QTime(16, 0));
    }

    void workingHours()
    {
        TestDatabase t;
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY(s.setValues({{AppSettings::WorkStart, "08:00"}, {AppSettings::WorkEnd, "15:30"}}, &error));
        QCOMPARE(s.workStart(), QTime(8, 0));
        QCOMPARE(s.workEnd(), QTime(15, 30));
        QVERIFY(!s.setValue(AppSettings::WorkEnd, "setengah empat", &error));
        QVERIFY(error.contains("HH:MM"));
        // An end before the start falls back to the defaults rather than an empty day.
        QVERIFY(s.setValue(AppSettings::WorkEnd, "07:00", &error));
        QCOMPARE(s.workStart(), QTime(7, 30));
        QCOMPARE(s.workEnd(), QTime(16, 0));
    }

    void storesAndValidates()
    {
        TestDatabase t;
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY(
            s.setValues({{AppSettings::RegencyName, "Kabupaten Contoh"},
                         {AppSettings::TimeZoneCode, "WIT"},
                         {AppSettings::CutiBersamaWorking, "1"},
                         {AppSettings::Letterhead, "PEMERINTAH KABUPATEN CONTOH\nSEKRETARIAT DAERAH\nBAGIAN HUMAS"}},
                        &error));
        QCOMPARE(s.timeZoneCode(), QString("WIT"));
        QCOMPARE(s.timeZone().offsetFromUtc(QDateTime::currentDateTimeUtc()), 9 * 3600);
        QVERIFY(s.cutiBersamaIsWorkingDay());
        QCOMPARE(s.letterheadLines().size(), 3);
        const int outbox = t.count("outbox");
        QVERIFY(!s.setValues({{AppSettings::RegencyName, "Baru"}, {AppSettings::TimeZoneCode, "GMT"}}, &error));
        QVERIFY(error.contains("WIB"));
        QCOMPARE(s.regencyName(), QString("Kabupaten Contoh")); // nothing of the batch was written
        QCOMPARE(t.count("outbox"), outbox);
        QVERIFY(!s.setValue(AppSettings::CutiBersamaWorking, "ya", &error));
        QVERIFY(!s.setValue(AppSettings::RegencyName, " ", &error));
        QVERIFY(!s.setValue(AppSettings::RegencyName, "Kabupaten \x1b[2JContoh", &error));
        QVERIFY2(error.contains("control character"), qPrintable(error));
        QVERIFY(!s.setValue(AppSettings::Letterhead, QString(100 * 1024, 'x'), &error));
        QVERIFY2(error.contains("too long"), qPrintable(error));
        // Updating a key keeps one row per key, synced through the outbox.
        QVERIFY(s.setValue(AppSettings::TimeZoneCode, "WIB", &error));
        QCOMPARE(t.count("settings", "key = 'timezone'"), 1);
        QCOMPARE(t.count("outbox"), outbox + 1);
    }

    void emblemMustBeAnImage()
    {
        TestDatabase t;
        AppSettings s(t.db(), Actor::system());
        QString error;
        QVERIFY(!s.setEmblem("this is not an image", &error));
        QVERIFY(error.contains("image"));
        QImage image(64, 64, QImage::Format_ARGB32);
        image.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QVERIFY2(s.setEmblem(png, &error), qPrintable(error));
        QCOMPARE(s.emblem(), png);
        QCOMPARE(t.count("blobs"), 1);
        QVERIFY(s.setEmblem(png, &error)); // same content: stored once
        QCOMPARE(t.count("blobs"), 1);
    }

    // Issue 9: the settings form saves a patch against the values it was filled from.
    void staleFormKeepsAColleaguesSettingAndRefusesTheSameOne()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        AppSettings settings(t.db(), Actor::system());
        QString error;
        QVERIFY(settings.setValues({{AppSettings::RegencyName, "Kabupaten Parigi Moutong"}, {AppSettings::City, "Parigi"}},
                                   &error));
        const QMap<QString, QString> opened = {{AppSettings::RegencyName, "Kabupaten Parigi Moutong"},
                                               {AppSettings::City, "Parigi"},
                                               {AppSettings::OfficeAddress, ""}};
        // A colleague changes the city (and sets an address nobody had set).
        QVERIFY(settings.setValues(opened, {{AppSettings::City, "Parigi Kota"}, {AppSettings::OfficeAddress, "Jl. Trans Sulawesi"}},
                                   &error));
        // The stale form changes only the regency name: the colleague's values stay.
        QVERIFY2(settings.setValues(opened, {{AppSettings::RegencyName, "Kab. Parigi Moutong"}}, &error), qPrintable(error));
        QCOMPARE(settings.regencyName(), QString("Kab. Parigi Moutong"));
        QCOMPARE(settings.city(), QString("Parigi Kota"));
        QCOMPARE(settings.officeAddress(), QString("Jl. Trans Sulawesi"));
        // The same form changing the city or the address is refused with both values, nothing written.
        const int outbox = t.count("outbox");
        QList<StaleField> stale;
        QVERIFY(!settings.setValues(opened, {{AppSettings::City, "Tinombo"}, {AppSettings::Letterhead, "PEMERINTAH"}}, &error, &stale));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().field, QString(AppSettings::City));
        QVERIFY2(error.contains("\"Parigi Kota\"") && error.contains("\"Tinombo\""), qPrintable(error));
        QCOMPARE(t.count("outbox"), outbox);
        QCOMPARE(settings.value(AppSettings::Letterhead), QString()); // the other key rolled back too
        QVERIFY(!settings.setValues(opened, {{AppSettings::OfficeAddress, "Jl. Lain"}}, &error, &stale));
        QCOMPARE(settings.officeAddress(), QString("Jl. Trans Sulawesi"));
    }

    void settingIdsAreStable()
    {
        QCOMPARE(AppSettings::settingId("timezone"), AppSettings::settingId("timezone"));
        QVERIFY(AppSettings::settingId("timezone") != AppSettings::settingId("regency_name"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
