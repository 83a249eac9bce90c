#include "master/holidaycsv.h"
#include "master/referencerepositories.h"
#include "store/changewriter.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

class TestHolidayCsv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void cleanup() { ChangeWriter::setFaultHook({}); }

    void parsesTheShippedList()
    {
        QList<HolidayEntry> entries;
        QString error;
        QVERIFY2(HolidayCsv::readFile(HumasTest::sourceDir() + "/resources/seed/holidays-id.csv", &entries, &error),
                 qPrintable(error));
        QCOMPARE(entries.size(), 53);
        QCOMPARE(entries.first().date, QString("2025-01-01"));
        QCOMPARE(entries.first().kind, QString("libur_nasional"));
        int cuti = 0;
        for (const HolidayEntry &e : entries)
            cuti += e.kind == "cuti_bersama";
        QVERIFY(cuti >= 10);
    }

    void shippedCopyMatchesSharedDomainFile()
    {
        QFile ours(HumasTest::sourceDir() + "/resources/seed/holidays-id.csv");
        QFile shared(HumasTest::sourceDir() + "/../shared/domain/holidays-id.csv");
        if (!shared.exists())
            QSKIP("../shared/domain is not beside this checkout");
        QVERIFY(ours.open(QIODevice::ReadOnly));
        QVERIFY(shared.open(QIODevice::ReadOnly));
        QCOMPARE(ours.readAll(), shared.readAll());
    }

    void malformedFilesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("message");
        const QByteArray header = "date,kind,name,source\n";
        QTest::newRow("bad header") << QByteArray("tanggal,jenis,nama\n2026-01-01,lokal,x\n") << "Line 1";
        QTest::newRow("bad date") << header + "2026-01-01,lokal,A,\n2026-13-01,lokal,B,\n"
                                  << "Line 3";
        QTest::newRow("unknown kind") << header + "2026-01-01,libur,A,\n"
                                      << "Line 2";
        QTest::newRow("too few fields") << header + "2026-01-01,lokal\n"
                                        << "Line 2";
        QTest::newRow("too many fields") << header + "2026-01-01,lokal,A,B,C\n"
                                         << "Line 2";
        QTest::newRow("empty name") << header + "2026-01-01,lokal,,\n"
                                    << "Line 2";
        QTest::newRow("duplicate date") << header + "2026-01-01,lokal,A,\n2026-01-01,lokal,B,\n"
                                        << "Line 3";
        QTest::newRow("open quote") << header + "2026-01-01,lokal,\"A,\n"
                                    << "Line 2";
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("not utf8") << header + QByteArray("2026-01-01,lokal,\xff\xfe,\n") << "UTF-8";
    }

    void malformedFilesNameTheLine()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, message);
        QList<HolidayEntry> entries;
        QString error;
        QVERIFY(!HolidayCsv::parse(csv, &entries, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(entries.isEmpty());
    }

    void acceptsQuotesBomAndCrlf()
    {
        QList<HolidayEntry> entries;
        QString error;
        const QByteArray csv = "\xef\xbb\xbf"
                               "date,kind,name,source\r\n"
                               "2027-01-01,libur_nasional,\"Tahun Baru, 2027\",\"SKB \"\"draf\"\"\"\r\n";
        QVERIFY2(HolidayCsv::parse(csv, &entries, &error), qPrintable(error));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().name, QString("Tahun Baru, 2027"));
        QCOMPARE(entries.first().source, QString("SKB \"draf\""));
    }

    void importAddsUpdatesAndSkips()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const int before = t.count("holidays");
        QList<HolidayEntry> entries;
        QString error;
        QVERIFY(HolidayCsv::parse("date,kind,name,source\n"
                                  "2026-08-17,libur_nasional,Proklamasi Kemerdekaan,SKB\n" // renamed
                                  "2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB 2026\n"
                                  "2026-01-01,libur_nasional,Tahun Baru 2026 Masehi,SKB 3 Menteri 2025\n",
                                  &entries, &error));
        HolidayCsv::ImportResult result;
        QVERIFY2(HolidayCsv::import(t.db(), Actor::system(), entries, &result, &error), qPrintable(error));
        QCOMPARE(result.added, 1);
        QCOMPARE(result.updated + result.unchanged, 2);
        QCOMPARE(t.count("holidays"), before + 1);
        HolidayRepository repo(t.db(), Actor::system());
        QCOMPARE(repo.findBy("date", "2026-08-17").text("name"), QString("Proklamasi Kemerdekaan"));
        QCOMPARE(repo.countInYear(2027), 1);
    }

    void importIsAllOrNothing()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        const int holidays = t.count("holidays");
        const int outbox = t.count("outbox");
        QList<HolidayEntry> entries;
        QString error;
        QVERIFY(HolidayCsv::parse("date,kind,name,source\n2027-01-01,libur_nasional,A,\n2027-03-01,lokal,B,\n"
                                  "2027-05-01,libur_nasional,C,\n",
                                  &entries, &error));
        int writes = 0;
        ChangeWriter::setFaultHook([&](ChangeWriter::FaultPoint p) {
            return p == ChangeWriter::FaultPoint::AfterOutboxWrite && ++writes == 3;
        });
        QVERIFY(!HolidayCsv::import(t.db(), Actor::system(), entries, nullptr, &error));
        QCOMPARE(t.count("holidays"), holidays);
        QCOMPARE(t.count("outbox"), outbox);
    }

    void importNeedsTheRight()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        Actor protokol;
        protokol.username = "p";
        protokol.role = Role::Protokol;
        QList<HolidayEntry> entries{{"2027-01-01", "libur_nasional", "A", ""}};
        QString error;
        QVERIFY(!HolidayCsv::import(t.db(), protokol, entries, nullptr, &error));
        QVERIFY(error.contains("may not"));
    }

    void sizesAreCapped()
    {
        QCOMPARE(HolidayCsv::MaxRows, 20000);
        QByteArray csv = "date,kind,name,source\n";
        const QDate first(1990, 1, 1);
        for (int i = 0; i < HolidayCsv::MaxRows; ++i)
            csv += first.addDays(i).toString(Qt::ISODate).toUtf8() + ",lokal,Libur " + QByteArray::number(i) + ",\n";
        QList<HolidayEntry> entries;
        QString error;
        QVERIFY2(HolidayCsv::parse(csv, &entries, &error), qPrintable(error));
        QCOMPARE(entries.size(), HolidayCsv::MaxRows);
        // One row more is refused at that row (the header is line 1).
        const QByteArray tooMany =
            csv + first.addDays(HolidayCsv::MaxRows).toString(Qt::ISODate).toUtf8() + ",lokal,X,\n";
        QVERIFY(!HolidayCsv::parse(tooMany, &entries, &error));
        QVERIFY2(error.startsWith("Line 20002: ") && error.contains("more than"), qPrintable(error));
        // More bytes than a holiday list can need, refused before it is parsed.
        QByteArray huge = "date,kind,name,source\n2027-01-01,lokal,A,\n";
        huge += QByteArray(int(HolidayCsv::MaxFileBytes), ' ');
        QVERIFY(!HolidayCsv::parse(huge, &entries, &error));
        QVERIFY2(error.contains("at most 4 MB"), qPrintable(error));
        QTemporaryDir dir;
        QFile file(dir.filePath("huge.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(huge) == huge.size());
        file.close();
        QVERIFY(!HolidayCsv::readFile(file.fileName(), &entries, &error));
        QVERIFY2(error.contains("at most 4 MB"), qPrintable(error));

        // import() refuses a list over the cap however it was made, and writes nothing.
        TestDatabase t(TestDatabase::Seed::Base);
        const int holidays = t.count("holidays");
        const int outbox = t.count("outbox");
        QList<HolidayEntry> list;
        for (int i = 0; i <= HolidayCsv::MaxRows; ++i)
            list.append({first.addDays(i).toString(Qt::ISODate), "lokal", "Libur", ""});
        QVERIFY(!HolidayCsv::import(t.db(), Actor::system(), list, nullptr, &error));
        QVERIFY2(error.contains("more than"), qPrintable(error));
        QCOMPARE(t.count("holidays"), holidays);
        QCOMPARE(t.count("outbox"), outbox);
    }

    void reimportAfterDeleteRestoresTheSameId()
    {
        TestDatabase t(TestDatabase::Seed::Base);
        HolidayRepository repo(t.db(), Actor::system());
        const Record r = repo.findBy("date", "2026-12-25");
        QString error;
        QVERIFY(repo.remove(r.id, &error));
        QList<HolidayEntry> entries{{"2026-12-25", "libur_nasional", "Hari Raya Natal", "SKB"}};
        HolidayCsv::ImportResult result;
        QVERIFY2(HolidayCsv::import(t.db(), Actor::system(), entries, &result, &error), qPrintable(error));
        QCOMPARE(result.added, 1);
        QCOMPARE(repo.findBy("date", "2026-12-25").id, r.id);
    }
};

QTEST_GUILESS_MAIN(TestHolidayCsv)
#include "tst_holidaycsv.moc"
