// Convergence under faults (issue 9 part 5): three PCs make seeded random edits (inserts, field
// updates, deletes on events, venues and officials; 20% on 50 hot events) interleaved with sync
// rounds through a fault wrapper that drops 10% of requests, loses 10% of replies after the hub
// committed, duplicates 5% and holds some pushes back to deliver them out of order. Then rounds
// without faults until nothing moves, and:
// - the table hashes (user fields of every synced row, tombstones included) of all three PCs and
//   of the hub are identical;
// - every op id of every outbox is in the hub's ledger exactly once, and nothing waits;
// - the conflicts the hub opened are exactly the ones an independent oracle counts: a write W by
//   site A on field F is concurrent when another site wrote F at a hub seq after the seq A had
//   seen (W's base_seq) and the values differ; each conflict keeps both values (compared value by
//   value). Delete/edit conflicts likewise: a delete of a live row against a concurrent edit of
//   another field, and an edit of a row another site deleted concurrently.
//
// Size: HUMAS_SYNC_CONVERGENCE_OPS operations per PC (default 1,000, so the suite stays short on
// a shared 2-core machine); the 10,000 runs with HUMAS_SYNC_CONVERGENCE_OPS=10000.
// HUMAS_SYNC_CONVERGENCE_SEED picks the seed (default 9).

#include "faultinjection.h"
#include "syncprooftools.h"
#include "testenvironment.h"

#include "store/changewriter.h"
#include "store/database.h"
#include "sync/hubstore.h"
#include "sync/hubstoretransport.h"
#include "sync/syncengine.h"
#include "sync/syncprotocol.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <vector>

using namespace Humas;
using namespace HumasTest;

namespace {

const QStringList Tables = {"events", "venues", "officials"};
const QStringList HashTables = {"events", "venues", "officials", "sync_conflicts"};

QString valueKey(const QJsonValue &v)
{
    const QVariant x = SyncProtocol::fromJsonValue(v);
    return x.isNull() ? QString("<null>") : "'" + x.toString() + "'";
}

/** The oracle: a model of the hub's per-field clock, fed with the ops in the order the hub judged them. */
class Oracle
{
public:
    struct FieldState
    {
        qint64 seq = 0;
        QString site;
        QJsonValue value;
    };

    QStringList fieldConflicts;  ///< "entity|row|field|hub|incoming"
    QStringList deleteConflicts; ///< "entity|row"
    QStringList mismatches;      ///< ops whose status the oracle did not expect
    int judged = 0;

    void observe(const PushRequest &request, const PushReply &reply)
    {
        QHash<QString, OpResult> results;
        for (const OpResult &r : reply.results)
            results.insert(r.opId, r);
        for (const SyncOp &op : request.ops) {
            const auto it = results.constFind(op.opId);
            if (it == results.constEnd() || it->status == "duplicate" || it->status == "rejected")
                continue;
            if (m_seen.contains(op.opId)) { // the hub judged the same op twice
                mismatches << "judged twice: " + op.opId;
                continue;
            }
            m_seen.insert(op.opId);
            ++judged;
            const bool conflict = judge(op, it->seq);
            if (conflict != (it->status == "conflict"))
                mismatches << QString("%1 %2 %3 base %4: hub said %5, oracle %6")
                                  .arg(op.entity, op.rowId, op.op)
                                  .arg(op.baseSeq)
                                  .arg(it->status, conflict ? "conflict" : "no conflict");
        }
    }

private:
    bool concurrent(const FieldState &s, const SyncOp &op) const { return s.seq > op.baseSeq && s.site != op.site; }

    bool judge(const SyncOp &op, qint64 seq)
    {
        QHash<QString, FieldState> &row = m_rows[op.entity + "|" + op.rowId];
        const auto deleted = row.constFind("deleted");
        const bool isDeleted = deleted != row.constEnd() && valueKey(deleted->value) == valueKey(QJsonValue(1));
        if (op.op == "delete" && !isDeleted) {
            // A delete against a concurrent edit of any other field: the row stays.
            for (auto f = row.cbegin(); f != row.cend(); ++f) {
                if (f.key() != "deleted" && concurrent(f.value(), op)) {
                    deleteConflicts << op.entity + "|" + op.rowId;
                    return true;
                }
            }
        }
        bool conflict = false;
        if (op.op == "upsert" && !op.changes.contains("deleted") && isDeleted && concurrent(*deleted, op)) {
            // An edit against a concurrent delete: the edit is kept on the tombstone, and a
            // person decides whether the row comes back.
            deleteConflicts << op.entity + "|" + op.rowId;
            conflict = true;
        }
        for (auto c = op.changes.constBegin(); c != op.changes.constEnd(); ++c) {
            const QJsonValue incoming = c.value().toArray().at(1);
            auto f = row.find(c.key());
            if (f == row.end()) {
                row.insert(c.key(), {seq, op.site, incoming});
                continue;
            }
            if (!concurrent(*f, op)) {
                *f = {seq, op.site, incoming};
            } else if (valueKey(f->value) != valueKey(incoming)) {
                fieldConflicts << QStringList{op.entity, op.rowId, c.key(), valueKey(f->value), valueKey(incoming)}.join("|");
                conflict = true;
            }
        }
        return conflict;
    }

    QHash<QString, QHash<QString, FieldState>> m_rows;
    QSet<QString> m_seen;
};

struct Client
{
    QString name;
    std::unique_ptr<Database> db;
    std::unique_ptr<FaultInjectingTransport> faults;
    QString actor;
    QHash<QString, QStringList> live; // table -> ids of live rows this PC knows
    int inserts = 0;
};

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok && v > 0 ? v : fallback;
}

} // namespace

class TestSyncConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threeClientsUnderFaults();

private:
    void refreshLive(Client &c);
    bool randomOp(Client &c, QRandomGenerator &rng, const QStringList &hot, QString *error);
    QVariantMap newRow(Client &c, const QString &table, QRandomGenerator &rng);
    QVariantMap fieldChange(const QString &table, QRandomGenerator &rng);
};

void TestSyncConvergence::initTestCase()
{
    isolateEnvironment();
}

void TestSyncConvergence::refreshLive(Client &c)
{
    for (const QString &table : Tables) {
        QStringList ids;
        QSqlQuery q(c.db->connection());
        q.setForwardOnly(true);
        q.exec("SELECT id FROM " + table + " WHERE deleted = 0 ORDER BY id");
        while (q.next())
            ids << q.value(0).toString();
        c.live[table] = ids;
    }
}

QVariantMap TestSyncConvergence::newRow(Client &c, const QString &table, QRandomGenerator &rng)
{
    const int n = ++c.inserts;
    if (table == "events") {
        const int day = 1 + int(rng.bounded(28));
        return {{"title", QString("Acara %1 #%2").arg(c.name).arg(n)},
                {"starts_at", QString("2026-11-%1T01:00:00Z").arg(day, 2, 10, QChar('0'))},
                {"ends_at", QString("2026-11-%1T03:00:00Z").arg(day, 2, 10, QChar('0'))},
                {"notes", QString("catatan %1").arg(rng.bounded(6))}};
    }
    if (table == "venues")
        return {{"name", QString("Aula %1-%2").arg(c.name).arg(n)},
                {"kecamatan_id", QString("kec-%1").arg(rng.bounded(5))},
                {"address", QString("Jl. %1").arg(rng.bounded(6))}};
    return {{"code", QString("%1-%2").arg(c.name).arg(n)},
            {"position", QString("Jabatan %1").arg(rng.bounded(6))},
            {"name", QString("Nama %1").arg(rng.bounded(6))}};
}

QVariantMap TestSyncConvergence::fieldChange(const QString &table, QRandomGenerator &rng)
{
    // Small value pools, so concurrent writes of the same value (no conflict) happen as well.
    const int v = int(rng.bounded(6));
    if (table == "events") {
        static const QStringList statuses = {"diajukan", "terjadwal", "selesai", "ditunda", "dibatalkan"};
        switch (rng.bounded(7)) {
        case 0: return {{"title", QString("Judul %1").arg(v)}};
        case 1: return {{"notes", QString("Catatan %1").arg(v)}};
        case 2: return {{"dress_code", QString("PDH %1").arg(v)}};
        case 3: return {{"staff", QString("Staf %1").arg(v)}};
        case 4: return {{"pic_name", QString("PIC %1").arg(v)}};
        case 5: return {{"status", statuses.at(v % statuses.size())}};
        default: return {{"notes", QString("Catatan %1").arg(v)}, {"is_public", v % 2}};
        }
    }
    if (table == "venues")
        return {{"address", QString("Jl. Trans Sulawesi %1").arg(v)}};
    switch (rng.bounded(3)) {
    case 0: return {{"name", QString("Nama %1").arg(v)}};
    case 1: return {{"position", QString("Jabatan %1").arg(v)}};
    default: return {{"nip", QString("1970%1").arg(v)}, {"sort_order", v}};
    }
}

bool TestSyncConvergence::randomOp(Client &c, QRandomGenerator &rng, const QStringList &hot, QString *error)
{
    ChangeWriter &w = c.db->writer();
    if (rng.bounded(100) < 20) { // hot rows
        QStringList liveHot;
        const QSet<QString> live(c.live["events"].cbegin(), c.live["events"].cend());
        for (const QString &id : hot)
            if (live.contains(id))
                liveHot << id;
        if (!liveHot.isEmpty()) {
            const QString id = liveHot.at(int(rng.bounded(quint32(liveHot.size()))));
            if (rng.bounded(200) == 0) {
                c.live["events"].removeOne(id);
                return w.remove(c.actor, "events", id, error);
            }
            return w.update(c.actor, "events", id, fieldChange("events", rng), error);
        }
    }
    const QString table = Tables.at(int(rng.bounded(3)));
    QStringList &ids = c.live[table];
    const int kind = int(rng.bounded(10));
    if (kind < 3 || ids.isEmpty()) {
        QString id;
        if (!w.insert(c.actor, table, newRow(c, table, rng), &id, error))
            return false;
        ids << id;
        return true;
    }
    const int index = int(rng.bounded(quint32(ids.size())));
    const QString id = ids.at(index);
    if (kind == 9 && !hot.contains(id)) {
        ids.removeAt(index);
        return w.remove(c.actor, table, id, error);
    }
    return w.update(c.actor, table, id, fieldChange(table, rng), error);
}

void TestSyncConvergence::threeClientsUnderFaults()
{
    const int opsPerClient = envInt("HUMAS_SYNC_CONVERGENCE_OPS", 1000);
    const quint32 seed = quint32(envInt("HUMAS_SYNC_CONVERGENCE_SEED", 9));
    qInfo("%d ops per PC, seed %u", opsPerClient, seed);
    QElapsedTimer timer;
    timer.start();

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    Database hubDb("hub");
    QVERIFY2(hubDb.open(dir.filePath("hub.sqlite"), &error, Database::Journal::Rollback), qPrintable(error));
    HubStore hub(hubDb);
    QVERIFY2(hub.initialise(&error), qPrintable(error));
    HubStoreTransport hubTransport(hub);

    Oracle oracle;
    std::vector<Client> clients(3);
    QList<Database *> dbs;
    QList<SyncTransport *> plain;
    for (int i = 0; i < 3; ++i) {
        Client &c = clients[i];
        c.name = QString("pc%1").arg(i);
        c.actor = QString("user-%1").arg(i);
        c.db = std::make_unique<Database>(c.name);
        QVERIFY2(c.db->open(dir.filePath(c.name + ".sqlite"), &error), qPrintable(error));
        c.faults = std::make_unique<FaultInjectingTransport>(hubTransport, seed * 7919 + quint32(i));
        c.faults->setPushObserver([&oracle](const PushRequest &r, const PushReply &p) { oracle.observe(r, p); });
        dbs << c.db.get();
        plain << c.faults.get(); // with rates 0 until the faulty phase
    }

    // 50 hot events, made on PC 0 and known to all before the faults start.
    QStringList hot;
    for (int i = 0; i < 50; ++i) {
        QString id;
        QVERIFY2(clients[0].db->writer().insert(clients[0].actor, "events",
                                                {{"title", QString("Rapat rutin %1").arg(i)},
                                                 {"starts_at", "2026-11-23T01:00:00Z"},
                                                 {"ends_at", "2026-11-23T02:00:00Z"}},
                                                &id, &error),
                 qPrintable(error));
        hot << id;
    }
    QVERIFY2(SyncTest::roundsToQuiescence(dbs, plain, &error) > 0, qPrintable(error));
    for (Client &c : clients)
        refreshLive(c);

    const FaultRates faulty{0.10, 0.10, 0.05, 0.03};
    for (Client &c : clients)
        c.faults->setRates(faulty);

    QRandomGenerator rng(seed);
    QList<int> done(3, 0);
    int rounds = 0, failedRounds = 0, total = 0;
    while (total < 3 * opsPerClient) {
        int i = int(rng.bounded(3));
        while (done[i] >= opsPerClient)
            i = (i + 1) % 3;
        Client &c = clients[i];
        // A stretch of local work (one transaction), then a round.
        const int stretch = std::min(opsPerClient - done[i], 1 + int(rng.bounded(40)));
        {
            Transaction tx(*c.db, &error);
            QVERIFY2(tx.isActive(), qPrintable(error));
            for (int k = 0; k < stretch; ++k)
                QVERIFY2(randomOp(c, rng, hot, &error), qPrintable(error));
            QVERIFY2(tx.commit(&error), qPrintable(error));
        }
        done[i] += stretch;
        total += stretch;
        SyncEngine engine(*c.db, *c.faults);
        engine.setBatchSize(1 + int(rng.bounded(60)));
        engine.setPageSize(1 + int(rng.bounded(150)));
        const SyncReport report = engine.round();
        ++rounds;
        if (!report.ok)
            ++failedRounds;
        refreshLive(c);
    }
    for (Client &c : clients) {
        QVERIFY2(c.faults->deliverHeld(&error), qPrintable(error));
        c.faults->setRates({});
    }
    const qint64 faultyMs = timer.elapsed();

    const int passes = SyncTest::roundsToQuiescence(dbs, plain, &error);
    QVERIFY2(passes > 0, qPrintable(error));

    FaultCounts sum;
    for (const Client &c : clients) {
        sum.requests += c.faults->counts().requests;
        sum.dropped += c.faults->counts().dropped;
        sum.lostReplies += c.faults->counts().lostReplies;
        sum.duplicated += c.faults->counts().duplicated;
        sum.delayed += c.faults->counts().delayed;
        sum.deliveredLate += c.faults->counts().deliveredLate;
    }
    qInfo("%d rounds (%d failed by faults), %d requests: %d dropped, %d replies lost, %d duplicated, %d held "
          "(%d delivered late); quiet after %d passes; %lld ms under faults, %lld ms in all",
          rounds, failedRounds, sum.requests, sum.dropped, sum.lostReplies, sum.duplicated, sum.delayed,
          sum.deliveredLate, passes, faultyMs, qint64(timer.elapsed()));
    QVERIFY(sum.dropped > 0 && sum.lostReplies > 0 && sum.duplicated > 0);

    // Nothing waits; every op id is in the ledger once.
    QSet<QString> opIds;
    int outboxEntries = 0;
    for (Client &c : clients) {
        QCOMPARE(SyncEngine::waitingCount(*c.db), 0);
        QSqlQuery q(c.db->connection());
        QVERIFY(q.exec("SELECT op_id FROM outbox"));
        while (q.next()) {
            opIds.insert(q.value(0).toString());
            ++outboxEntries;
        }
    }
    QCOMPARE(opIds.size(), outboxEntries);
    QCOMPARE(SyncTest::scalar(hubDb.connection(), "SELECT count(*) FROM hub_ops").toInt(), int(opIds.size()));
    QCOMPARE(SyncTest::scalar(hubDb.connection(), "SELECT count(DISTINCT op_id) FROM hub_ops").toInt(),
             int(opIds.size()));
    QCOMPARE(oracle.judged, int(opIds.size()));

    // Identical tables everywhere.
    const QString hubHash = SyncTest::tableHash(hubDb.connection(), HashTables);
    for (Client &c : clients) {
        const QString h = SyncTest::tableHash(c.db->connection(), HashTables);
        if (h != hubHash) {
            for (const QString &table : HashTables) {
                const QString diff = SyncTest::firstDifference(SyncTest::tableDump(hubDb.connection(), table),
                                                               SyncTest::tableDump(c.db->connection(), table));
                if (!diff.isEmpty())
                    qWarning().noquote() << c.name << "differs from the hub in" << table << diff;
            }
        }
        QCOMPARE(h, hubHash);
    }

    // The conflicts are the oracle's, with both values kept.
    for (const QString &m : oracle.mismatches.mid(0, 10))
        qWarning().noquote() << "oracle mismatch:" << m;
    QStringList hubConflicts;
    QSqlQuery q(hubDb.connection());
    QVERIFY(q.exec("SELECT entity, row_id, field, hub_value, incoming_value FROM sync_conflicts WHERE kind = 'field'"));
    while (q.next())
        hubConflicts << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                    valueKey(SyncProtocol::parseJsonText(q.value(3).toString())),
                                    valueKey(SyncProtocol::parseJsonText(q.value(4).toString()))}
                            .join("|");
    hubConflicts.sort();
    QStringList expected = oracle.fieldConflicts;
    expected.sort();
    qInfo("conflicts: %d field (oracle %d), %d delete/edit (oracle %d), %d ops judged",
          int(hubConflicts.size()), int(expected.size()),
          SyncTest::scalar(hubDb.connection(), "SELECT count(*) FROM sync_conflicts WHERE kind = 'delete_edit'").toInt(),
          int(oracle.deleteConflicts.size()), oracle.judged);
    QVERIFY(expected.size() > 0);
    QCOMPARE(hubConflicts.size(), expected.size());
    QCOMPARE(hubConflicts, expected);
    QCOMPARE(SyncTest::scalar(hubDb.connection(), "SELECT count(*) FROM sync_conflicts WHERE kind = 'delete_edit'").toInt(),
             int(oracle.deleteConflicts.size()));
    QCOMPARE(oracle.mismatches.size(), 0);
    QCOMPARE(SyncTest::scalar(hubDb.connection(), "SELECT count(*) FROM sync_conflicts WHERE kind = 'unique'").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "tst_syncconvergence.moc"
