// The fault harness itself (tests/support/faultinjection.h): each fault does what it says to
// the hub behind it, and the same seed gives the same faults.

#include "faultinjection.h"

#include <QtTest>

using namespace Humas;
using namespace HumasTest;

namespace {

/** Counts what reaches the "hub" and answers every op as applied. */
class CountingTransport : public SyncTransport
{
public:
    int hellos = 0, pushes = 0, pulls = 0, blobs = 0;
    QStringList pushedOps; // op ids in arrival order

    bool hello(const QString &, HelloReply *reply, QString *) override
    {
        ++hellos;
        reply->hubId = "hub";
        return true;
    }
    bool push(const PushRequest &request, PushReply *reply, QString *) override
    {
        ++pushes;
        reply->results.clear();
        for (const SyncOp &op : request.ops) {
            pushedOps << op.opId;
            OpResult r;
            r.opId = op.opId;
            r.status = "applied";
            reply->results << r;
        }
        return true;
    }
    bool pull(const QString &, int, PullReply *, QString *) override
    {
        ++pulls;
        return true;
    }
    bool missingBlobs(const QStringList &hashes, QStringList *missing, QString *) override
    {
        *missing = hashes;
        return true;
    }
    bool putBlob(const QString &, const QByteArray &, const QString &, QString *) override
    {
        ++blobs;
        return true;
    }
    bool getBlob(const QString &, QByteArray *, QString *, QString *) override { return true; }
};

PushRequest request(int n)
{
    PushRequest r;
    r.site = "site";
    SyncOp op;
    op.opId = QString("op-%1").arg(n);
    r.ops << op;
    return r;
}

} // namespace

class TestFaultInjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noFaultsPassThrough()
    {
        CountingTransport hub;
        FaultInjectingTransport t(hub, 1);
        PushReply reply;
        QString error;
        for (int i = 0; i < 100; ++i)
            QVERIFY(t.push(request(i), &reply, &error));
        QCOMPARE(hub.pushes, 100);
        QCOMPARE(t.counts().requests, 100);
        QCOMPARE(t.counts().dropped + t.counts().lostReplies + t.counts().duplicated + t.counts().delayed, 0);
    }

    void dropNeverReachesTheHub()
    {
        CountingTransport hub;
        FaultInjectingTransport t(hub, 2, {1.0, 0, 0, 0});
        PushReply reply;
        PullReply page;
        HelloReply hello;
        QString error;
        QVERIFY(!t.push(request(1), &reply, &error));
        QVERIFY(!t.pull("0", 10, &page, &error));
        QVERIFY(!t.hello("site", &hello, &error));
        QVERIFY(error.contains("fault injected"));
        QCOMPARE(hub.pushes + hub.pulls + hub.hellos, 0);
        QCOMPARE(t.counts().dropped, 3);
    }

    void lostReplyReachesTheHub()
    {
        CountingTransport hub;
        FaultInjectingTransport t(hub, 3, {0, 1.0, 0, 0});
        int observed = 0;
        t.setPushObserver([&](const PushRequest &, const PushReply &r) { observed += int(r.results.size()); });
        PushReply reply;
        QString error;
        QVERIFY(!t.push(request(1), &reply, &error));
        QCOMPARE(hub.pushes, 1);
        QCOMPARE(observed, 1); // the hub judged it although the client heard nothing
        QVERIFY(reply.results.isEmpty());
    }

    void duplicateReachesTheHubTwice()
    {
        CountingTransport hub;
        FaultInjectingTransport t(hub, 4, {0, 0, 1.0, 0});
        PushReply reply;
        QString error;
        QVERIFY(t.push(request(1), &reply, &error));
        QCOMPARE(hub.pushes, 2);
        QCOMPARE(hub.pushedOps, QStringList({"op-1", "op-1"}));
        QCOMPARE(reply.results.size(), 1);
    }

    void delayedPushArrivesLaterOutOfOrder()
    {
        CountingTransport hub;
        FaultInjectingTransport t(hub, 5, {0, 0, 0, 1.0});
        PushReply reply;
        QString error;
        QVERIFY(!t.push(request(1), &reply, &error));
        QCOMPARE(hub.pushes, 0);
        QCOMPARE(t.heldCount(), 1);
        t.setRates({});
        // Newer requests go first; the held one arrives at some later request or at deliverHeld().
        for (int i = 2; i < 10; ++i)
            QVERIFY(t.push(request(i), &reply, &error));
        QVERIFY(t.deliverHeld(&error));
        QCOMPARE(t.heldCount(), 0);
        QCOMPARE(hub.pushes, 9);
        QVERIFY(hub.pushedOps.contains("op-1"));
        QVERIFY(hub.pushedOps.first() != "op-1");
    }

    void sameSeedSameFaults()
    {
        auto run = [](quint32 seed) -> QString {
            CountingTransport hub;
            FaultInjectingTransport t(hub, seed, {0.1, 0.1, 0.05, 0.05});
            QString trace;
            PushReply reply;
            QString error;
            for (int i = 0; i < 200; ++i)
                trace += t.push(request(i), &reply, &error) ? '+' : '-';
            return trace + hub.pushedOps.join(',');
        };
        QCOMPARE(run(7), run(7));
        QVERIFY(run(7) != run(8));
    }
};

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
