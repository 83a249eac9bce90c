#include "common/hybridclock.h"
#include "mockclock.h"

#include <QtTest>

using Humas::HybridClock;

class TestHybridClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ticksIncreaseWhileTimeStandsStill()
    {
        HumasTest::MockClock clock;
        HybridClock hlc(&clock, "site-a");
        const QString a = hlc.tick();
        const QString b = hlc.tick();
        QVERIFY(a < b);
        clock.advance(1);
        const QString c = hlc.tick();
        QVERIFY(b < c);
        qint64 ms = 0;
        int logical = -1;
        QString site;
        QVERIFY(HybridClock::parse(c, &ms, &logical, &site));
        QCOMPARE(ms, clock.nowUtc().toMSecsSinceEpoch());
        QCOMPARE(logical, 0);
        QCOMPARE(site, QString("site-a"));
    }

    void clockGoingBackwardsDoesNotGoBack()
    {
        HumasTest::MockClock clock;
        HybridClock hlc(&clock, "s");
        const QString a = hlc.tick();
        clock.advance(-60000);
        QVERIFY(a < hlc.tick());
    }

    void observingARemoteStampMovesPastIt()
    {
        HumasTest::MockClock clock;
        HybridClock hlc(&clock, "local");
        const QString remote = HybridClock::format(clock.nowUtc().toMSecsSinceEpoch() + 3600000, 7, "remote");
        hlc.observe(remote);
        const QString next = hlc.tick();
        QVERIFY(remote.left(18) < next.left(18));
        hlc.observe("garbage"); // ignored
        QVERIFY(next < hlc.tick());
    }

    void parseRejectsMalformed()
    {
        QVERIFY(!HybridClock::parse("", nullptr, nullptr));
        QVERIFY(!HybridClock::parse("zzzzzzzzzzzzz-0000-x", nullptr, nullptr));
        QVERIFY(HybridClock::parse(HybridClock::format(1, 2, "x"), nullptr, nullptr));
    }
};

QTEST_GUILESS_MAIN(TestHybridClock)
#include "tst_hybridclock.moc"
