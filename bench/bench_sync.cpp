// Sync through a shared file (issue 9 §5): PC A writes 10,000 event changes (5,000 inserts,
// then 5,000 updates of those rows), pushes them into a new shared file (batches of 200 in
// short BEGIN IMMEDIATE transactions, rollback journal, synchronous=FULL), and a new PC B
// pulls them all (pages of 500). Target: push + pull ≤ 3 s. The writes on A are not timed.
//
//   build/bench/bench_sync [--benchmark_repetitions=3]

#include "store/changewriter.h"
#include "store/database.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

constexpr int Changes = 10000;

bool fill(Humas::Database &db)
{
    QString error;
    QStringList ids;
    Humas::Transaction tx(db, &error);
    for (int i = 0; i < Changes / 2; ++i) {
        QString id;
        if (!db.writer().insert(QString(), QStringLiteral("events"),
                                {{QStringLiteral("title"), QStringLiteral("Rapat koordinasi %1").arg(i)},
                                 {QStringLiteral("starts_at"), QStringLiteral("2026-11-23T01:00:00.000Z")},
                                 {QStringLiteral("ends_at"), QStringLiteral("2026-11-23T02:00:00.000Z")},
                                 {QStringLiteral("notes"), QStringLiteral("Bawa undangan asli")}},
                                &id, &error))
            return false;
        ids << id;
    }
    for (const QString &id : ids) {
        if (!db.writer().update(QString(), QStringLiteral("events"), id,
                                {{QStringLiteral("dress_code"), QStringLiteral("PDH")}}, &error))
            return false;
    }
    return tx.commit(&error);
}

void BM_SharedFilePushPull(benchmark::State &state)
{
    int pushed = 0;
    int pulled = 0;
    double pushSeconds = 0;
    double pullSeconds = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto a = std::make_unique<Humas::Database>(QStringLiteral("bench-a"));
        auto b = std::make_unique<Humas::Database>(QStringLiteral("bench-b"));
        QString error;
        if (!a->open(dir.filePath(QStringLiteral("a.sqlite")), &error) ||
            !b->open(dir.filePath(QStringLiteral("b.sqlite")), &error) || !fill(*a)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        const QString hub = dir.filePath(QStringLiteral("hub.humasdesk"));
        state.ResumeTiming();

        QElapsedTimer timer;
        timer.start();
        Humas::SharedFileTransport ta(hub);
        const Humas::SyncReport ra = Humas::SyncEngine(*a, ta).round(); // push (and pull its own rows back)
        pushSeconds += timer.nsecsElapsed() / 1e9;
        timer.restart();
        Humas::SharedFileTransport tb(hub);
        const Humas::SyncReport rb = Humas::SyncEngine(*b, tb).round(); // bootstrap of a new PC
        pullSeconds += timer.nsecsElapsed() / 1e9;
        if (!ra.ok || !rb.ok) {
            state.SkipWithError(qPrintable(ra.error + rb.error));
            return;
        }
        pushed = ra.pushed;
        pulled = rb.pulled;

        state.PauseTiming();
        a->close();
        b->close();
        state.ResumeTiming();
    }
    state.counters["ops_pushed"] = pushed;
    state.counters["rows_pulled"] = pulled;
    state.counters["round_A_s"] = benchmark::Counter(pushSeconds, benchmark::Counter::kAvgIterations);
    state.counters["round_B_s"] = benchmark::Counter(pullSeconds, benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_SharedFilePushPull)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("humas.*.info=false"));
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
