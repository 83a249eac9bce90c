// Convergence: several PCs, seeded random edits on a few hot rows, one hub. Without faults
// the number of conflicts equals an oracle's count of concurrent same-field writes with
// different values; with dropped requests, lost replies and duplicates every copy still ends
// equal, every op is judged once and every conflict keeps both values.
#include "faultytransport.h"
#include "mockclock.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/hubstoretransport.h"
#include "sync/syncengine.h"
#include "synctestsupport.h"
#include "testdatabase.h"
#include "testenvironment.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QtTest>

#include <map>
#include <memory>

using namespace Humas;
using HumasTest::TestDatabase;

namespace {

const QStringList Fields = {"title", "notes", "staff", "dress_code"};
const QStringList Words = {"Rapat", "Upacara", "Kunjungan", "Peresmian", "Sosialisasi", "Dialog"};

QString scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return "<none>";
    return q.value(0).toString();
}

struct Edit
{
    int row;
    QString field;
    QString value;
    bool written = false; ///< false when the PC already held the value (no op is made)
};

} // namespace

class TestConvergence : public QObject
{
    Q_OBJECT

    std::unique_ptr<HumasTest::MockClock> m_clock;

    static void fast(Database &db)
    {
        QSqlQuery q(db.connection());
        q.exec("PRAGMA synchronous=OFF"); // test speed only: no crash is simulated here
    }

    /** @p clients sync in turn until nothing moves; with faults, failed rounds are simply retried. */
    static bool quiesce(QList<TestDatabase *> clients, QList<SyncTransport *> transports, int maxRounds = 200)
    {
        for (int round = 0; round < maxRounds; ++round) {
            bool allQuiet = true;
            for (int i = 0; i < clients.size(); ++i) {
                SyncEngine engine(clients[i]->db(), *transports[i]);
                const SyncReport r = engine.round();
                if (!r.ok || r.pushed > 0 || r.pulled > 0 || SyncEngine::waitingCount(clients[i]->db()) > 0)
                    allQuiet = false;
            }
            if (allQuiet)
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase() { HumasTest::isolateEnvironment(); }
    void init() { m_clock = std::make_unique<HumasTest::MockClock>(); }
    void cleanup() { m_clock.reset(); }

    void oracleCountsConflicts_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("clients");
        QTest::newRow("two clients, seed 1") << 1u << 2;
        QTest::newRow("three clients, seed 7") << 7u << 3;
        QTest::newRow("three clients, seed 42") << 42u << 3;
    }
    void oracleCountsConflicts()
    {
        QFETCH(quint32, seed);
        QFETCH(int, clients);
        TestDatabase hubDb;
        fast(hubDb.db());
        HubStore hub(hubDb.db());
        QString error;
        QVERIFY(hub.initialise(&error));
        HubStoreTransport transport(hub);
        std::vector<std::unique_ptr<TestDatabase>> sites;
        QList<TestDatabase *> list;
        QList<SyncTransport *> transports;
        for (int i = 0; i < clients; ++i) {
            sites.push_back(std::make_unique<TestDatabase>());
            fast(sites.back()->db());
            list << sites.back().get();
            transports << &transport;
        }
        // Hot rows, made on the first PC and known to all.
        QStringList hot;
        for (int r = 0; r < 5; ++r)
            hot << HumasTest::insertEvent(list[0]->db(), QString("Hot %1").arg(r));
        QVERIFY(quiesce(list, transports));

        QRandomGenerator random(seed);
        int expected = 0;
        const int rounds = 40;
        const int editsPerRound = 5;
        for (int round = 0; round < rounds; ++round) {
            // Each PC edits offline...
            std::vector<QList<Edit>> edits(clients);
            for (int c = 0; c < clients; ++c) {
                for (int e = 0; e < editsPerRound; ++e) {
                    Edit edit{int(random.bounded(hot.size())), Fields.at(int(random.bounded(Fields.size()))),
                              Words.at(int(random.bounded(Words.size())))};
                    m_clock->advance(10);
                    edit.written = list[c]->db().writer().row("events", hot.at(edit.row)).value(edit.field).toString() !=
                                   edit.value;
                    QVERIFY(list[c]->db().writer().update(QString(), "events", hot.at(edit.row),
                                                          {{edit.field, edit.value}}, &error));
                    edits[c] << edit;
                }
            }
            // ...then they sync in turn. Oracle: per field, the first PC to push this round sets it;
            // a later PC's write to it with a different value than the hub holds is a conflict.
            std::map<std::pair<int, QString>, std::pair<int, QString>> firstWriter; // → (client, value)
            for (int c = 0; c < clients; ++c) {
                for (const Edit &edit : edits[c]) {
                    if (!edit.written)
                        continue;
                    auto key = std::make_pair(edit.row, edit.field);
                    auto it = firstWriter.find(key);
                    if (it == firstWriter.end())
                        firstWriter[key] = {c, edit.value};
                    else if (it->second.first == c)
                        it->second.second = edit.value;
                    else if (it->second.second != edit.value)
                        ++expected;
                }
                SyncEngine engine(list[c]->db(), transport);
                QVERIFY(engine.round().ok);
            }
            QVERIFY(quiesce(list, transports)); // every PC sees everything before the next round
        }
        QCOMPARE(scalar(hubDb.db(), "SELECT count(*) FROM sync_conflicts"), QString::number(expected));
        QVERIFY(expected > 0);
        const QString hubHash = HumasTest::contentHash(hubDb.db());
        for (TestDatabase *site : list)
            QCOMPARE(HumasTest::contentHash(site->db()), hubHash);
        // Both values are kept in every conflict.
        QCOMPARE(scalar(hubDb.db(), "SELECT count(*) FROM sync_conflicts WHERE hub_value = incoming_value"),
                 QString("0"));
    }

    void convergesUnderFaults_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {3u, 11u, 2026u})
            QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
    }
    void convergesUnderFaults()
    {
        QFETCH(quint32, seed);
        TestDatabase hubDb;
        fast(hubDb.db());
        HubStore hub(hubDb.db());
        QString error;
        QVERIFY(hub.initialise(&error));
        HubStoreTransport inner(hub);
        std::vector<std::unique_ptr<TestDatabase>> sites;
        std::vector<std::unique_ptr<HumasTest::FaultyTransport>> faulty;
        QList<TestDatabase *> list;
        QList<SyncTransport *> transports;
        for (int i = 0; i < 3; ++i) {
            sites.push_back(std::make_unique<TestDatabase>());
            fast(sites.back()->db());
            faulty.push_back(std::make_unique<HumasTest::FaultyTransport>(inner, seed * 31 + quint32(i)));
            faulty.back()->dropRate = 0.10;
            faulty.back()->loseReplyRate = 0.10;
            faulty.back()->duplicateRate = 0.05;
            list << sites.back().get();
            transports << faulty.back().get();
        }
        QStringList hot;
        for (int r = 0; r < 8; ++r)
            hot << HumasTest::insertEvent(list[0]->db(), QString("Hot %1").arg(r));
        QRandomGenerator random(seed);
        int ops = 8;
        for (int step = 0; step < 600; ++step) {
            const int c = int(random.bounded(3));
            m_clock->advance(10);
            if (random.bounded(100) < 15) {
                HumasTest::insertEvent(list[c]->db(), QString("Baru %1").arg(step));
            } else {
                // An edit on a row this PC already has (hot rows reach it by sync).
                const QString id = hot.at(int(random.bounded(hot.size())));
                if (list[c]->db().writer().row("events", id).isEmpty())
                    continue;
                QVERIFY(list[c]->db().writer().update(QString(), "events", id,
                                                      {{Fields.at(int(random.bounded(Fields.size()))),
                                                        Words.at(int(random.bounded(Words.size())))}},
                                                      &error));
            }
            ++ops;
            if (random.bounded(100) < 10) {
                SyncEngine engine(list[c]->db(), *transports[c]);
                engine.round(); // may fail: faults
            }
        }
        for (auto &f : faulty) {
            f->dropRate = 0.10; // keep misbehaving while converging
        }
        QVERIFY(quiesce(list, transports, 500));
        const QString hubHash = HumasTest::contentHash(hubDb.db());
        for (TestDatabase *site : list) {
            QCOMPARE(HumasTest::contentHash(site->db()), hubHash);
            QCOMPARE(SyncEngine::waitingCount(site->db()), 0);
        }
        int injected = 0;
        for (auto &f : faulty)
            injected += f->dropped + f->lostReplies + f->duplicates;
        QVERIFY(injected > 0);
        // Every op was judged exactly once (a ledger entry per op id, none lost or doubled).
        int outboxTotal = 0;
        for (TestDatabase *site : list)
            outboxTotal += scalar(site->db(), "SELECT count(*) FROM outbox").toInt();
        QCOMPARE(scalar(hubDb.db(), "SELECT count(*) FROM hub_ops"), QString::number(outboxTotal));
        QCOMPARE(scalar(hubDb.db(), "SELECT count(*) FROM hub_ops WHERE result = 'conflict'"),
                 scalar(hubDb.db(), "SELECT count(DISTINCT conflict_id) FROM hub_ops WHERE result = 'conflict'"));
        QCOMPARE(scalar(hubDb.db(), "SELECT count(*) FROM sync_conflicts WHERE hub_value = incoming_value"),
                 QString("0"));
        QVERIFY(ops > 100);
    }
};

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
