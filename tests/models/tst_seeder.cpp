#include "master/masterdata.h"
#include "master/referencerepositories.h"
#include "master/seeder.h"
#include "settings/appsettings.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QSqlQuery>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestSeeder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void baseSeed()
    {
        TestDatabase t;
        bool already = true;
        QString summary;
        QString error;
        QVERIFY2(Seeder::init(t.db(), QString(), &already, &summary, &error), qPrintable(error));
        QVERIFY(!already);
        QVERIFY(Seeder::isInitialized(t.db()));
        OfficialRepository officials(t.db(), Actor::system());
        QStringList codes;
        for (const Record &r : officials.list())
            codes << r.text("code");
        QCOMPARE(codes, (QStringList{"BUPATI", "WABUP", "SEKDA", "ASISTEN1", "ASISTEN2", "ASISTEN3"}));
        HolidayRepository holidays(t.db(), Actor::system());
        QVERIFY(holidays.countInYear(2025) >= 20);
        QVERIFY(holidays.countInYear(2026) >= 20);
        QCOMPARE(holidays.countInYear(2027), 0);
        const Record nyepi = holidays.findBy("date", "2026-03-19");
        QVERIFY(nyepi.isValid());
        QVERIFY(nyepi.text("name").contains("Nyepi"));
        QCOMPARE(t.count("kecamatan"), 0);
        AppSettings settings(t.db(), Actor::system());
        QCOMPARE(settings.timeZoneCode(), QString("WITA"));
        QVERIFY(!settings.cutiBersamaIsWorkingDay());
        QVERIFY(summary.contains("6"));
    }

    void parigiMoutongPreset()
    {
        TestDatabase t;
        QString summary;
        QString error;
        QVERIFY2(Seeder::init(t.db(), "parigi-moutong", nullptr, &summary, &error), qPrintable(error));
        QCOMPARE(t.count("kecamatan", "deleted = 0"), 23);
        OpdRepository opd(t.db(), Actor::system());
        QVERIFY(opd.findBy("code", "DISKOMINFO").isValid());
        QVERIFY(opd.findBy("code", "KEC-BOLANO-LAMBUNU").isValid());
        QVERIFY(opd.count() >= 50);
        AppSettings settings(t.db(), Actor::system());
        QCOMPARE(settings.regencyName(), QString("Kabupaten Parigi Moutong"));
        QCOMPARE(settings.letterheadLines().first(), QString("PEMERINTAH KABUPATEN PARIGI MOUTONG"));
    }

    void secondRunChangesNothing()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const int outbox = t.count("outbox");
        bool already = false;
        QString summary;
        QString error;
        QVERIFY(Seeder::init(t.db(), "parigi-moutong", &already, &summary, &error));
        QVERIFY(already);
        QVERIFY(summary.contains("nothing was changed"));
        QCOMPARE(t.count("outbox"), outbox);
        QCOMPARE(t.count("kecamatan"), 0);
    }

    void unknownPresetWritesNothing()
    {
        TestDatabase t;
        QString error;
        QVERIFY(!Seeder::init(t.db(), "atlantis", nullptr, nullptr, &error));
        QVERIFY(error.contains("atlantis"));
        QCOMPARE(t.count("outbox"), 0);
        QVERIFY(!Seeder::isInitialized(t.db()));
    }

    void seededIdsAgreeAcrossSites()
    {
        TestDatabase a(TestDatabase::Seed::ParigiMoutong);
        TestDatabase b(TestDatabase::Seed::ParigiMoutong);
        QVERIFY(a.db().siteId() != b.db().siteId());
        auto ids = [](Database &db, const QString &table) {
            QStringList out;
            QSqlQuery q(db.connection());
            q.exec("SELECT id FROM " + table + " ORDER BY id");
            while (q.next())
                out << q.value(0).toString();
            return out;
        };
        for (const char *table : {"officials", "holidays", "kecamatan", "opd", "settings"})
            QCOMPARE(ids(a.db(), QString::fromLatin1(table)), ids(b.db(), QString::fromLatin1(table)));
    }
};

QTEST_GUILESS_MAIN(TestSeeder)
#include "tst_seeder.moc"
