#include "master/masterdata.h"
#include "master/recordtablemodel.h"
#include "master/referencerepositories.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestRecordTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        HumasTest::isolateEnvironment();
        QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    }

    void showsReferencesChoicesAndDates()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        const QString parigi = KecamatanRepository(t.db(), Actor::system()).findBy("name", "Parigi").id;
        QString id;
        QString error;
        QVERIFY(VenueRepository(t.db(), Actor::system())
                    .insert({{"name", "Aula Kantor Bupati"}, {"kecamatan_id", parigi}}, &id, &error));

        RecordTableModel venues(std::make_unique<VenueRepository>(t.db(), Actor::system()));
        QAbstractItemModelTester tester(&venues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(venues.rowCount(), 1);
        QCOMPARE(venues.columnCount(), 3);
        QCOMPARE(venues.index(0, 1).data().toString(), QString("Parigi")); // the name, not the id
        QCOMPARE(venues.index(0, 1).data(RecordTableModel::RawValueRole).toString(), parigi);
        QCOMPARE(venues.index(0, 0).data(RecordTableModel::IdRole).toString(), id);
        QCOMPARE(venues.rowOf(id), 0);

        RecordTableModel holidays(std::make_unique<HolidayRepository>(t.db(), Actor::system()));
        QAbstractItemModelTester tester2(&holidays, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(holidays.rowCount() >= 50);
        QCOMPARE(holidays.index(0, 0).data().toString(), QString("Rabu, 1 Januari 2025"));
        QCOMPARE(holidays.index(0, 0).data(Qt::EditRole).toString(), QString("2025-01-01"));
        QCOMPARE(holidays.headerData(0, Qt::Horizontal).toString(), MasterData::label("Date"));
    }

    // Issue 9: the model follows the store's ChangeFeed; nobody calls reload().
    void followsWritesWithoutReload()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        RecordTableModel model(std::make_unique<OpdRepository>(t.db(), Actor::system()));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        // Writes through another repository object on the same connection (another page, the sync).
        OpdRepository elsewhere(t.db(), Actor::system());
        QString id;
        QString other;
        QString error;
        QVERIFY(elsewhere.insert({{"code", "B"}, {"name", "Bappeda"}}, &id, &error));
        QVERIFY(elsewhere.insert({{"code", "A"}, {"name", "Dinas Arsip"}}, &other, &error));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 1).data().toString(), QString("Bappeda")); // ordered by name
        // An edit of a shown row is announced for that row only, without a reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY2(elsewhere.update(id, elsewhere.get(id).values, {{"name", "Bappelitbangda"}}, &error), qPrintable(error));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), model.rowOf(id));
        QCOMPARE(model.index(model.rowOf(id), 1).data().toString(), QString("Bappelitbangda"));
        // A delete removes the row.
        QVERIFY(elsewhere.remove(other, &error));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(other), -1);
        // A write to another table leaves the model alone.
        reset.clear();
        changed.clear();
        QVERIFY(KecamatanRepository(t.db(), Actor::system()).insert({{"name", "Sausu"}}, nullptr, &error));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void followsItsReferences()
    {
        TestDatabase t(TestDatabase::Seed::ParigiMoutong);
        KecamatanRepository kecamatan(t.db(), Actor::system());
        const QString parigi = kecamatan.findBy("name", "Parigi").id;
        QString error;
        QVERIFY(VenueRepository(t.db(), Actor::system())
                    .insert({{"name", "Aula Kantor Bupati"}, {"kecamatan_id", parigi}}, nullptr, &error));
        RecordTableModel venues(std::make_unique<VenueRepository>(t.db(), Actor::system()));
        QAbstractItemModelTester tester(&venues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(venues.index(0, 1).data().toString(), QString("Parigi"));
        QVERIFY2(kecamatan.update(parigi, kecamatan.get(parigi).values, {{"name", "Parigi Kota"}}, &error),
                 qPrintable(error));
        QCOMPARE(venues.index(0, 1).data().toString(), QString("Parigi Kota"));
    }

    void usersTableHidesThePassword()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        t.addUser("admin", "admin", "sandi-admin-1");
        RecordTableModel model(std::make_unique<RecordRepository>(t.db(), MasterData::users(), Actor::system()));
        for (int c = 0; c < model.columnCount(); ++c) {
            QVERIFY(model.columnField(c).name != "password");
            QVERIFY(!model.index(0, c).data().toString().startsWith("pbkdf2"));
        }
    }
};

QTEST_GUILESS_MAIN(TestRecordTableModel)
#include "tst_recordtablemodel.moc"
