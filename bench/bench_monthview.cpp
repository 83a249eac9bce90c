// Painting the month view with 2,000 events in one month (issue 3, "Tests and benchmarks":
// target <= 16 ms a frame), offscreen, into a 1366 x 768 image.
//
// The events are real: a temporary database (Parigi Moutong preset plus 40 extra officials)
// gets 2,000 events in November 2026 through EventRepository (about 3% clashing, a few
// all-day events over several days), read by AgendaModel -> AgendaColorProxy as the agenda page
// does. The same rows copied into a QStandardItemModel give the view's own share without the
// proxies.
//
//   BM_PaintFrame/0        one frame of the month, layout cached (real model chain)
//   BM_PaintFrame/1        the same over the QStandardItemModel copy
//   BM_LayoutAfterReset/N  the layout pass after a model change: reading the rows and laying
//                          out every day's chips (what the first frame after a reload adds)
//   BM_FirstFrameAfterReset/N  layout pass + frame
//   BM_ModelReload         AgendaModel::reload() on the database (for context; not the view)
//
//   build-xxx/bench/bench_monthview [--benchmark_filter=...]   (HUMAS_BENCH_IMAGE=frame.png saves a frame)

#include "agenda/agendacolorproxy.h"
#include "agenda/agendamodel.h"
#include "agenda/eventrepository.h"
#include "agenda/monthview.h"
#include "master/referencerepositories.h"
#include "master/seeder.h"
#include "store/database.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

using namespace Humas;

namespace {

constexpr int EventCount = 2000;
constexpr int ExtraOfficials = 40;
const QDate Month(2026, 11, 1);
const QSize FrameSize(1366, 768);

Actor benchActor()
{
    Actor actor = Actor::system();
    actor.username = QStringLiteral("bench");
    return actor;
}

/** The database, the model chain and a plain copy, built once for the whole run. */
struct Fixture
{
    QTemporaryDir dir;
    Database db;
    std::unique_ptr<AgendaModel> model;
    std::unique_ptr<AgendaColorProxy> colors;
    std::unique_ptr<QStandardItemModel> copy;
    int conflicting = 0;

    bool build(QString *error);
    bool addEvents(QString *error);
    void copyRows();
};

bool Fixture::build(QString *error)
{
    QString summary;
    if (!db.open(dir.filePath(QStringLiteral("bench.sqlite")), error) ||
        !Seeder::init(db, QStringLiteral("parigi-moutong"), nullptr, &summary, error))
        return false;
    OfficialRepository officials(db, benchActor());
    for (int i = 0; i < ExtraOfficials; ++i) {
        QString id;
        const QVariantMap values{{QStringLiteral("code"), QStringLiteral("STAF%1").arg(i, 2, 10, QLatin1Char('0'))},
                                 {QStringLiteral("position"), QStringLiteral("Staf %1").arg(i + 1)},
                                 {QStringLiteral("sort_order"), 100 + i}};
        if (!officials.insert(values, &id, error))
            return false;
    }
    if (!addEvents(error))
        return false;
    model = std::make_unique<AgendaModel>(db, benchActor());
    colors = std::make_unique<AgendaColorProxy>();
    colors->setSourceModel(model.get());
    copyRows();
    return true;
}

bool Fixture::addEvents(QString *error)
{
    const QList<AgendaDirectory::Official> officials = AgendaDirectory::load(db).officials;
    // Two officials are kept for the all-day events, which block their whole days.
    const int timedOfficials = int(officials.size()) - 2;
    EventRepository repo(db, benchActor());
    Transaction transaction(db, error);
    const int days = Month.daysInMonth();
    int added = 0;
    for (int span = 0; span < 10; ++span, ++added) {
        EventRecord e;
        e.title = QStringLiteral("Kegiatan beberapa hari %1").arg(span + 1);
        e.allDay = true;
        e.firstDate = Month.addDays(span * 3);
        e.lastDate = e.firstDate.addDays(1 + span % 2);
        e.officialsRequested = {officials.at(timedOfficials + span % 2).id};
        e.status = EventSpan::Status::Terjadwal;
        if (!repo.add(&e, error))
            return false;
    }
    for (int k = 0; added < EventCount; ++k, ++added) {
        const QDate day = Month.addDays(k % days);
        const int n = k / days; // the n-th event of that day
        int official = n % timedOfficials;
        int hour = 7 + 2 * (n / timedOfficials) + n % 3;
        if (n % 33 == 32) { // about 3%: the same official as the previous event, an hour that overlaps
            official = (n - 1) % timedOfficials;
            hour = 7 + 2 * ((n - 1) / timedOfficials) + (n - 1) % 3;
        }
        EventRecord e;
        e.title = QStringLiteral("Rapat koordinasi %1").arg(k + 1);
        e.start = repo.localToUtc(day, QTime(hour, 15 * (n % 4)));
        e.end = e.start.addSecs(3600);
        e.officialsRequested = {officials.at(official).id};
        e.status = n % 17 == 0 ? EventSpan::Status::Diajukan : EventSpan::Status::Terjadwal;
        if (!repo.add(&e, error))
            return false;
    }
    return transaction.commit(error);
}

void Fixture::copyRows()
{
    const QList<int> roles = {AgendaModel::IdRole,
                              AgendaModel::TitleRole,
                              AgendaModel::StartRole,
                              AgendaModel::EndRole,
                              AgendaModel::AllDayRole,
                              AgendaModel::FirstDateRole,
                              AgendaModel::LastDateRole,
                              AgendaModel::StatusRole,
                              AgendaModel::ConflictRole,
                              AgendaModel::ConflictTextRole,
                              Qt::BackgroundRole,
                              Qt::ForegroundRole,
                              Qt::ToolTipRole};
    model->setRange(Month.addDays(1 - Month.dayOfWeek()), Month.addDays(1 - Month.dayOfWeek() + 41));
    copy = std::make_unique<QStandardItemModel>();
    conflicting = 0;
    for (int row = 0; row < colors->rowCount(); ++row) {
        const QModelIndex index = colors->index(row, 0);
        auto *item = new QStandardItem;
        for (int role : roles)
            item->setData(index.data(role), role);
        conflicting += index.data(AgendaModel::ConflictRole).toBool() ? 1 : 0;
        copy->appendRow(item);
    }
}

Fixture *s_fixture = nullptr;

QAbstractItemModel *modelFor(int which)
{
    return which == 0 ? static_cast<QAbstractItemModel *>(s_fixture->colors.get()) : s_fixture->copy.get();
}

std::unique_ptr<HumasUi::MonthView> makeView(QAbstractItemModel *model)
{
    auto view = std::make_unique<HumasUi::MonthView>();
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setToday(QDate(2026, 11, 18));
    view->setMonth(Month);
    view->setModel(model);
    view->resize(FrameSize);
    view->show();
    return view;
}

void paintFrame(HumasUi::MonthView &view, QImage &image)
{
    QPainter painter(&image);
    view.render(&painter);
}

void BM_PaintFrame(benchmark::State &state)
{
    auto view = makeView(modelFor(int(state.range(0))));
    QImage image(FrameSize, QImage::Format_ARGB32_Premultiplied);
    paintFrame(*view, image); // lays out once
    for (auto _ : state) {
        paintFrame(*view, image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["chipsOn23"] = double(view->chipsOn(QDate(2026, 11, 23)).size());
    const QString picture = qEnvironmentVariable("HUMAS_BENCH_IMAGE"); // to look at the frame
    if (!picture.isEmpty() && state.range(0) == 0)
        image.save(picture);
}

void BM_LayoutAfterReset(benchmark::State &state)
{
    QAbstractItemModel *model = modelFor(int(state.range(0)));
    auto view = makeView(model);
    for (auto _ : state) {
        Q_EMIT model->layoutChanged();                  // what a reload tells the view, without reloading
        benchmark::DoNotOptimize(view->chipsOn(Month)); // forces the layout pass
    }
}

void BM_FirstFrameAfterReset(benchmark::State &state)
{
    QAbstractItemModel *model = modelFor(int(state.range(0)));
    auto view = makeView(model);
    QImage image(FrameSize, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        Q_EMIT model->layoutChanged();
        paintFrame(*view, image);
        benchmark::DoNotOptimize(image.constBits());
    }
}

void BM_ModelReload(benchmark::State &state)
{
    for (auto _ : state)
        s_fixture->model->reload();
    state.counters["rows"] = double(s_fixture->model->rowCount());
}

BENCHMARK(BM_PaintFrame)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_LayoutAfterReset)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FirstFrameAfterReset)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ModelReload)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::Indonesian, QLocale::Indonesia));
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    Fixture fixture;
    QString error;
    if (!fixture.build(&error)) {
        std::fprintf(stderr, "bench_monthview: cannot prepare the database: %s\n", qPrintable(error));
        return 1;
    }
    s_fixture = &fixture;
    std::printf("bench_monthview: %d events in the grid of November 2026, %d clashing; frame %dx%d\n",
                int(fixture.copy->rowCount()), fixture.conflicting, FrameSize.width(), FrameSize.height());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
