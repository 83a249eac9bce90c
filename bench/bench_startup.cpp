// Start-up to the main window shown, on a database filled by DemoGenerator with 100,000
// events and 50,000 information requests (issue 2: target ≤ 0.5 s).
//
// The demo database is generated once per run (it takes a while); set HUMAS_BENCH_DB to a
// path to keep it between runs. Besides the whole start-up, the parts are measured on their
// own so a slow start can be attributed: the read-only inspection (header, quick_check),
// Database::open as a whole, and the main window with an already open database.
// Database::open runs PRAGMA quick_check only on the first start of a day (or after a crash
// or an outside change); BM_FirstStartOfTheDay measures that start, BM_StartupToWindowShown
// the later ones.

#include "auth/role.h"
#include "common/clock.h"
#include "common/mainwindow.h"
#include "common/translations.h"
#include "demo/demogenerator.h"
#include "master/seeder.h"
#include "store/database.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWindow>

#include <cstdio>
#include <memory>

namespace {

constexpr int Events = 100000;
constexpr int Requests = 50000;

QString s_path;

Humas::Actor benchActor()
{
    Humas::Actor actor = Humas::Actor::system();
    actor.username = QStringLiteral("bench");
    return actor;
}

bool prepareDatabase(const QString &path)
{
    if (QFileInfo(path).size() > 0) {
        std::fprintf(stderr, "bench_startup: reusing %s\n", qPrintable(path));
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    Humas::Database db;
    QString error;
    QString summary;
    if (!db.open(path, &error) ||
        !Humas::Seeder::init(db, QStringLiteral("parigi-moutong"), nullptr, &summary, &error) ||
        !Humas::DemoGenerator(db, 42).generate(Events, Requests, 0, &summary, &error)) {
        std::fprintf(stderr, "bench_startup: cannot prepare %s: %s\n", qPrintable(path), qPrintable(error));
        return false;
    }
    std::fprintf(stderr, "bench_startup: generated %s in %.1f s (%s)\n", qPrintable(path), timer.elapsed() / 1000.0,
                 qPrintable(summary));
    return true;
}

/** Shows the window and spins the event loop until the platform reports it exposed. */
void showAndWait(HumasUi::MainWindow &window)
{
    window.show();
    while (!window.windowHandle() || !window.windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    QCoreApplication::processEvents();
}

void BM_StartupToWindowShown(benchmark::State &state)
{
    const Humas::Actor actor = benchActor();
    for (auto _ : state) {
        Humas::Database db;
        QString error;
        if (!db.open(s_path, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        HumasUi::MainWindow window(db, actor);
        showAndWait(window);
    }
}

/** A clock one day further on every call of nextDay(): each start is the first of its day. */
class DayByDayClock : public Humas::Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc().addDays(m_days); }
    void nextDay() { ++m_days; }

private:
    int m_days = 0;
};

/** The first start of a day, when Database::open runs PRAGMA quick_check over the whole file. */
void BM_FirstStartOfTheDay(benchmark::State &state)
{
    const Humas::Actor actor = benchActor();
    DayByDayClock clock;
    Humas::Clock::setInstance(&clock);
    for (auto _ : state) {
        clock.nextDay();
        Humas::Database db;
        QString error;
        if (!db.open(s_path, &error)) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        HumasUi::MainWindow window(db, actor);
        showAndWait(window);
    }
    Humas::Clock::setInstance(nullptr);
}

void BM_DatabaseInspect(benchmark::State &state)
{
    for (auto _ : state) {
        Humas::DatabaseInfo info;
        QString error;
        if (!Humas::Database::inspect(s_path, &info, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
        benchmark::DoNotOptimize(info);
    }
}

void BM_DatabaseOpen(benchmark::State &state)
{
    for (auto _ : state) {
        Humas::Database db;
        QString error;
        if (!db.open(s_path, &error)) {
            state.SkipWithError(qPrintable(error));
            return;
        }
    }
}

void BM_MainWindowShown(benchmark::State &state)
{
    Humas::Database db;
    QString error;
    if (!db.open(s_path, &error)) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    const Humas::Actor actor = benchActor();
    for (auto _ : state) {
        HumasUi::MainWindow window(db, actor);
        showAndWait(window);
    }
}

BENCHMARK(BM_StartupToWindowShown)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_FirstStartOfTheDay)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_DatabaseInspect)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
BENCHMARK(BM_DatabaseOpen)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
BENCHMARK(BM_MainWindowShown)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);

} // namespace

int main(int argc, char **argv)
{
    // Never read or write the real user's preferences.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.path()));
    QStandardPaths::setTestModeEnabled(true);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    Humas::Translations::setLanguage(QStringLiteral("id"));

    QTemporaryDir dataDir;
    s_path = qEnvironmentVariableIsSet("HUMAS_BENCH_DB") ? qEnvironmentVariable("HUMAS_BENCH_DB")
                                                         : dataDir.filePath(QStringLiteral("bench.sqlite"));
    if (!prepareDatabase(s_path))
        return 1;

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
