#include "demo/demogenerator.h"
#include "master/seeder.h"
#include "mockclock.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QtTest>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

QStringList column(Database &db, const QString &sql)
{
    QStringList out;
    QSqlQuery q(db.connection());
    q.exec(sql);
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace

class TestDemoGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }

    void generatesRealisticRows()
    {
        HumasTest::MockClock clock;
        TestDatabase t;
        QString summary;
        QString error;
        int lastProgress = 0;
        QVERIFY2(DemoGenerator(t.db(), 7).generate(300, 120, 0, &summary, &error,
                                                   [&](int done, int total) {
                                                       QVERIFY(done >= lastProgress);
                                                       QCOMPARE(total, 420);
                                                       lastProgress = done;
                                                   }),
                 qPrintable(error));
        QCOMPARE(lastProgress, 420);
        QVERIFY(Seeder::isInitialized(t.db())); // seeded with the preset on the way
        QCOMPARE(t.count("events"), 300);
        QCOMPARE(t.count("ppid_requests"), 120);
        QCOMPARE(t.count("events", "ends_at <= starts_at"), 0);
        QCOMPARE(t.count("events", "officials_attending = '[]'"), 0);
        QCOMPARE(t.count("outbox", "entity = 'events'"), 300); // demo rows sync like any other
        const QStringList niks = column(t.db(), "SELECT requester_nik FROM ppid_requests");
        const QRegularExpression nik("^7208[0-9]{12}$");
        for (const QString &n : niks)
            QVERIFY2(nik.match(n).hasMatch(), qPrintable(n));
        const QStringList numbers = column(t.db(), "SELECT reg_number FROM ppid_requests");
        QCOMPARE(QSet<QString>(numbers.begin(), numbers.end()).size(), numbers.size());
        QVERIFY(numbers.first().contains("/PPID/"));
        QVERIFY(summary.contains("300"));
    }

    void sameSeedSameData()
    {
        HumasTest::MockClock clock;
        TestDatabase a;
        TestDatabase b;
        QString error;
        QVERIFY(DemoGenerator(a.db(), 99).generate(50, 30, 0, nullptr, &error));
        QVERIFY(DemoGenerator(b.db(), 99).generate(50, 30, 0, nullptr, &error));
        const QString events = "SELECT id || title || starts_at || venue_id FROM events ORDER BY id";
        const QString requests = "SELECT id || reg_number || requester_name FROM ppid_requests ORDER BY id";
        QCOMPARE(column(a.db(), events), column(b.db(), events));
        QCOMPARE(column(a.db(), requests), column(b.db(), requests));
        TestDatabase c;
        QVERIFY(DemoGenerator(c.db(), 100).generate(50, 30, 0, nullptr, &error));
        QVERIFY(column(a.db(), events) != column(c.db(), events));
    }

    void newsIsSkippedHonestly()
    {
        TestDatabase t;
        QString summary;
        QString error;
        QVERIFY(DemoGenerator(t.db(), 1).generate(1, 1, 5, &summary, &error));
        QVERIFY2(summary.contains("skipped"), qPrintable(summary));
    }

    void refusesBadCounts()
    {
        TestDatabase t;
        QString error;
        QVERIFY(!DemoGenerator(t.db(), 1).generate(-1, 0, 0, nullptr, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(t.count("outbox"), 0);
    }

    void sameSeedTwiceIsRefusedClearly()
    {
        HumasTest::MockClock clock;
        TestDatabase t;
        QString error;
        QVERIFY(DemoGenerator(t.db(), 5).generate(10, 10, 0, nullptr, &error));
        QVERIFY(!DemoGenerator(t.db(), 5).generate(10, 10, 0, nullptr, &error));
        QVERIFY2(error.contains("another seed"), qPrintable(error));
        QCOMPARE(t.count("events"), 10);
    }

    void secondRunContinuesNumbering()
    {
        HumasTest::MockClock clock;
        TestDatabase t;
        QString error;
        QVERIFY(DemoGenerator(t.db(), 1).generate(0, 40, 0, nullptr, &error));
        QVERIFY2(DemoGenerator(t.db(), 2).generate(0, 40, 0, nullptr, &error), qPrintable(error));
        QCOMPARE(t.count("ppid_requests"), 80);
    }
};

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
