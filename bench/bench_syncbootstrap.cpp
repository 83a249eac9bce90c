// Sync through a shared file (issue 9 part 5), figures for the issue notes:
//
//   BM_Bootstrap100k   a new PC's first round against the 100,000-event demo hub: every row
//                      pulled and applied (target <= 30 s)
//   BM_PushPull10k     10,000 changes made on PC A, A's round pushes them into a shared file,
//                      then PC B's round pulls them (target <= 3 s for both rounds together)
//
// The demo hub is built once (DemoGenerator seed 42 on a source PC, pushed into a new shared
// file by SyncEngine) and kept in /tmp/humasdesk-bench-sync-hub-100k.sqlite (HUMAS_BENCH_HUB
// overrides the path); delete it to build a fresh one.
//
//   build/bench/bench_syncbootstrap [--benchmark_filter=...]

#include "demo/demogenerator.h"
#include "master/seeder.h"
#include "store/changewriter.h"
#include "store/database.h"
#include "sync/sharedfiletransport.h"
#include "sync/syncengine.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Humas;

namespace {

constexpr int DemoEvents = 100000;
constexpr int Changes = 10000;

QString hubPath()
{
    const QByteArray env = qgetenv("HUMAS_BENCH_HUB");
    return env.isEmpty() ? QStringLiteral("/tmp/humasdesk-bench-sync-hub-100k.sqlite") : QString::fromLocal8Bit(env);
}

bool prepareHub(const QString &path, QString *error)
{
    if (QFileInfo(path).size() > 0) {
        std::fprintf(stderr, "bench_syncbootstrap: reusing %s\n", qPrintable(path));
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    QTemporaryDir dir;
    Database source(QStringLiteral("bench-source"));
    QString summary;
    if (!source.open(dir.filePath(QStringLiteral("source.sqlite")), error) ||
        !Seeder::init(source, QStringLiteral("parigi-moutong"), nullptr, &summary, error) ||
        !DemoGenerator(source, 42).generate(DemoEvents, 0, 0, &summary, error))
        return false;
    const qint64 generated = timer.elapsed();
    SharedFileTransport transport(path);
    SyncEngine engine(source, transport);
    const SyncReport report = engine.round();
    if (!report.ok) {
        *error = report.error;
        QFile::remove(path);
        return false;
    }
    std::fprintf(stderr, "bench_syncbootstrap: built %s: generated in %.1f s, pushed %d ops in %.1f s (%s)\n",
                 qPrintable(path), generated / 1000.0, report.pushed, (timer.elapsed() - generated) / 1000.0,
                 qPrintable(summary));
    return true;
}

void BM_Bootstrap100k(benchmark::State &state)
{
    QString error;
    const QString hub = hubPath();
    if (!prepareHub(hub, &error)) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    int pulled = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<QTemporaryDir>();
        auto pc = std::make_unique<Database>(QStringLiteral("bench-new-pc"));
        if (!pc->open(dir->filePath(QStringLiteral("new-pc.sqlite")), &error)) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        state.ResumeTiming();

        SharedFileTransport transport(hub);
        SyncEngine engine(*pc, transport);
        const SyncReport report = engine.round();

        state.PauseTiming();
        if (!report.ok) {
            state.SkipWithError(qPrintable(report.error));
            break;
        }
        pulled = report.pulled;
        pc.reset();
        dir.reset();
        state.ResumeTiming();
    }
    state.counters["rows"] = pulled;
    state.SetItemsProcessed(state.iterations() * pulled);
}

void BM_PushPull10k(benchmark::State &state)
{
    double pushSeconds = 0, pullSeconds = 0;
    int pushed = 0, pulled = 0;
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        Database a(QStringLiteral("bench-a")), b(QStringLiteral("bench-b"));
        QString error;
        bool ok = a.open(dir.filePath(QStringLiteral("a.sqlite")), &error) &&
                  b.open(dir.filePath(QStringLiteral("b.sqlite")), &error);
        const QString shared = dir.filePath(QStringLiteral("shared.sqlite"));
        if (ok) { // both PCs know the (empty) hub before the changes are made
            SharedFileTransport ta(shared), tb(shared);
            ok = SyncEngine(a, ta).round().ok && SyncEngine(b, tb).round().ok;
        }
        if (ok) {
            Transaction tx(a, &error);
            for (int i = 0; ok && i < Changes; ++i)
                ok = a.writer().insert(QStringLiteral("bench"), QStringLiteral("events"),
                                       {{QStringLiteral("title"), QStringLiteral("Rapat koordinasi %1").arg(i)},
                                        {QStringLiteral("starts_at"), QStringLiteral("2026-11-23T01:00:00Z")},
                                        {QStringLiteral("ends_at"), QStringLiteral("2026-11-23T03:00:00Z")},
                                        {QStringLiteral("notes"), QStringLiteral("Bawa undangan asli")}},
                                       nullptr, &error);
            ok = ok && tx.commit(&error);
        }
        if (!ok) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        state.ResumeTiming();

        QElapsedTimer timer;
        timer.start();
        SharedFileTransport ta(shared);
        const SyncReport ra = SyncEngine(a, ta).round();
        const qint64 pushMs = timer.elapsed();
        SharedFileTransport tb(shared);
        const SyncReport rb = SyncEngine(b, tb).round();
        const qint64 allMs = timer.elapsed();

        state.PauseTiming();
        if (!ra.ok || !rb.ok) {
            state.SkipWithError(qPrintable(ra.ok ? rb.error : ra.error));
            break;
        }
        pushSeconds += pushMs / 1000.0;
        pullSeconds += (allMs - pushMs) / 1000.0;
        pushed = ra.pushed;
        pulled = rb.pulled;
        state.ResumeTiming();
    }
    const double n = double(std::max<benchmark::IterationCount>(1, state.iterations()));
    state.counters["push_s"] = pushSeconds / n;
    state.counters["pull_s"] = pullSeconds / n;
    state.counters["pushed"] = pushed;
    state.counters["pulled"] = pulled;
}

BENCHMARK(BM_Bootstrap100k)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_PushPull10k)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("humas.*.debug=false\nhumas.*.info=false"));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
