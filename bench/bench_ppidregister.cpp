// The PPID request register with 100,000 requests (issue 4, "Tests and benchmarks": a filter
// or search keystroke to the updated view <= 50 ms).
//
// Each iteration changes one filter of PpidRegisterModel (the register page does exactly that
// on a keystroke or a click) and then lets a shown 1366 x 768 QTableView (through
// PpidRegisterColorProxy, as on the page) lay out and paint: the time is from the call to the
// painted view (the event loop runs until the viewport has had its paint event). The model
// makes two capped counts to choose the query plan, reads the first page (200 rows) and
// leaves an exact count above 1,000 rows for a pause in typing (BM_DeferredCount); the page's
// summary line also waits for a pause and is measured on its own (BM_Summary).
//
//   BM_SearchKeystroke/N   typing a search text letter by letter; the label gives the mean
//                          time of each prefix, mean_ms/max_ms over all keystrokes (N: 0 a
//                          common first name, 1 a whole registration number, whose desk code
//                          and "PPID" occur in every row, 2 a word found nowhere, 3 a name and
//                          a second word). One- and two-letter prefixes do not search (no query,
//                          no repaint: they measure nothing).
//   BM_StatusFilter        switching the status filter between two statuses
//   BM_OpdFilter           switching the OPD filter between two OPDs
//   BM_MonthFilter         switching between two months
//   BM_OverdueOnly         the "terlambat" switch on and off
//   BM_DueSoonOnly         the "jatuh tempo <= 3 hari kerja" switch on and off
//   BM_SortColumn/N        sorting by column N (descending then ascending)
//   BM_FetchMore           the next page while scrolling (200 rows)
//   BM_ModelOnly/N         the model without a view (N: 0 typing a name, 1 status, 2 sort)
//   BM_DeferredCount/N     the exact count made once typing pauses (N: 0 none, 1 name, 2 status)
//   BM_PageShown           the whole PpidPage built and shown
//   BM_ObjectionTab        the objection register read (when its tab is shown)
//   BM_Summary             the summary line's two counts
//
// The database is generated once (DemoGenerator, seed 42) and kept in
// /tmp/humasdesk-bench-ppid-100k.sqlite (HUMAS_BENCH_DB overrides the path); delete it to
// generate a fresh one. HUMAS_BENCH_CACHE_MB=64 runs with a 64 MB SQLite page cache instead of
// the connection's default, for comparison.
//
//   build-xxx/bench/bench_ppidregister [--benchmark_filter=...]

#include "demo/demogenerator.h"
#include "master/seeder.h"
#include "ppid/ppidregistercolorproxy.h"
#include "ppid/ppidobjectiontablemodel.h"
#include "ppid/ppidpage.h"
#include "ppid/ppidregistermodel.h"
#include "store/database.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHeaderView>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Humas;

namespace {

constexpr int Requests = 100000;

QString s_path;

Actor benchActor()
{
    Actor actor = Actor::system();
    actor.username = QStringLiteral("bench");
    actor.role = Role::Ppid;
    return actor;
}

bool prepareDatabase(const QString &path)
{
    if (QFileInfo(path).size() > 0) {
        std::fprintf(stderr, "bench_ppidregister: reusing %s\n", qPrintable(path));
        return true;
    }
    QElapsedTimer timer;
    timer.start();
    Database db;
    QString error;
    QString summary;
    if (!db.open(path, &error) || !Seeder::init(db, QStringLiteral("parigi-moutong"), nullptr, &summary, &error) ||
        !DemoGenerator(db, 42).generate(0, Requests, 0, &summary, &error)) {
        std::fprintf(stderr, "bench_ppidregister: cannot prepare %s: %s\n", qPrintable(path), qPrintable(error));
        return false;
    }
    std::fprintf(stderr, "bench_ppidregister: generated %s in %.1f s (%s)\n", qPrintable(path),
                 timer.elapsed() / 1000.0, qPrintable(summary));
    return true;
}

/** Counts the paints of a viewport. */
class PaintCounter : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

/** The database, the model chain and a shown table, built once for the whole run. */
struct Fixture
{
    PaintCounter paintCounter;
    Database db;
    std::unique_ptr<PpidRegisterModel> model;
    std::unique_ptr<PpidRegisterColorProxy> colors;
    std::unique_ptr<QTableView> view;
    QStringList opds; ///< two OPD ids with requests
    QString regNumber;
    QString commonName;
    bool ok = false;

    Fixture()
    {
        QString error;
        if (!db.open(s_path, &error)) {
            std::fprintf(stderr, "bench_ppidregister: %s\n", qPrintable(error));
            return;
        }
        // For comparison only: a larger SQLite page cache than the connection's default
        // (HUMAS_BENCH_CACHE_MB=64), which keeps the indexes in the process.
        if (const int mb = qEnvironmentVariableIntValue("HUMAS_BENCH_CACHE_MB"); mb > 0) {
            QSqlQuery pragma(db.connection());
            pragma.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(mb * 1024));
        }
        model = std::make_unique<PpidRegisterModel>(db, benchActor());
        colors = std::make_unique<PpidRegisterColorProxy>();
        colors->setSourceModel(model.get());
        view = std::make_unique<QTableView>();
        view->setModel(colors.get());
        view->setSortingEnabled(true);
        view->horizontalHeader()->setSortIndicator(PpidRegisterModel::ReceivedColumn, Qt::DescendingOrder);
        view->resize(1366, 768);
        view->viewport()->installEventFilter(&paintCounter);
        view->show();
        while (!view->windowHandle() || !view->windowHandle()->isExposed())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents();

        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT opd_id FROM ppid_requests WHERE deleted = 0 GROUP BY opd_id "
                              "ORDER BY count(*) DESC LIMIT 2"));
        while (q.next())
            opds.append(q.value(0).toString());
        q.exec(QStringLiteral("SELECT reg_number FROM ppid_requests WHERE deleted = 0 ORDER BY received_at LIMIT 1 "
                              "OFFSET 4321"));
        if (q.next())
            regNumber = q.value(0).toString();
        q.exec(QStringLiteral("SELECT requester_name FROM ppid_requests WHERE deleted = 0 LIMIT 1 OFFSET 777"));
        if (q.next())
            commonName = q.value(0).toString().section(QLatin1Char(' '), 0, 0);
        ok = opds.size() == 2 && !regNumber.isEmpty() && !commonName.isEmpty();
    }

    /** Runs the event loop until the view has reacted to the model's change and painted it. */
    void settle()
    {
        const int before = paintCounter.paints;
        for (int i = 0; i < 1000 && paintCounter.paints == before; ++i)
            QCoreApplication::processEvents();
    }
};

Fixture *s_fixture = nullptr;

Fixture &fixture()
{
    if (!s_fixture)
        s_fixture = new Fixture;
    return *s_fixture;
}

void reportRows(benchmark::State &state, const Fixture &f)
{
    state.counters["rows"] = f.model->totalCount();
}

void BM_SearchKeystroke(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    QString word;
    switch (state.range(0)) {
    case 0:
        word = f.commonName;
        break;
    case 1:
        word = f.regNumber;
        break;
    case 2:
        word = QStringLiteral("zqxwv");
        break;
    default:
        word = f.commonName + QStringLiteral(" jalan");
        break;
    }
    // Wall-clock time of each keystroke (prefix length), summed over the iterations.
    QList<double> sums(word.size() + 1, 0.0);
    double worst = 0;
    int rounds = 0;
    QElapsedTimer timer;
    for (auto _ : state) {
        // One iteration types the whole word, one letter at a time, as a user would.
        for (int i = 1; i <= word.size(); ++i) {
            timer.start();
            f.model->setSearchText(word.left(i));
            f.settle();
            const double ms = timer.nsecsElapsed() / 1e6;
            sums[i] += ms;
            worst = std::max(worst, ms);
        }
        ++rounds;
        state.PauseTiming();
        f.model->setSearchText(QString());
        f.settle();
        state.ResumeTiming();
    }
    double total = 0;
    QStringList perKey;
    for (int i = 1; i <= word.size(); ++i) {
        total += sums.at(i);
        perKey.append(QStringLiteral("%1:%2").arg(word.left(i)).arg(sums.at(i) / rounds, 0, 'f', 1));
    }
    state.counters["mean_ms"] = total / rounds / word.size();
    state.counters["max_ms"] = worst;
    state.SetLabel(qPrintable(perKey.join(QLatin1Char(' '))));
}

/** Switches between two filter states, one per iteration, each followed by a painted view. */
template <typename Apply> void toggle(benchmark::State &state, Apply apply)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    bool on = false;
    for (auto _ : state) {
        on = !on;
        apply(f, on);
        f.settle();
    }
    apply(f, true);
    reportRows(state, f);
    f.model->setFilter({});
    f.settle();
}

void BM_StatusFilter(benchmark::State &state)
{
    toggle(state,
           [](Fixture &f, bool on) { f.model->setStatusFilter(on ? Ppid::Status::Diproses : Ppid::Status::Selesai); });
}

void BM_OpdFilter(benchmark::State &state)
{
    toggle(state, [](Fixture &f, bool on) { f.model->setOpdFilter(f.opds.at(on ? 0 : 1)); });
}

void BM_MonthFilter(benchmark::State &state)
{
    toggle(state, [](Fixture &f, bool on) {
        const QDate month = f.model->today().addMonths(on ? -2 : -5);
        f.model->setMonthFilter(month.year(), month.month());
    });
}

void BM_OverdueOnly(benchmark::State &state)
{
    toggle(state, [](Fixture &f, bool on) { f.model->setOverdueOnly(on); });
}

void BM_DueSoonOnly(benchmark::State &state)
{
    toggle(state, [](Fixture &f, bool on) { f.model->setDueSoonOnly(on); });
}

void BM_SortColumn(benchmark::State &state)
{
    const int column = int(state.range(0));
    toggle(state, [column](Fixture &f, bool on) {
        f.view->sortByColumn(column, on ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    fixture().view->sortByColumn(PpidRegisterModel::ReceivedColumn, Qt::DescendingOrder);
    state.SetLabel(qPrintable(fixture().model->headerData(column, Qt::Horizontal).toString()));
}

void BM_FetchMore(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    f.model->setFilter({});
    f.settle();
    for (auto _ : state) {
        if (!f.model->canFetchMore({})) {
            state.PauseTiming();
            f.model->reload();
            f.settle();
            state.ResumeTiming();
        }
        f.model->fetchMore({});
        f.view->scrollToBottom();
        f.settle();
    }
    state.counters["rows_fetched"] = f.model->rowCount();
    f.model->reload();
    f.settle();
}

/** The model alone (no view attached): what the SQL and the row conversion cost. */
void BM_ModelOnly(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    PpidRegisterModel model(f.db, benchActor());
    const QString word = f.commonName;
    int changes = 0;
    for (auto _ : state) {
        switch (state.range(0)) {
        case 0:
            for (int i = 1; i <= word.size(); ++i, ++changes)
                model.setSearchText(word.left(i));
            model.setSearchText(QString());
            ++changes;
            break;
        case 1:
            model.setStatusFilter(changes % 2 ? Ppid::Status::Diproses : Ppid::Status::Selesai);
            ++changes;
            break;
        default:
            model.sort(PpidRegisterModel::ReceivedColumn, changes % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
            ++changes;
            break;
        }
    }
    state.counters["ms_per_change"] =
        benchmark::Counter(double(changes), benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

/** The exact count that follows a pause in typing (0: no filter, 1: a common name, 2: a status). */
void BM_DeferredCount(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    PpidRegisterModel model(f.db, benchActor());
    if (state.range(0) == 1)
        model.setSearchText(f.commonName);
    else if (state.range(0) == 2)
        model.setStatusFilter(Ppid::Status::Selesai);
    for (auto _ : state)
        model.countNow();
    state.counters["rows"] = model.totalCount();
}

/** The whole register page built and shown (what opening the PPID screen costs). */
void BM_PageShown(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    for (auto _ : state) {
        HumasUi::PpidPage page(f.db, benchActor());
        page.resize(1366, 768);
        page.show();
        while (!page.windowHandle() || !page.windowHandle()->isExposed())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::processEvents();
    }
}

/** The objection register read when its tab is shown (DemoGenerator adds an objection to about 4 % of the requests). */
void BM_ObjectionTab(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    Humas::PpidObjectionTableModel model(f.db, benchActor());
    for (auto _ : state)
        model.reload();
    state.counters["rows"] = model.rowCount();
}

void BM_Summary(benchmark::State &state)
{
    Fixture &f = fixture();
    if (!f.ok) {
        state.SkipWithError("no fixture");
        return;
    }
    PpidRegisterSummary summary;
    for (auto _ : state) {
        summary = f.model->summary();
        benchmark::DoNotOptimize(summary);
    }
    state.counters["overdue"] = summary.overdue;
    state.counters["due_this_week"] = summary.dueThisWeek;
}

BENCHMARK(BM_SearchKeystroke)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_StatusFilter)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OpdFilter)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MonthFilter)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OverdueOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DueSoonOnly)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SortColumn)
    ->DenseRange(0, PpidRegisterModel::ColumnCount - 1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_FetchMore)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ModelOnly)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DeferredCount)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PageShown)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ObjectionTab)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Summary)->Unit(benchmark::kMillisecond)->UseRealTime();

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
    s_path = qEnvironmentVariableIsSet("HUMAS_BENCH_DB") ? qEnvironmentVariable("HUMAS_BENCH_DB")
                                                         : QStringLiteral("/tmp/humasdesk-bench-ppid-100k.sqlite");
    if (!prepareDatabase(s_path))
        return 1;

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    delete s_fixture;
    return 0;
}
