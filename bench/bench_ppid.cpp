// Information service (issue 4): one million due-date computations
// (WorkingCalendar::addWorkingDays over varied receipt dates and periods) and the statistics
// of a period on a database of 100,000 demo requests (target: yearly statistics ≤ 200 ms).
//
// The demo database (DemoGenerator, seed 42: 100,000 requests with their status history and
// objections) is generated once and cached; set HUMAS_BENCH_PPID_DB to choose the file.
// DemoGenerator spreads the requests over about 18 years, so a calendar year holds only a
// part of them; BM_Statistics/all computes one period over all 100,000, the harder case.

#include "common/clock.h"
#include "demo/demogenerator.h"
#include "master/seeder.h"
#include "ppid/ppidrequestrepository.h"
#include "ppid/ppidstatistics.h"
#include "ppid/workingcalendar.h"
#include "store/database.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>

#include <cstdio>
#include <memory>
#include <vector>

namespace {

constexpr int Requests = 100000;
constexpr int Computations = 1000000;

std::unique_ptr<Humas::Database> s_db;
int s_busiestYear = 0;
int s_busiestYearCount = 0;

bool prepareDatabase(const QString &path)
{
    if (QFileInfo(path).size() == 0) {
        QElapsedTimer timer;
        timer.start();
        Humas::Database db;
        QString error;
        QString summary;
        if (!db.open(path, &error) ||
            !Humas::Seeder::init(db, QStringLiteral("parigi-moutong"), nullptr, &summary, &error) ||
            !Humas::DemoGenerator(db, 42).generate(0, Requests, 0, &summary, &error)) {
            std::fprintf(stderr, "bench_ppid: cannot prepare %s: %s\n", qPrintable(path), qPrintable(error));
            return false;
        }
        std::fprintf(stderr, "bench_ppid: generated %s in %.1f s\n", qPrintable(path), timer.elapsed() / 1000.0);
    } else {
        std::fprintf(stderr, "bench_ppid: reusing %s\n", qPrintable(path));
    }
    s_db = std::make_unique<Humas::Database>(QStringLiteral("bench_ppid"));
    QString error;
    if (!s_db->open(path, &error)) {
        std::fprintf(stderr, "bench_ppid: cannot open %s: %s\n", qPrintable(path), qPrintable(error));
        return false;
    }
    QSqlQuery q(s_db->connection());
    q.exec(QStringLiteral("SELECT substr(received_at, 1, 4), count(*) FROM ppid_requests WHERE deleted = 0 "
                          "GROUP BY 1 ORDER BY 2 DESC LIMIT 1"));
    if (q.next()) {
        s_busiestYear = q.value(0).toInt();
        s_busiestYearCount = q.value(1).toInt();
    }
    return true;
}

void BM_AddWorkingDays(benchmark::State &state)
{
    const Humas::WorkingCalendar calendar = Humas::WorkingCalendar::load(*s_db);
    // Receipt dates over 2025–2026 (both years' holidays, Lebaran, year ends) and every
    // legal period: response, extended response, objection, Atasan, Komisi Informasi.
    const int periods[] = {10, 17, 30, 30, 14};
    std::vector<std::pair<QDate, int>> inputs;
    inputs.reserve(Computations);
    const QDate first(2025, 1, 1);
    for (int i = 0; i < Computations; ++i)
        inputs.emplace_back(first.addDays((qint64(i) * 7919) % 730), periods[i % 5]);
    for (auto _ : state) {
        qint64 sum = 0;
        for (const auto &in : inputs)
            sum += calendar.addWorkingDays(in.first, in.second).toJulianDay();
        benchmark::DoNotOptimize(sum);
    }
    state.counters["computations"] = Computations;
    state.counters["ns_each"] = benchmark::Counter(double(Computations) * state.iterations(),
                                                   benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

void BM_Statistics(benchmark::State &state)
{
    const bool all = state.range(0) == 1;
    const QDate from = all ? QDate(1990, 1, 1) : QDate(s_busiestYear, 1, 1);
    const QDate to = all ? QDate(2100, 12, 31) : QDate(s_busiestYear, 12, 31);
    int received = 0;
    for (auto _ : state) {
        const Humas::PpidStatistics s = Humas::PpidStatistics::compute(*s_db, from, to);
        received = s.received;
        benchmark::DoNotOptimize(s.meanWorkingDaysToDecision);
    }
    state.counters["requests"] = received;
    state.SetLabel(all ? "all requests" : qPrintable(QStringLiteral("year %1").arg(s_busiestYear)));
}

void BM_RecomputeDeadlinesNoChange(benchmark::State &state)
{
    // The scan that follows every holiday edit: open requests and objections are read and
    // their deadlines computed again; nothing moves, so nothing is written.
    Humas::PpidRequestRepository repo(*s_db, Humas::Actor::system());
    const Humas::WorkingCalendar calendar = Humas::WorkingCalendar::load(*s_db);
    for (auto _ : state) {
        QString error;
        benchmark::DoNotOptimize(repo.recomputeDeadlines(calendar, &error));
    }
}

BENCHMARK(BM_AddWorkingDays)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Statistics)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_RecomputeDeadlinesNoChange)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    const QString path = qEnvironmentVariableIsSet("HUMAS_BENCH_PPID_DB")
                             ? qEnvironmentVariable("HUMAS_BENCH_PPID_DB")
                             : QStringLiteral("/tmp/humasdesk-bench-ppidcore-100k-v3.sqlite");
    if (!prepareDatabase(path))
        return 1;
    std::fprintf(stderr, "bench_ppid: %d requests; busiest year %d with %d\n", Requests, s_busiestYear,
                 s_busiestYearCount);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    s_db.reset();
    return 0;
}
