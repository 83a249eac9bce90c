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

    void reloadAfterChanges()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        RecordTableModel model(std::make_unique<OpdRepository>(t.db(), Actor::system()));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QString id;
        QString error;
        QVERIFY(model.repository()->insert({{"code", "B"}, {"name", "Bappeda"}}, &id, &error));
        QVERIFY(model.repository()->insert({{"code", "A"}, {"name", "Dinas Arsip"}}, &id, &error));
        model.reload();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, 1).data().toString(), QString("Bappeda")); // ordered by name
        QVERIFY(model.repository()->remove(id, &error));
        model.reload();
        QCOMPARE(model.rowCount(), 1);
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
